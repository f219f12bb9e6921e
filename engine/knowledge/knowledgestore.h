#pragma once

#include "engine/core/result.h"
#include "engine/knowledge/knowledgerecords.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace flowdeck::engine {

class SqliteConnection;

// A knowledge base's database, `knowledge.db` in the base folder (DESIGN.md §9): its
// documents, their chunks with source locations and optional parent chunks, the chunks'
// full-text index (the "flowdeck" tokenizer) and their vectors (int8, QuantizedVector),
// and the golden questions. Every change that belongs together is one transaction, so a
// process killed midway leaves the old state or the new, never half.
//
// One connection: not thread-safe; open one store per thread.
class KnowledgeStore {
public:
    enum class Mode { ReadWrite, ReadOnly };
    static constexpr int kSchemaVersion = 1;
    static constexpr const char *kDatabaseFileName = "knowledge.db";

    // Opens the base in `folder`; ReadWrite creates the folder's database when missing.
    static Result<std::unique_ptr<KnowledgeStore>> open(const std::filesystem::path &folder, Mode mode);
    ~KnowledgeStore();
    KnowledgeStore(const KnowledgeStore &) = delete;
    KnowledgeStore &operator=(const KnowledgeStore &) = delete;

    const std::filesystem::path &folder() const { return m_folder; }
    Mode mode() const { return m_mode; }

    // Documents, by path (relative to the base folder, or a URL). Upserting keeps the id
    // and the chunks of an existing path; it returns the id.
    Result<std::int64_t> upsertDocument(const DocumentRecord &document);
    Result<std::optional<DocumentRecord>> findDocument(const std::string &path);
    Result<std::vector<DocumentRecord>> documents();
    Result<bool> removeDocument(const std::string &path);  // false when there was none
    Result<bool> setDocumentStatus(std::int64_t documentId, DocumentStatus status, const std::string &reason = {},
                                   const std::vector<std::string> &warnings = {});

    // Replaces all chunks of a document, marks it indexed with its chunk count: one
    // transaction. Returns the number of chunks stored.
    Result<int> replaceChunks(std::int64_t documentId, const std::vector<ChunkRecord> &chunks);
    Result<std::vector<StoredChunk>> chunks(std::int64_t documentId, int offset, int limit);
    Result<std::vector<StoredChunk>> chunksById(const std::vector<std::int64_t> &ids);

    // Vectors: embedding is a stage of its own, resumable by asking for what is missing.
    Result<std::vector<StoredChunk>> chunksWithoutVectors(int limit);  // matchable chunks only
    Result<int> setVectors(const std::vector<std::pair<std::int64_t, std::vector<float>>> &vectors);
    Result<bool> clearVectors();  // for a re-embed, possibly with other dimensions
    Result<std::int64_t> vectorCount();
    Result<int> dimensions();  // 0 before the first vector
    // Changes with every change to the stored vectors (a cheap staleness check).
    Result<std::int64_t> vectorGeneration();
    // Each stored vector in chunk id order: chunk id, document id, QuantizedVector blob.
    Result<std::int64_t> forEachVector(
        const std::function<void(std::int64_t chunkId, std::int64_t documentId, std::string_view blob)> &visit);

    Result<KnowledgeStats> stats();

    Result<std::int64_t> addGoldenQuestion(const GoldenQuestion &question);
    Result<std::vector<GoldenQuestion>> goldenQuestions();
    Result<bool> removeGoldenQuestion(std::int64_t id);

    // The connection, for the searches of this folder (knowledgesearch.cpp).
    SqliteConnection &connection() { return *m_db; }
    // The vector index file beside the database (vectorindex.h).
    std::filesystem::path vectorIndexPath() const { return m_folder / "vectors.hnsw"; }

private:
    KnowledgeStore(std::filesystem::path folder, Mode mode, std::unique_ptr<SqliteConnection> db);
    Diagnostic sqlError(const std::string &what) const;
    Diagnostic readOnlyError() const;
    Result<bool> createSchema();
    Result<bool> refreshFullTextIndexIfTokenizerChanged(Diagnostics &warnings);
    Result<int> checkedDimensions(int dimensions);
    bool bumpVectorGeneration();
    std::optional<std::string> meta(const std::string &key);
    bool setMeta(const std::string &key, const std::string &value);

    std::filesystem::path m_folder;
    Mode m_mode;
    std::unique_ptr<SqliteConnection> m_db;
};

} // namespace flowdeck::engine
