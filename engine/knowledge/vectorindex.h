#pragma once

#include "engine/core/result.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <vector>

namespace flowdeck::engine {

class KnowledgeStore;

struct VectorIndexOptions {
    // Up to this many vectors the search is exact (a brute-force int8 scan); above it an
    // HNSW graph (hnswlib) is used, kept in vectors.hnsw beside the database.
    std::size_t exactLimit = 20000;
    std::size_t graphNeighbours = 16;      // HNSW M
    std::size_t buildBreadth = 100;        // HNSW ef_construction
    std::size_t searchBreadth = 400;       // HNSW ef at search time (at least k); 128 kept ~77% of the exact top 50 at 100k
    unsigned threads = 0;                  // for building the graph; 0: the hardware's
    bool saveGraph = true;                 // write vectors.hnsw (when the base's folder is writable)
};

// The stored vectors of a knowledge base in memory, searched by cosine similarity. The
// rows stay int8 (QuantizedVector, ~1 KiB per 1024 dimensions); the HNSW graph holds a
// pointer to each row rather than a copy. Immutable once built: searches from several
// threads may share it.
class VectorIndex {
public:
    struct Match {
        std::int64_t chunkId = 0;
        std::int64_t documentId = 0;
        float score = 0;  // cosine similarity
    };
    // Which rows may be returned (a search's filters); null: all.
    using RowFilter = std::function<bool(std::int64_t chunkId, std::int64_t documentId)>;

    // Reads every vector of `store`; loads vectors.hnsw when it was built from exactly these
    // vectors, else builds the graph (and saves it when allowed).
    static Result<std::shared_ptr<const VectorIndex>> build(KnowledgeStore &store,
                                                            const VectorIndexOptions &options = {});
    ~VectorIndex();

    std::int64_t generation() const { return m_generation; }  // KnowledgeStore::vectorGeneration() at build
    std::size_t size() const { return m_chunkIds.size(); }
    int dimensions() const { return m_dimensions; }
    bool approximate() const { return m_graph != nullptr; }
    bool graphWasLoaded() const { return m_graphLoaded; }
    std::size_t memoryBytes() const;

    // The `k` rows most similar to `query`, best first: exact below the limit, else from
    // the graph, widened until `k` rows pass the filter (or all rows were seen).
    Result<std::vector<Match>> search(std::span<const float> query, std::size_t k, const RowFilter &filter = {}) const;
    // Always the exact scan (for measuring the graph's recall).
    Result<std::vector<Match>> exactSearch(std::span<const float> query, std::size_t k,
                                           const RowFilter &filter = {}) const;

private:
    struct Graph;
    VectorIndex() = default;
    Result<std::vector<std::int8_t>> quantizedQuery(std::span<const float> query) const;
    const std::int8_t *row(std::size_t i) const { return m_rows.data() + i * m_stride; }
    float rowScale(std::size_t i) const;
    bool loadGraph(const std::string &file, std::uint64_t fingerprint);
    void buildGraph(const VectorIndexOptions &options);
    void saveGraph(const std::string &file, std::uint64_t fingerprint) const;

    int m_dimensions = 0;
    std::size_t m_padded = 0;  // dimensions rounded up to kVectorBlock
    std::size_t m_stride = 0;  // padded values, then the float scale
    std::vector<std::int8_t> m_rows;
    std::vector<std::int64_t> m_chunkIds;
    std::vector<std::int64_t> m_documentIds;
    std::int64_t m_generation = 0;
    std::unique_ptr<Graph> m_graph;
    bool m_graphLoaded = false;
};

} // namespace flowdeck::engine
