#pragma once

#include "engine/knowledge/sourcelocation.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace flowdeck::engine {

// The rows of a knowledge base's database (engine/knowledge/knowledgestore.h).

enum class DocumentStatus { Pending, Indexed, Failed };
std::string toString(DocumentStatus status);  // "pending", "indexed", "failed"
DocumentStatus documentStatusFromString(const std::string &text);  // unknown: Pending

// A file (its path relative to the base folder) or a web page (its URL).
struct DocumentRecord {
    std::int64_t id = 0;
    std::string path;
    std::string title;
    std::string type;              // "pdf", "docx", "md", "url", ...
    std::int64_t size = 0;         // bytes
    std::int64_t mtime = 0;        // seconds since the epoch
    std::string sha256;            // hex, of the content last indexed
    DocumentStatus status = DocumentStatus::Pending;
    std::string reason;            // why it failed, a full sentence
    std::vector<std::string> tags;
    std::int64_t addedAt = 0;      // seconds since the epoch; set by the store when 0
    std::int64_t indexedAt = 0;
    int chunkCount = 0;
    std::vector<std::string> warnings;
};

// A chunk to store. A child (parentOrdinal >= 0) is matched by search and its parent, the
// chunk at that position in the same list, is what a hit returns.
struct ChunkRecord {
    std::string text;
    SourceLocation location;
    int parentOrdinal = -1;
    bool isParent = false;  // parents are not matched, only returned for their children
    std::optional<std::vector<float>> vector;
};

// A chunk as stored.
struct StoredChunk {
    std::int64_t id = 0;
    std::int64_t documentId = 0;
    int ordinal = 0;
    std::string text;
    SourceLocation location;
    std::optional<std::int64_t> parentId;
    bool isParent = false;
    bool hasVector = false;
};

struct KnowledgeStats {
    int documents = 0;
    int pending = 0;
    int indexed = 0;
    int failed = 0;
    std::int64_t chunks = 0;
    std::int64_t vectors = 0;
    int dimensions = 0;
    std::int64_t bytesOnDisk = 0;  // the database with its WAL, and the vector index file
    nlohmann::json toJson() const;
};

// A question with the passages a good search must find: a hit counts when its document
// path is `documentPath` and its text contains `snippet`.
struct GoldenQuestion {
    struct Expected {
        std::string documentPath;
        std::string snippet;
    };
    std::int64_t id = 0;
    std::string question;
    std::vector<Expected> expected;
};

} // namespace flowdeck::engine
