#include "engine/knowledge/vectorindex.h"

#include "engine/core/atomicfile.h"
#include "engine/knowledge/knowledgediagnostic.h"
#include "engine/knowledge/knowledgestore.h"
#include "engine/knowledge/quantizedvector.h"

// hnswlib.h defines non-inline functions: this is the only file of the engine that includes it.
#include <hnswlib/hnswlib.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <cstring>

#include <unistd.h>
#include <queue>
#include <thread>

namespace flowdeck::engine {

namespace {

// The graph stores, per element, a pointer to its int8 row (value bytes, then the float
// scale) instead of a copy; a query is passed the same way.
float rowDistance(const void *a, const void *b, const void *param)
{
    const std::int8_t *rowA;
    const std::int8_t *rowB;
    std::memcpy(&rowA, a, sizeof rowA);
    std::memcpy(&rowB, b, sizeof rowB);
    const std::size_t padded = *static_cast<const std::size_t *>(param);
    float scaleA, scaleB;
    std::memcpy(&scaleA, rowA + padded, sizeof scaleA);
    std::memcpy(&scaleB, rowB + padded, sizeof scaleB);
    return 1.0f - scaleA * scaleB * static_cast<float>(dotInt8(rowA, rowB, padded));
}

class RowSpace final : public hnswlib::SpaceInterface<float> {
public:
    explicit RowSpace(std::size_t padded) : m_padded(padded) {}
    std::size_t get_data_size() override { return sizeof(const std::int8_t *); }
    hnswlib::DISTFUNC<float> get_dist_func() override { return &rowDistance; }
    void *get_dist_func_param() override { return &m_padded; }

private:
    std::size_t m_padded;
};

std::uint64_t mix(std::uint64_t hash, std::uint64_t value)
{
    for (int i = 0; i < 8; ++i) {
        hash ^= (value >> (8 * i)) & 0xFF;
        hash *= 1099511628211ull;
    }
    return hash;
}

std::string sidecarPath(const std::string &graphFile)
{
    return graphFile + ".json";
}

} // namespace

struct VectorIndex::Graph {
    explicit Graph(std::size_t padded) : space(padded) {}
    RowSpace space;
    std::unique_ptr<hnswlib::HierarchicalNSW<float>> hnsw;
};

VectorIndex::~VectorIndex() = default;

float VectorIndex::rowScale(std::size_t i) const
{
    float scale;
    std::memcpy(&scale, row(i) + m_padded, sizeof scale);
    return scale;
}

Result<std::shared_ptr<const VectorIndex>> VectorIndex::build(KnowledgeStore &store, const VectorIndexOptions &options)
{
    using R = Result<std::shared_ptr<const VectorIndex>>;
    std::shared_ptr<VectorIndex> index(new VectorIndex());
    auto generation = store.vectorGeneration();
    if (!generation)
        return R(generation.diagnostics());
    auto dims = store.dimensions();
    if (!dims)
        return R(dims.diagnostics());
    auto count = store.vectorCount();
    if (!count)
        return R(count.diagnostics());
    index->m_generation = generation.value();
    index->m_dimensions = dims.value();
    index->m_padded = paddedDimensions(static_cast<std::size_t>(index->m_dimensions));
    index->m_stride = index->m_padded + sizeof(float);
    if (index->m_dimensions <= 0)
        return R(std::shared_ptr<const VectorIndex>(std::move(index)));

    const auto expected = static_cast<std::size_t>(count.value());
    index->m_rows.reserve(expected * index->m_stride);
    index->m_chunkIds.reserve(expected);
    index->m_documentIds.reserve(expected);
    std::uint64_t fingerprint = 1469598103934665603ull;
    const std::size_t blobSize = static_cast<std::size_t>(index->m_dimensions) + 4;
    auto visited = store.forEachVector([&](std::int64_t chunkId, std::int64_t documentId, std::string_view blob) {
        if (blob.size() != blobSize)
            return;  // left from other dimensions; never mixed into the scores
        const auto q = QuantizedVector::fromBlob(blob);
        if (!q)
            return;
        const std::size_t at = index->m_rows.size();
        index->m_rows.resize(at + index->m_stride, 0);
        std::memcpy(index->m_rows.data() + at, q->values.data(), q->values.size());
        std::memcpy(index->m_rows.data() + at + index->m_padded, &q->scale, sizeof q->scale);
        index->m_chunkIds.push_back(chunkId);
        index->m_documentIds.push_back(documentId);
        std::uint32_t scaleBits;
        std::memcpy(&scaleBits, &q->scale, sizeof scaleBits);
        fingerprint = mix(mix(mix(fingerprint, static_cast<std::uint64_t>(chunkId)), scaleBits),
                          static_cast<std::uint64_t>(documentId));
    });
    if (!visited)
        return R(visited.diagnostics());
    fingerprint = mix(mix(fingerprint, index->m_chunkIds.size()), static_cast<std::uint64_t>(index->m_dimensions));

    if (index->size() > options.exactLimit) {
        const std::string file = store.vectorIndexPath().string();
        if (!index->loadGraph(file, fingerprint)) {
            index->buildGraph(options);
            // Saved also by a read-only store when its folder is writable (a runtime's copy of a
            // deployed base), so the graph is built once, not at every start.
            const bool writable = store.mode() == KnowledgeStore::Mode::ReadWrite ||
                                  ::access(store.folder().c_str(), W_OK) == 0;
            if (index->m_graph && options.saveGraph && writable)
                index->saveGraph(file, fingerprint);
        }
        if (index->m_graph)
            index->m_graph->hnsw->setEf(options.searchBreadth);
    }
    return R(std::shared_ptr<const VectorIndex>(std::move(index)));
}

bool VectorIndex::loadGraph(const std::string &file, std::uint64_t fingerprint)
{
    const auto sidecar = readWholeFile(sidecarPath(file));
    if (!sidecar)
        return false;
    const auto j = nlohmann::json::parse(*sidecar, nullptr, false);
    std::error_code ec;
    const auto bytes = std::filesystem::file_size(file, ec);
    if (!j.is_object() || ec || j.value("fingerprint", std::string()) != std::to_string(fingerprint)
        || j.value("count", std::size_t(0)) != size() || j.value("bytes", std::uintmax_t(0)) != bytes)
        return false;
    auto graph = std::make_unique<Graph>(m_padded);
    try {
        graph->hnsw = std::make_unique<hnswlib::HierarchicalNSW<float>>(&graph->space, file, false, size());
    } catch (const std::exception &) {
        return false;
    }
    auto &h = *graph->hnsw;
    if (h.cur_element_count != size() || h.data_size_ != sizeof(const std::int8_t *))
        return false;
    // The saved pointers belong to another process: point each element at its row again.
    for (hnswlib::tableint i = 0; i < h.cur_element_count; ++i) {
        const hnswlib::labeltype label = h.getExternalLabel(i);
        if (label >= size())
            return false;
        const std::int8_t *p = row(label);
        std::memcpy(h.getDataByInternalId(i), &p, sizeof p);
    }
    m_graph = std::move(graph);
    m_graphLoaded = true;
    return true;
}

void VectorIndex::buildGraph(const VectorIndexOptions &options)
{
    auto graph = std::make_unique<Graph>(m_padded);
    const std::size_t n = size();
    try {
        graph->hnsw = std::make_unique<hnswlib::HierarchicalNSW<float>>(&graph->space, n, options.graphNeighbours,
                                                                         options.buildBreadth);
        const std::int8_t *first = row(0);
        graph->hnsw->addPoint(&first, 0);
    } catch (const std::exception &) {
        return;  // exact search it is
    }
    std::atomic<std::size_t> next{1};
    std::atomic<bool> failed{false};
    auto work = [&] {
        for (std::size_t i; !failed && (i = next++) < n;) {
            try {
                const std::int8_t *p = row(i);
                graph->hnsw->addPoint(&p, i);
            } catch (...) {
                failed = true;
            }
        }
    };
    unsigned threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    threads = static_cast<unsigned>(std::min<std::size_t>(threads, n / 1000 + 1));
    std::vector<std::thread> workers;
    for (unsigned t = 1; t < threads; ++t)
        workers.emplace_back(work);
    work();
    for (auto &w : workers)
        w.join();
    if (!failed)
        m_graph = std::move(graph);
}

void VectorIndex::saveGraph(const std::string &file, std::uint64_t fingerprint) const
{
    // The description goes first and comes back last, so a graph without a matching
    // description is never trusted.
    std::error_code ec;
    std::filesystem::remove(sidecarPath(file), ec);
    const std::string temporary = file + "." + std::to_string(::getpid()) + ".tmp";  // two processes may save at once
    try {
        m_graph->hnsw->saveIndex(temporary);
    } catch (const std::exception &) {
        std::filesystem::remove(temporary, ec);
        return;
    }
    std::filesystem::rename(temporary, file, ec);
    const auto bytes = std::filesystem::file_size(file, ec);
    if (ec)
        return;
    const nlohmann::json sidecar = {{"fingerprint", std::to_string(fingerprint)}, {"count", size()},
                                    {"dimensions", m_dimensions}, {"bytes", bytes}};
    std::string error;
    writeFileAtomically(sidecarPath(file), sidecar.dump(), error);
}

std::size_t VectorIndex::memoryBytes() const
{
    std::size_t bytes = m_rows.capacity() + (m_chunkIds.capacity() + m_documentIds.capacity()) * sizeof(std::int64_t);
    if (m_graph) {
        const auto &h = *m_graph->hnsw;
        bytes += h.max_elements_ * h.size_data_per_element_;                   // level 0
        bytes += h.cur_element_count * (sizeof(void *) + sizeof(int) + 48);     // upper-level pointers, lookup
        bytes += h.max_elements_ * sizeof(std::mutex);
    }
    return bytes;
}

Result<std::vector<std::int8_t>> VectorIndex::quantizedQuery(std::span<const float> query) const
{
    using R = Result<std::vector<std::int8_t>>;
    if (static_cast<int>(query.size()) != m_dimensions)
        return R::failure(knowledgeDiagnostic(
            "knowledge-dimension-mismatch",
            "The question's embedding has " + std::to_string(query.size())
                + " dimensions but this knowledge base's vectors have " + std::to_string(m_dimensions)
                + ". Use the embedding model the base was embedded with, or embed the base again.",
            {std::to_string(query.size()), std::to_string(m_dimensions)}));
    const auto q = QuantizedVector::fromFloats(query);
    if (!q)
        return R::failure(knowledgeDiagnostic("knowledge-bad-vector",
                                              "The question's embedding is all zeros or holds values that are not "
                                              "numbers, so it cannot be compared. Check the embedding model."));
    std::vector<std::int8_t> out(m_stride, 0);
    std::memcpy(out.data(), q->values.data(), q->values.size());
    std::memcpy(out.data() + m_padded, &q->scale, sizeof q->scale);
    return out;
}

Result<std::vector<VectorIndex::Match>> VectorIndex::exactSearch(std::span<const float> query, std::size_t k,
                                                                 const RowFilter &filter) const
{
    using R = Result<std::vector<Match>>;
    if (size() == 0 || k == 0)
        return std::vector<Match>();
    auto q = quantizedQuery(query);
    if (!q)
        return R(q.diagnostics());
    const std::int8_t *qv = q->data();
    float qScale;
    std::memcpy(&qScale, qv + m_padded, sizeof qScale);
    // A min-heap of the best k so far.
    auto worse = [](const std::pair<float, std::size_t> &a, const std::pair<float, std::size_t> &b) {
        return a.first > b.first;
    };
    std::priority_queue<std::pair<float, std::size_t>, std::vector<std::pair<float, std::size_t>>, decltype(worse)>
        best(worse);
    for (std::size_t i = 0; i < size(); ++i) {
        if (filter && !filter(m_chunkIds[i], m_documentIds[i]))
            continue;
        const float score = qScale * rowScale(i) * static_cast<float>(dotInt8(qv, row(i), m_padded));
        if (best.size() < k)
            best.emplace(score, i);
        else if (score > best.top().first) {
            best.pop();
            best.emplace(score, i);
        }
    }
    std::vector<Match> out(best.size());
    for (std::size_t i = out.size(); i-- > 0; best.pop())
        out[i] = {m_chunkIds[best.top().second], m_documentIds[best.top().second], best.top().first};
    return out;
}

Result<std::vector<VectorIndex::Match>> VectorIndex::search(std::span<const float> query, std::size_t k,
                                                            const RowFilter &filter) const
{
    using R = Result<std::vector<Match>>;
    if (!m_graph || size() == 0 || k == 0)
        return exactSearch(query, k, filter);
    auto q = quantizedQuery(query);
    if (!q)
        return R(q.diagnostics());
    const std::int8_t *qv = q->data();
    // Filters are applied to the graph's answers; when they drop too many, ask for more,
    // and past an eighth of the base scan it exactly (cheaper than a very wide graph walk).
    for (std::size_t wanted = k;; wanted *= 4) {
        if (wanted * 8 > size())
            return exactSearch(query, k, filter);
        std::priority_queue<std::pair<float, hnswlib::labeltype>> found;
        try {
            found = m_graph->hnsw->searchKnn(&qv, wanted);
        } catch (const std::exception &) {
            return exactSearch(query, k, filter);
        }
        const std::size_t returned = found.size();
        std::vector<Match> all;
        all.reserve(returned);
        for (; !found.empty(); found.pop()) {
            const auto rowIndex = static_cast<std::size_t>(found.top().second);
            if (filter && !filter(m_chunkIds[rowIndex], m_documentIds[rowIndex]))
                continue;
            all.push_back({m_chunkIds[rowIndex], m_documentIds[rowIndex], 1.0f - found.top().first});
        }
        if (all.size() >= k || returned >= size()) {
            std::reverse(all.begin(), all.end());
            if (all.size() > k)
                all.resize(k);
            return all;
        }
    }
}

} // namespace flowdeck::engine
