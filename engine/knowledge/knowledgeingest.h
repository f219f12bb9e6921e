#pragma once

#include "engine/core/result.h"
#include "engine/knowledge/knowledgesettings.h"
#include "engine/model/providerprofile.h"

#include <atomic>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace flowdeck::engine {

class SecretStore;

// Where a base's vectors come from: its embedding profile resolved with its key.
struct EmbeddingTarget {
    ProviderProfile profile;
    std::string apiKey;
    std::string model;
    int dimensions = 0;
};

// The base's embedding profile with its key; nullopt when the base has none (keyword
// search only); an error naming the profile or the key that is missing.
Result<std::optional<EmbeddingTarget>> resolveEmbedding(const KnowledgeSettings &settings, const ProfileStore &profiles,
                                                        const SecretStore &secrets);

struct IngestProgress {
    enum class Stage { Reading, Embedding, Done };
    Stage stage = Stage::Reading;
    std::string document;   // the document being read (its path in the base, or URL)
    int documentIndex = 0;  // 0-based, among documentCount
    int documentCount = 0;
    int done = 0;           // Reading: pages (or parts) of this document; Embedding: chunks embedded
    int total = 0;
};

struct IngestItem {
    enum class Outcome { Indexed, Unchanged, Failed };
    std::string path;  // in the base (under files/) or the URL
    Outcome outcome = Outcome::Indexed;
    std::string reason;  // why it failed, a sentence naming the file
    int chunks = 0;
    std::vector<std::string> warnings;  // e.g. pages read by OCR
};

struct IngestReport {
    std::vector<IngestItem> items;
    int indexed = 0;
    int unchanged = 0;
    int failed = 0;
    std::int64_t chunks = 0;    // stored by this run
    std::int64_t embedded = 0;  // vectors stored by this run
    std::string embeddingError; // the embedding stage stopped: why (chunks stay searchable by keyword)
    std::vector<std::string> embeddingWarnings;
    bool cancelled = false;
    nlohmann::json toJson() const;
};

struct IngestOptions {
    std::vector<std::string> tags;
    bool force = false;  // read again even when unchanged
    const std::atomic<bool> *cancel = nullptr;
    std::function<void(const IngestProgress &)> progress;
    std::optional<EmbeddingTarget> embedding;  // none: no vectors (keyword search only)
    std::string tesseractProgram = "tesseract";
    bool allowPrivateNetwork = true;  // for web pages
    int embedBatch = 256;  // chunks read from the store per embedding round
};

// Adding documents to a base (DESIGN.md §9): each file (folders are walked) is copied
// into the base's files/ folder, read, cut into passages and stored in one transaction;
// an unchanged file (same content hash, indexed) is skipped; a failed one keeps its
// reason and never stops the others. Then the passages without vectors are embedded,
// in batches, so an interrupted run resumes where it stopped.
class KnowledgeIngest {
public:
    static Result<IngestReport> addFiles(const std::filesystem::path &baseFolder,
                                         const std::vector<std::filesystem::path> &sources, const IngestOptions &options);
    static Result<IngestReport> addUrls(const std::filesystem::path &baseFolder, const std::vector<std::string> &urls,
                                        const IngestOptions &options);
    // Reads every document again from its stored copy (or its URL): after a change of
    // chunking or cleaning settings. With `reembed`, all vectors are dropped and made again.
    static Result<IngestReport> reindex(const std::filesystem::path &baseFolder, const IngestOptions &options, bool reembed);
    // Only the embedding stage: vectors for the passages that have none.
    static Result<IngestReport> embedMissing(const std::filesystem::path &baseFolder, const IngestOptions &options);
    // Removes a document, its passages and its stored copy. False when there was none.
    static Result<bool> remove(const std::filesystem::path &baseFolder, const std::string &path);
    // A new base folder with its kb.json and an empty database.
    static Result<KnowledgeSettings> create(const std::filesystem::path &baseFolder, KnowledgeSettings settings);
};

} // namespace flowdeck::engine
