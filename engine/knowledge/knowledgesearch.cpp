#include "engine/knowledge/knowledgesearch.h"

#include "engine/knowledge/documentfilter.h"
#include "engine/knowledge/knowledgediagnostic.h"
#include "engine/knowledge/knowledgestore.h"
#include "engine/knowledge/sqliteconnection.h"
#include "engine/knowledge/textsegmenter.h"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <unordered_map>
#include <unordered_set>

namespace flowdeck::engine {

namespace {

using Clock = std::chrono::steady_clock;

std::int64_t microsSince(Clock::time_point start)
{
    return std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start).count();
}

struct Candidate {
    std::int64_t chunkId = 0;
    std::int64_t documentId = 0;
    int keywordRank = 0;
    double keywordScore = 0;
    int vectorRank = 0;
    double vectorScore = 0;
    double score = 0;
};

struct ChunkDetails {
    std::int64_t documentId = 0;
    std::string text;
    SourceLocation location;
    std::optional<std::int64_t> parentId;
    std::string parentText;
    std::string path, title, type;
};

// The ranks and scores a hit and its trace line both carry.
template <typename Target>
void copyScores(const Candidate &from, Target &to)
{
    to.chunkId = from.chunkId;
    to.keywordRank = from.keywordRank;
    to.keywordScore = from.keywordScore;
    to.vectorRank = from.vectorRank;
    to.vectorScore = from.vectorScore;
    to.score = from.score;
}

std::string formatScore(double value)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.2f", value);
    return text;
}

} // namespace

std::string toString(SearchMode mode)
{
    switch (mode) {
    case SearchMode::Keyword:
        return "keyword";
    case SearchMode::Vector:
        return "vector";
    case SearchMode::Hybrid:
        break;
    }
    return "hybrid";
}

KnowledgeSearch::KnowledgeSearch(KnowledgeStore &store, VectorIndexOptions options)
    : m_store(store), m_options(options), m_segmenter(std::make_unique<TextSegmenter>())
{
}

KnowledgeSearch::~KnowledgeSearch() = default;

Result<std::shared_ptr<const VectorIndex>> KnowledgeSearch::vectorIndex()
{
    auto generation = m_store.vectorGeneration();
    if (!generation)
        return Result<std::shared_ptr<const VectorIndex>>(generation.diagnostics());
    if (!m_index || m_index->generation() != generation.value()) {
        auto built = VectorIndex::build(m_store, m_options);
        if (!built)
            return built;
        m_index = built.value();
    }
    return m_index;
}

std::vector<std::string> KnowledgeSearch::keywordTokens(const std::string &query, SearchTrace &trace)
{
    // A long question is read whole; what is searched is its rarest words, at most kMaxKeywordTokens.
    std::vector<std::string> tokens = m_segmenter->distinctTokens(query, 4096);
    SqliteConnection &db = m_store.connection();
    if (!m_vocabReady)  // a temporary table: allowed on a read-only base
        m_vocabReady = db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.flowdeck_vocab USING fts5vocab(main, chunks_fts, 'row')");
    if (!m_vocabReady) {
        if (tokens.size() > kMaxKeywordTokens)
            tokens.resize(kMaxKeywordTokens);
        return tokens;
    }
    {
        auto version = db.statement("PRAGMA data_version");
        const std::int64_t now = version.valid() && version.step() == SQLITE_ROW ? version.integer(0) : -2;
        if (now != m_vocabVersion) {
            m_vocabVersion = now;
            m_documentFrequency.clear();
            auto count = db.statement("SELECT count(*) FROM chunks WHERE is_parent = 0");
            m_matchable = count.valid() && count.step() == SQLITE_ROW ? count.integer(0) : 0;
        }
    }
    // Words no passage holds are left out: they cannot match, and a question of many
    // unknown words would otherwise crowd out the ones that can.
    std::vector<std::pair<std::int64_t, std::string>> counted;
    for (const auto &token : tokens) {
        auto it = m_documentFrequency.find(token);
        if (it == m_documentFrequency.end()) {
            auto s = db.statement("SELECT doc FROM temp.flowdeck_vocab WHERE term = ?1");
            std::int64_t df = 0;
            if (s.valid()) {
                s.bind(1, token);
                if (s.step() == SQLITE_ROW)
                    df = s.integer(0);
            }
            if (m_documentFrequency.size() > 100000)
                m_documentFrequency.clear();
            it = m_documentFrequency.emplace(token, df).first;
        }
        if (it->second > 0)
            counted.emplace_back(it->second, token);
    }
    std::stable_sort(counted.begin(), counted.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    const auto common = static_cast<std::int64_t>(kCommonShare * static_cast<double>(m_matchable));
    std::vector<std::string> kept, left;
    for (const auto &[df, token] : counted) {
        if (kept.size() < kMaxKeywordTokens && (df <= common || kept.size() < kKeepRarest))
            kept.push_back(token);
        else if (df > common)
            left.push_back(token);
    }
    if (!left.empty()) {
        std::string list;
        for (std::size_t i = 0; i < left.size() && i < 20; ++i)
            list += (list.empty() ? "" : ", ") + left[i];
        trace.notes.push_back("left out words found in more than 5% of the passages: " + list);
    }
    if (kept.empty() && !tokens.empty())
        trace.notes.push_back("no passage holds any word of the question");
    return kept;
}

Result<SearchOutcome> KnowledgeSearch::search(const SearchRequest &request)
{
    using R = Result<SearchOutcome>;
    const auto started = Clock::now();
    SearchOutcome outcome;
    SearchTrace &trace = outcome.trace;
    trace.query = request.query;
    trace.mode = toString(request.mode);
    const int topK = std::max(0, request.topK);
    const int candidates = std::clamp(request.candidates, std::max(topK, 1), 1000);
    bool wantKeyword = request.mode != SearchMode::Vector;
    bool wantVector = request.mode != SearchMode::Keyword;
    SqliteConnection &db = m_store.connection();
    const std::string where = m_store.folder().string();

    auto noVectorsYet = [&] {
        return knowledgeDiagnostic("knowledge-no-vectors",
                                   "The knowledge base in '" + where
                                       + "' has no vectors yet, so it cannot be searched by meaning. Embed it first, "
                                         "or search by keywords.",
                                   {where});
    };
    if (wantVector && !request.queryVector) {
        auto count = m_store.vectorCount();
        if (!count)
            return R(count.diagnostics());
        if (request.mode == SearchMode::Vector)
            return R::failure(count.value() == 0
                                  ? noVectorsYet()
                                  : knowledgeDiagnostic("knowledge-no-query-vector",
                                                        "A search by meaning needs the question's embedding, and none "
                                                        "was given. Choose an embedding model for this search."));
        trace.notes.push_back("no embedding of the question was given: keyword results only");
        wantVector = false;
    }

    // Filters become the set of documents allowed, applied inside each list's search.
    std::optional<std::unordered_set<std::int64_t>> allowed;
    const DocumentFilter filter(request.filters);
    if (!filter.empty()) {
        const auto stageStart = Clock::now();
        allowed.emplace();
        auto s = db.statement("SELECT id, path, type, tags, added_at FROM documents");
        if (!s.valid())
            return R::failure(knowledgeDiagnostic("knowledge-database", "The knowledge base in '" + where
                                                      + "' could not be searched: " + db.errorMessage() + "."));
        while (s.step() == SQLITE_ROW) {
            std::vector<std::string> tags;
            const auto j = nlohmann::json::parse(s.text(3), nullptr, false);
            if (j.is_array())
                for (const auto &t : j)
                    if (t.is_string())
                        tags.push_back(t.get<std::string>());
            if (auto why = filter.rejection(s.text(1), s.text(2), tags, s.integer(4))) {
                if (trace.filteredDocuments.size() < SearchTrace::kMaxTracedDocuments)
                    trace.filteredDocuments.emplace_back(s.text(1), *why);
                ++trace.filteredDocumentCount;
            } else {
                allowed->insert(s.integer(0));
            }
        }
        trace.stages.push_back({"filter", static_cast<int>(allowed->size()), microsSince(stageStart)});
    }

    std::vector<Candidate> keywordList;
    if (wantKeyword) {
        const auto stageStart = Clock::now();
        trace.ftsExpression = ftsMatchExpression(keywordTokens(request.query, trace));
        if (trace.ftsExpression.empty()) {
            if (trace.notes.empty() || trace.notes.back() != "no passage holds any word of the question")
                trace.notes.push_back("the question has no words to search by keyword");
        } else if (!allowed || !allowed->empty()) {
            const std::string sql = allowed
                ? "SELECT chunks_fts.rowid, -bm25(chunks_fts), c.document_id FROM chunks_fts JOIN chunks c ON c.id = "
                  "chunks_fts.rowid WHERE chunks_fts MATCH ?1 AND c.document_id IN (SELECT value FROM json_each(?3)) "
                  "ORDER BY bm25(chunks_fts) LIMIT ?2"
                : "SELECT chunks_fts.rowid, -bm25(chunks_fts), c.document_id FROM chunks_fts JOIN chunks c ON c.id = "
                  "chunks_fts.rowid WHERE chunks_fts MATCH ?1 ORDER BY bm25(chunks_fts) LIMIT ?2";
            auto s = db.statement(sql);
            if (!s.valid())
                return R::failure(knowledgeDiagnostic("knowledge-database", "The knowledge base in '" + where
                                                          + "' could not be searched: " + db.errorMessage() + "."));
            s.bind(1, trace.ftsExpression).bind(2, candidates);
            if (allowed)
                s.bind(3, safeDump(nlohmann::json(std::vector<std::int64_t>(allowed->begin(), allowed->end()))));
            int rc;
            while ((rc = s.step()) == SQLITE_ROW) {
                Candidate c;
                c.chunkId = s.integer(0);
                c.keywordScore = s.real(1);
                c.documentId = s.integer(2);
                c.keywordRank = static_cast<int>(keywordList.size()) + 1;
                keywordList.push_back(c);
            }
            if (rc != SQLITE_DONE)
                return R::failure(knowledgeDiagnostic("knowledge-database", "The knowledge base in '" + where
                                                          + "' could not be searched: " + db.errorMessage() + "."));
        }
        trace.stages.push_back({"keyword", static_cast<int>(keywordList.size()), microsSince(stageStart)});
    }

    std::vector<Candidate> vectorList;
    if (wantVector) {
        const auto stageStart = Clock::now();
        auto index = vectorIndex();
        if (!index)
            return R(index.diagnostics());
        if (index.value()->size() == 0) {
            if (request.mode == SearchMode::Vector)
                return R::failure(noVectorsYet());
            trace.notes.push_back("the base has no vectors yet: keyword results only");
            wantVector = false;
        } else {
            VectorIndex::RowFilter rowFilter;
            if (allowed)
                rowFilter = [&](std::int64_t, std::int64_t documentId) { return allowed->count(documentId) > 0; };
            auto matches = index.value()->search(*request.queryVector, static_cast<std::size_t>(candidates), rowFilter);
            if (!matches)
                return R(matches.diagnostics());
            trace.approximateVectors = index.value()->approximate();
            for (const auto &m : matches.value()) {
                Candidate c;
                c.chunkId = m.chunkId;
                c.documentId = m.documentId;
                c.vectorScore = m.score;
                c.vectorRank = static_cast<int>(vectorList.size()) + 1;
                vectorList.push_back(c);
            }
        }
        trace.stages.push_back({"vector", static_cast<int>(vectorList.size()), microsSince(stageStart)});
    }

    // Fusion and the mode's score.
    const auto fuseStart = Clock::now();
    std::vector<Candidate> fused = keywordList;
    std::unordered_map<std::int64_t, std::size_t> at;
    for (std::size_t i = 0; i < fused.size(); ++i)
        at[fused[i].chunkId] = i;
    for (const Candidate &v : vectorList) {
        if (auto it = at.find(v.chunkId); it != at.end()) {
            fused[it->second].vectorRank = v.vectorRank;
            fused[it->second].vectorScore = v.vectorScore;
        } else {
            at[v.chunkId] = fused.size();
            fused.push_back(v);
        }
    }
    const double bestKeyword = keywordList.empty() ? 0 : keywordList.front().keywordScore;
    const int lists = (wantKeyword && !trace.ftsExpression.empty() ? 1 : 0) + (wantVector ? 1 : 0);
    for (Candidate &c : fused) {
        switch (request.mode) {
        case SearchMode::Keyword:
            c.score = bestKeyword > 0 ? c.keywordScore / bestKeyword : 1.0;
            break;
        case SearchMode::Vector:
            c.score = c.vectorScore;
            break;
        case SearchMode::Hybrid: {
            double rrf = 0;
            if (c.keywordRank > 0)
                rrf += 1.0 / (kFusionK + c.keywordRank);
            if (c.vectorRank > 0)
                rrf += 1.0 / (kFusionK + c.vectorRank);
            c.score = lists > 0 ? rrf / (lists / double(kFusionK + 1)) : 0;
            break;
        }
        }
    }
    std::stable_sort(fused.begin(), fused.end(), [](const Candidate &a, const Candidate &b) {
        return a.score != b.score ? a.score > b.score : a.chunkId < b.chunkId;
    });

    // The passages' text and documents, for the candidates only.
    std::unordered_map<std::int64_t, ChunkDetails> details;
    if (!fused.empty()) {
        std::vector<std::int64_t> ids;
        for (const auto &c : fused)
            ids.push_back(c.chunkId);
        auto s = db.statement(
            "SELECT c.id, c.document_id, c.text, c.location, c.parent_id, p.text, d.path, d.title, d.type "
            "FROM chunks c JOIN documents d ON d.id = c.document_id LEFT JOIN chunks p ON p.id = c.parent_id "
            "WHERE c.id IN (SELECT value FROM json_each(?))");
        if (!s.valid())
            return R::failure(knowledgeDiagnostic("knowledge-database", "The knowledge base in '" + where
                                                      + "' could not be searched: " + db.errorMessage() + "."));
        s.bind(1, safeDump(nlohmann::json(ids)));
        while (s.step() == SQLITE_ROW) {
            ChunkDetails d;
            d.documentId = s.integer(1);
            d.text = s.text(2);
            d.location = SourceLocation::fromJson(nlohmann::json::parse(s.text(3), nullptr, false));
            if (!s.isNull(4)) {
                d.parentId = s.integer(4);
                d.parentText = s.text(5);
            }
            d.path = s.text(6);
            d.title = s.text(7);
            d.type = s.text(8);
            details.emplace(s.integer(0), std::move(d));
        }
    }

    int kept = 0;
    std::unordered_map<std::int64_t, std::int64_t> parentShownBy;
    for (const Candidate &c : fused) {
        SearchCandidate traced;
        copyScores(c, traced);
        const auto found = details.find(c.chunkId);
        if (found == details.end()) {
            traced.reason = "no longer in the base";
            trace.candidates.push_back(std::move(traced));
            continue;
        }
        const ChunkDetails &d = found->second;
        traced.documentPath = d.path;
        if (c.score < request.scoreThreshold) {
            traced.reason = "below threshold " + formatScore(request.scoreThreshold);
        } else if (d.parentId && parentShownBy.count(*d.parentId)) {
            traced.reason = "same parent passage as chunk " + std::to_string(parentShownBy[*d.parentId]);
        } else if (kept >= topK) {
            traced.reason = "beyond top " + std::to_string(topK);
        } else {
            traced.kept = true;
            traced.reason = "kept";
            ++kept;
            if (d.parentId)
                parentShownBy[*d.parentId] = c.chunkId;
            SearchHit hit;
            copyScores(c, hit);
            hit.documentPath = d.path;
            hit.documentTitle = d.title;
            hit.documentType = d.type;
            hit.matchedText = d.text;
            hit.text = d.parentId ? d.parentText : d.text;
            hit.location = d.location;
            outcome.hits.push_back(std::move(hit));
        }
        trace.candidates.push_back(std::move(traced));
    }
    trace.stages.push_back({"fuse", kept, microsSince(fuseStart)});
    trace.totalMicros = microsSince(started);
    return outcome;
}

} // namespace flowdeck::engine
