// A knowledge base's database and its search (engine/knowledge): schema and modes of
// opening, chunks replaced atomically even when the process is killed, keyword recall in
// Chinese and English, vectors (dimensions, exact scan against the HNSW graph), hybrid
// fusion, filters, threshold and top-k with their reasons in the trace, parent chunks,
// and the golden questions' hit@k and MRR.
#include "engine/knowledge/goldeneval.h"
#include "engine/knowledge/knowledgesearch.h"
#include "engine/knowledge/knowledgestore.h"
#include "engine/knowledge/quantizedvector.h"
#include "engine/knowledge/sqliteconnection.h"
#include "engine/knowledge/vectorindex.h"

#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>

#include <chrono>
#include <cmath>
#include <random>
#include <set>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace flowdeck::engine;
namespace fs = std::filesystem;

namespace {

std::unique_ptr<KnowledgeStore> openStore(const fs::path &folder, KnowledgeStore::Mode mode = KnowledgeStore::Mode::ReadWrite)
{
    auto store = KnowledgeStore::open(folder, mode);
    if (!store)
        qWarning("%s", store.diagnostics().front().message.c_str());
    return store ? std::move(store.value()) : nullptr;
}

std::int64_t addDocument(KnowledgeStore &store, const std::string &path, const std::string &type,
                         const std::vector<std::string> &texts, std::vector<std::string> tags = {})
{
    DocumentRecord d;
    d.path = path;
    d.title = path;
    d.type = type;
    d.tags = std::move(tags);
    const auto id = store.upsertDocument(d);
    std::vector<ChunkRecord> chunks;
    for (const auto &t : texts)
        chunks.push_back(ChunkRecord{t, {}, -1, false, std::nullopt});
    store.replaceChunks(id.value(), chunks);
    return id.value();
}

std::vector<float> randomVector(std::mt19937 &rng, int dims)
{
    std::normal_distribution<float> normal;
    std::vector<float> v(static_cast<std::size_t>(dims));
    for (auto &x : v)
        x = normal(rng);
    return v;
}

std::vector<std::string> hitPaths(const SearchOutcome &o)
{
    std::vector<std::string> paths;
    for (const auto &h : o.hits)
        paths.push_back(h.documentPath);
    return paths;
}

std::string integrityCheck(const fs::path &folder)
{
    sqlite3 *db = nullptr;
    sqlite3_open_v2((folder / "knowledge.db").string().c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt *s = nullptr;
    sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &s, nullptr);
    std::string result;
    if (sqlite3_step(s) == SQLITE_ROW)
        result = reinterpret_cast<const char *>(sqlite3_column_text(s, 0));
    sqlite3_finalize(s);
    sqlite3_close(db);
    return result;
}

} // namespace

class TestKnowledgeStore : public QObject {
    Q_OBJECT

private slots:
    void opensAndKnowsItsSchema()
    {
        QTemporaryDir dir;
        const fs::path folder = dir.filePath("base").toStdString();
        auto missing = KnowledgeStore::open(folder, KnowledgeStore::Mode::ReadOnly);
        QVERIFY(!missing);
        QCOMPARE(missing.diagnostics().front().code, std::string("knowledge-missing"));
        QVERIFY(missing.diagnostics().front().message.find("knowledge.db") != std::string::npos);

        {
            auto store = openStore(folder);
            QVERIFY(store);
            addDocument(*store, "a.md", "md", {"hello"});
        }
        QVERIFY(fs::exists(folder / "knowledge.db"));
        // A newer Flowdeck's database is refused with both versions named.
        sqlite3 *db = nullptr;
        sqlite3_open((folder / "knowledge.db").string().c_str(), &db);
        sqlite3_exec(db, "PRAGMA user_version = 7", nullptr, nullptr, nullptr);
        sqlite3_close(db);
        auto newer = KnowledgeStore::open(folder, KnowledgeStore::Mode::ReadWrite);
        QVERIFY(!newer);
        QCOMPARE(newer.diagnostics().front().code, std::string("knowledge-newer-schema"));
        QVERIFY(newer.diagnostics().front().message.find("version 7") != std::string::npos);
    }

    void documentsAreUpsertedByPath()
    {
        QTemporaryDir dir;
        auto store = openStore(dir.path().toStdString());
        DocumentRecord d;
        d.path = "policies/returns.pdf";
        d.type = "pdf";
        d.tags = {"sales"};
        const auto id = store->upsertDocument(d).value();
        d.title = "Returns";
        QCOMPARE(store->upsertDocument(d).value(), id);
        const auto found = store->findDocument("policies/returns.pdf").value();
        QVERIFY(found);
        QCOMPARE(found->title, std::string("Returns"));
        QCOMPARE(found->tags, std::vector<std::string>{"sales"});
        QVERIFY(found->addedAt > 0);
        QCOMPARE(store->replaceChunks(id, {{"one", {}, -1, false, {}}, {"two", {}, -1, false, {}}}).value(), 2);
        QVERIFY(store->findDocument(d.path).value()->status == DocumentStatus::Indexed);
        QCOMPARE(store->findDocument(d.path).value()->chunkCount, 2);
        QVERIFY(store->setDocumentStatus(id, DocumentStatus::Failed, "It is encrypted.").value());
        QCOMPARE(store->stats().value().failed, 1);
        QVERIFY(store->removeDocument(d.path).value());
        QVERIFY(!store->removeDocument(d.path).value());
        QCOMPARE(store->stats().value().chunks, std::int64_t(0));
        // The FTS rows of the cascaded chunks went with them.
        KnowledgeSearch search(*store);
        SearchRequest r;
        r.query = "one";
        r.mode = SearchMode::Keyword;
        QCOMPARE(search.search(r).value().trace.candidates.size(), std::size_t(0));
    }

    void readOnlyCannotWrite()
    {
        QTemporaryDir dir;
        const fs::path folder = dir.path().toStdString();
        addDocument(*openStore(folder), "a.md", "md", {"退货政策：七天内可退货"});
        auto store = openStore(folder, KnowledgeStore::Mode::ReadOnly);
        QVERIFY(store);
        DocumentRecord d;
        d.path = "b.md";
        auto added = store->upsertDocument(d);
        QVERIFY(!added);
        QCOMPARE(added.diagnostics().front().code, std::string("knowledge-read-only"));
        QVERIFY(!store->replaceChunks(1, {}));
        QVERIFY(!store->setVectors({{1, {1.0f, 0.0f}}}));
        // Even past the API, SQLite refuses.
        QVERIFY(sqlite3_exec(store->connection().handle(), "DELETE FROM chunks", nullptr, nullptr, nullptr)
                != SQLITE_OK);
        KnowledgeSearch search(*store);
        SearchRequest r;
        r.query = "退货";
        r.mode = SearchMode::Keyword;
        QCOMPARE(search.search(r).value().hits.size(), std::size_t(1));
    }

    void keywordRecallInChineseAndEnglish_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("expected");
        QTest::newRow("chinese") << "退货政策" << "returns.md";
        QTest::newRow("mixed") << "退货政策 return policy" << "returns.md";
        QTest::newRow("question") << "如何申请年假" << "leave.md";
        QTest::newRow("english") << "annual leave" << "leave.md";
        QTest::newRow("full-width") << "ＡＰＩ" << "api.md";
    }

    void keywordRecallInChineseAndEnglish()
    {
        QFETCH(QString, query);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        auto store = openStore(dir.path().toStdString());
        addDocument(*store, "returns.md", "md", {"退货政策：收到商品七天内可以退货。Return policy: seven days."});
        addDocument(*store, "leave.md", "md", {"员工申请年假需要提前两周。Annual leave needs two weeks' notice."});
        addDocument(*store, "api.md", "md", {"调用 API 之前先填写密钥。"});
        addDocument(*store, "other.md", "md", {"公司地址和电话。"});
        KnowledgeSearch search(*store);
        SearchRequest r;
        r.query = query.toStdString();
        r.mode = SearchMode::Keyword;
        const auto outcome = search.search(r);
        QVERIFY(outcome);
        QVERIFY(!outcome.value().hits.empty());
        QCOMPARE(outcome.value().hits.front().documentPath, expected.toStdString());
        QCOMPARE(outcome.value().hits.front().score, 1.0);
        QVERIFY(!outcome.value().trace.ftsExpression.empty());
    }

    void bm25RanksMoreMatchesFirst()
    {
        QTemporaryDir dir;
        auto store = openStore(dir.path().toStdString());
        addDocument(*store, "one.md", "md", {"报销 流程 说明 文件 其他 内容"});
        addDocument(*store, "three.md", "md", {"报销 报销 报销 流程 说明 文件"});
        addDocument(*store, "two.md", "md", {"报销 报销 流程 说明 文件 其他"});
        for (int i = 0; i < 5; ++i)
            addDocument(*store, "noise" + std::to_string(i) + ".md", "md", {"会议 记录 其他 内容 文件"});
        KnowledgeSearch search(*store);
        SearchRequest r;
        r.query = "报销";
        r.mode = SearchMode::Keyword;
        const auto outcome = search.search(r).value();
        QCOMPARE(hitPaths(outcome), (std::vector<std::string>{"three.md", "two.md", "one.md"}));
        QVERIFY(outcome.hits[0].keywordScore > outcome.hits[1].keywordScore);
        QCOMPARE(outcome.hits[0].keywordRank, 1);
    }

    void thresholdAndTopKAreExplainedInTheTrace()
    {
        QTemporaryDir dir;
        auto store = openStore(dir.path().toStdString());
        addDocument(*store, "a.md", "md", {"refund refund refund policy", "refund policy text here", "refund"});
        for (int i = 0; i < 5; ++i)
            addDocument(*store, "n" + std::to_string(i) + ".md", "md", {"unrelated words only"});
        KnowledgeSearch search(*store);
        SearchRequest r;
        r.query = "refund policy";
        r.mode = SearchMode::Keyword;
        r.topK = 1;
        r.scoreThreshold = 0.9;
        const auto outcome = search.search(r).value();
        QCOMPARE(outcome.hits.size(), std::size_t(1));
        std::set<std::string> reasons;
        for (const auto &c : outcome.trace.candidates)
            reasons.insert(c.reason);
        QVERIFY(reasons.count("kept"));
        QVERIFY(reasons.count("below threshold 0.90"));
        r.scoreThreshold = 0;
        const auto second = search.search(r).value();
        QCOMPARE(second.trace.candidates.back().reason, std::string("beyond top 1"));
        const auto j = second.toJson();
        QVERIFY(j["trace"]["stages"].size() >= 2);
        QCOMPARE(j["trace"]["candidates"][0]["kept"], nlohmann::json(true));
        QVERIFY(j["hits"][0].contains("keywordScore"));
    }

    void filtersApplyInsideTheSearch()
    {
        QTemporaryDir dir;
        auto store = openStore(dir.path().toStdString());
        addDocument(*store, "policies/returns.pdf", "pdf", {"退货 规则 A"}, {"sales"});
        addDocument(*store, "policies/returns.docx", "docx", {"退货 规则 B"}, {"hr"});
        addDocument(*store, "notes/returns.md", "md", {"退货 规则 C"});
        KnowledgeSearch search(*store);
        SearchRequest r;
        r.query = "退货";
        r.mode = SearchMode::Keyword;
        r.filters.types = {"docx"};
        auto outcome = search.search(r).value();
        QCOMPARE(hitPaths(outcome), std::vector<std::string>{"policies/returns.docx"});
        bool explained = false;
        for (const auto &[path, reason] : outcome.trace.filteredDocuments)
            explained = explained || (path == "policies/returns.pdf" && reason == "filtered out: type pdf not in [docx]");
        QVERIFY(explained);

        r.filters = {};
        r.filters.fileNames = {"policies/*"};
        QCOMPARE(search.search(r).value().hits.size(), std::size_t(2));
        r.filters.fileNames = {"*.MD"};
        QCOMPARE(hitPaths(search.search(r).value()), std::vector<std::string>{"notes/returns.md"});
        r.filters = {};
        r.filters.tags = {"sales"};
        QCOMPARE(hitPaths(search.search(r).value()), std::vector<std::string>{"policies/returns.pdf"});
        r.filters = {};
        r.filters.addedFrom = 4102444800;  // 2100-01-01
        outcome = search.search(r).value();
        QVERIFY(outcome.hits.empty());
        QCOMPARE(outcome.trace.filteredDocumentCount, 3);
        QVERIFY(outcome.trace.filteredDocuments.front().second.find("before 2100-01-01") != std::string::npos);
    }

    void vectorsAreCompactAndCheckDimensions()
    {
        std::mt19937 rng(7);
        const auto a = randomVector(rng, 1024);
        const auto b = randomVector(rng, 1024);
        const auto qa = QuantizedVector::fromFloats(a).value();
        QCOMPARE(qa.toBlob().size(), std::size_t(1028));
        double dot = 0, na = 0, nb = 0;
        for (std::size_t i = 0; i < a.size(); ++i) {
            dot += double(a[i]) * b[i];
            na += double(a[i]) * a[i];
            nb += double(b[i]) * b[i];
        }
        const auto qb = QuantizedVector::fromFloats(b).value();
        std::vector<std::int8_t> pa(paddedDimensions(1024)), pb(paddedDimensions(1024));
        std::copy(qa.values.begin(), qa.values.end(), pa.begin());
        std::copy(qb.values.begin(), qb.values.end(), pb.begin());
        const double approx = double(qa.scale) * qb.scale * dotInt8(pa.data(), pb.data(), pa.size());
        QVERIFY(std::fabs(approx - dot / std::sqrt(na * nb)) < 0.01);
        QVERIFY(!QuantizedVector::fromFloats(std::vector<float>(8, 0.0f)));

        QTemporaryDir dir;
        auto store = openStore(dir.path().toStdString());
        addDocument(*store, "a.md", "md", {"one", "two"});
        const auto pending = store->chunksWithoutVectors(10).value();
        QCOMPARE(pending.size(), std::size_t(2));
        QCOMPARE(store->setVectors({{pending[0].id, std::vector<float>(1024, 0.5f)}}).value(), 1);
        auto wrong = store->setVectors({{pending[1].id, std::vector<float>(768, 0.5f)}});
        QVERIFY(!wrong);
        QCOMPARE(wrong.diagnostics().front().code, std::string("knowledge-dimension-mismatch"));
        QVERIFY(wrong.diagnostics().front().message.find("768") != std::string::npos);
        QVERIFY(wrong.diagnostics().front().message.find("1024") != std::string::npos);
        QCOMPARE(store->vectorCount().value(), std::int64_t(1));
        QCOMPARE(store->chunksWithoutVectors(10).value().size(), std::size_t(1));
        // A query of the wrong size is refused the same way.
        KnowledgeSearch search(*store);
        SearchRequest r;
        r.mode = SearchMode::Vector;
        r.queryVector = std::vector<float>(768, 1.0f);
        auto refused = search.search(r);
        QVERIFY(!refused);
        QCOMPARE(refused.diagnostics().front().code, std::string("knowledge-dimension-mismatch"));
        // Clearing allows other dimensions.
        QVERIFY(store->clearVectors().value());
        QCOMPARE(store->dimensions().value(), 0);
        QCOMPARE(store->setVectors({{pending[1].id, std::vector<float>(768, 0.5f)}}).value(), 1);
        QCOMPARE(store->stats().value().dimensions, 768);
    }

    void vectorModeWithoutVectorsSaysToEmbedFirst()
    {
        QTemporaryDir dir;
        auto store = openStore(dir.path().toStdString());
        addDocument(*store, "a.md", "md", {"one"});
        KnowledgeSearch search(*store);
        SearchRequest r;
        r.query = "one";
        r.mode = SearchMode::Vector;
        auto outcome = search.search(r);
        QVERIFY(!outcome);
        QCOMPARE(outcome.diagnostics().front().code, std::string("knowledge-no-vectors"));
        QVERIFY(outcome.diagnostics().front().message.find("Embed it first") != std::string::npos);
        r.queryVector = std::vector<float>{1, 0, 0};
        QCOMPARE(search.search(r).diagnostics().front().code, std::string("knowledge-no-vectors"));
        // Hybrid falls back to keywords, and says so.
        r.mode = SearchMode::Hybrid;
        const auto hybrid = search.search(r).value();
        QCOMPARE(hybrid.hits.size(), std::size_t(1));
        QVERIFY(!hybrid.trace.notes.empty());
    }

    void graphSearchFindsWhatTheExactScanFinds()
    {
        QTemporaryDir dir;
        const fs::path folder = dir.path().toStdString();
        auto store = openStore(folder);
        std::mt19937 rng(42);
        const int dims = 64, count = 3000;
        std::vector<std::string> texts(count, "x");
        addDocument(*store, "a.md", "md", texts);
        const auto chunks = store->chunksWithoutVectors(count).value();
        std::vector<std::pair<std::int64_t, std::vector<float>>> vectors;
        for (const auto &c : chunks)
            vectors.emplace_back(c.id, randomVector(rng, dims));
        QCOMPARE(store->setVectors(vectors).value(), count);

        VectorIndexOptions options;
        options.exactLimit = 500;
        auto built = VectorIndex::build(*store, options);
        QVERIFY(built);
        const auto index = built.value();
        QVERIFY(index->approximate());
        QVERIFY(!index->graphWasLoaded());
        QVERIFY(fs::exists(folder / "vectors.hnsw"));
        double found = 0, sameFirst = 0;
        const int queries = 50;
        for (int q = 0; q < queries; ++q) {
            const auto query = randomVector(rng, dims);
            const auto exact = index->exactSearch(query, 10).value();
            const auto graph = index->search(query, 10).value();
            std::set<std::int64_t> truth;
            for (const auto &m : exact)
                truth.insert(m.chunkId);
            for (const auto &m : graph)
                found += truth.count(m.chunkId);
            // Best first, as the exact scan orders them.
            sameFirst += graph.front().chunkId == exact.front().chunkId;
            for (std::size_t i = 1; i < graph.size(); ++i)
                QVERIFY(graph[i - 1].score >= graph[i].score);
        }
        const double recall = found / (queries * 10.0);
        qInfo("HNSW recall@10 against the exact scan: %.3f, same best: %.3f", recall, sameFirst / queries);
        QVERIFY(recall >= 0.9);
        QVERIFY(sameFirst / queries >= 0.9);

        // The saved graph is used again while the vectors are the same, and not after.
        auto again = VectorIndex::build(*store, options).value();
        QVERIFY(again->graphWasLoaded());
        const auto query = randomVector(rng, dims);
        QCOMPARE(again->search(query, 5).value().front().chunkId, index->search(query, 5).value().front().chunkId);
        store->setVectors({{chunks[0].id, randomVector(rng, dims)}});
        QVERIFY(!VectorIndex::build(*store, options).value()->graphWasLoaded());

        // A filter that leaves few rows still finds k of them.
        std::set<std::int64_t> few;
        for (int i = 0; i < 20; ++i)
            few.insert(chunks[static_cast<std::size_t>(i) * 100].id);
        const auto filtered =
            index->search(query, 10, [&](std::int64_t chunkId, std::int64_t) { return few.count(chunkId) > 0; })
                .value();
        QCOMPARE(filtered.size(), std::size_t(10));
        for (const auto &m : filtered)
            QVERIFY(few.count(m.chunkId));
    }

    void hybridFusesByReciprocalRank()
    {
        QTemporaryDir dir;
        auto store = openStore(dir.path().toStdString());
        // Keyword order for "alpha": A (three times), B (twice), C (once); D has none.
        const auto doc = addDocument(*store, "doc.md", "md",
                                     {"alpha alpha alpha filler", "alpha alpha filler filler",
                                      "alpha filler filler filler", "filler filler filler filler"});
        for (int i = 0; i < 6; ++i)
            addDocument(*store, "noise" + std::to_string(i) + ".md", "md", {"filler words"});
        const auto chunks = store->chunks(doc, 0, 10).value();
        QCOMPARE(chunks.size(), std::size_t(4));
        const auto A = chunks[0].id, B = chunks[1].id, C = chunks[2].id, D = chunks[3].id;
        // Vector order for (1, 0, 0, 0): C, A, D, B.
        store->setVectors({{A, {0.9f, 0.43f, 0, 0}}, {B, {0, 1, 0, 0}}, {C, {1, 0, 0, 0}}, {D, {0.5f, 0.86f, 0, 0}}});
        KnowledgeSearch search(*store);
        SearchRequest r;
        r.query = "alpha";
        r.queryVector = std::vector<float>{1, 0, 0, 0};
        r.mode = SearchMode::Hybrid;
        r.topK = 4;
        const auto outcome = search.search(r).value();
        std::vector<std::int64_t> order;
        for (const auto &h : outcome.hits)
            order.push_back(h.chunkId);
        // A: 1/61 + 1/62, C: 1/63 + 1/61, B: 1/62 + 1/64, D: 1/63.
        QCOMPARE(order, (std::vector<std::int64_t>{A, C, B, D}));
        const double best = 2.0 / 61;
        QVERIFY(std::fabs(outcome.hits[0].score - (1.0 / 61 + 1.0 / 62) / best) < 1e-9);
        QVERIFY(std::fabs(outcome.hits[3].score - (1.0 / 63) / best) < 1e-9);
        QCOMPARE(outcome.hits[1].vectorRank, 1);
        QCOMPARE(outcome.hits[1].keywordRank, 3);
        QVERIFY(std::fabs(outcome.hits[1].vectorScore - 1.0) < 0.01);
        QCOMPARE(outcome.hits[3].keywordRank, 0);

        r.mode = SearchMode::Vector;
        r.scoreThreshold = 0.6;
        const auto vector = search.search(r).value();
        QCOMPARE(vector.hits.size(), std::size_t(2));  // C (1.0) and A (~0.9); D is 0.5
        QCOMPARE(vector.hits[0].chunkId, C);
    }

    void childMatchesReturnTheirParent()
    {
        QTemporaryDir dir;
        auto store = openStore(dir.path().toStdString());
        DocumentRecord d;
        d.path = "handbook.md";
        const auto id = store->upsertDocument(d).value();
        std::vector<ChunkRecord> chunks = {
            {"第三章 休假。年假：工作满一年可休五天。病假：需要医院证明。", {}, -1, true, std::nullopt},
            {"年假：工作满一年可休五天。", {}, 0, false, std::nullopt},
            {"病假：需要医院证明。", {}, 0, false, std::nullopt},
        };
        chunks[1].location.headingPath = {"第三章 休假"};
        QCOMPARE(store->replaceChunks(id, chunks).value(), 3);
        KnowledgeSearch search(*store);
        SearchRequest r;
        r.query = "年假 病假";
        r.mode = SearchMode::Keyword;
        const auto outcome = search.search(r).value();
        QCOMPARE(outcome.hits.size(), std::size_t(1));  // both children share one parent
        QCOMPARE(outcome.hits[0].text, chunks[0].text);
        QVERIFY(outcome.hits[0].matchedText != outcome.hits[0].text);
        QVERIFY(outcome.trace.candidates.back().reason.rfind("same parent passage as chunk", 0) == 0);
        // The parent itself is never matched.
        r.query = "第三章";
        QVERIFY(search.search(r).value().hits.empty());
        // Parents are not embedded.
        QCOMPARE(store->chunksWithoutVectors(10).value().size(), std::size_t(2));
    }

    void replaceChunksIsAllOrNothingWhenKilled()
    {
        QTemporaryDir dir;
        const fs::path folder = dir.path().toStdString();
        std::int64_t id = 0;
        {
            auto store = openStore(folder);
            id = addDocument(*store, "big.md", "md", {"old one", "old two", "old three"});
        }
        int ready[2], done[2];
        QVERIFY(pipe(ready) == 0 && pipe(done) == 0);
        const pid_t child = fork();
        if (child == 0) {
            auto store = KnowledgeStore::open(folder, KnowledgeStore::Mode::ReadWrite);
            std::vector<ChunkRecord> chunks;
            for (int i = 0; i < 200000; ++i)
                chunks.push_back({"新的段落 new passage number " + std::to_string(i), {}, -1, false, std::nullopt});
            const char c = 'r';
            (void)!write(ready[1], &c, 1);
            store.value()->replaceChunks(id, chunks);
            (void)!write(done[1], &c, 1);
            _exit(0);
        }
        char c;
        QVERIFY(read(ready[0], &c, 1) == 1);
        QTest::qWait(150);
        kill(child, SIGKILL);
        int status = 0;
        waitpid(child, &status, 0);
        QVERIFY(WIFSIGNALED(status));
        close(done[1]);
        const bool finished = read(done[0], &c, 1) == 1;
        QVERIFY2(!finished, "the child finished before it was killed; the test proves nothing");

        QCOMPARE(integrityCheck(folder), std::string("ok"));
        auto store = openStore(folder);
        QVERIFY(store);
        const auto chunks = store->chunks(id, 0, 10).value();
        QCOMPARE(chunks.size(), std::size_t(3));
        QCOMPARE(chunks[0].text, std::string("old one"));
        KnowledgeSearch search(*store);
        SearchRequest r;
        r.query = "passage";
        r.mode = SearchMode::Keyword;
        QVERIFY(search.search(r).value().hits.empty());
        r.query = "old";
        QCOMPARE(search.search(r).value().hits.size(), std::size_t(3));
        close(ready[0]);
        close(ready[1]);
        close(done[0]);
    }

    void goldenQuestionsGiveHitAtKAndMrr()
    {
        QTemporaryDir dir;
        auto store = openStore(dir.path().toStdString());
        addDocument(*store, "returns.md", "md", {"退货 退货 政策：七天内可以退货。"});
        addDocument(*store, "faq.md", "md", {"常见问题：退货需要保留发票。"});
        addDocument(*store, "leave.md", "md", {"年假规定。"});
        const auto q1 = store->addGoldenQuestion({0, "退货政策", {{"returns.md", "七天内"}}}).value();
        store->addGoldenQuestion({0, "退货 发票", {{"returns.md", "七天内"}}});  // rank 2: faq.md matches both words
        store->addGoldenQuestion({0, "报销", {{"leave.md", "年假"}}});         // not found
        QCOMPARE(store->goldenQuestions().value().size(), std::size_t(3));
        KnowledgeSearch search(*store);
        const auto report = evaluateGoldenQuestions(
            *store, [&](const SearchRequest &r) { return search.search(r); }, SearchMode::Keyword, 3).value();
        QCOMPARE(report.questions.size(), std::size_t(3));
        QCOMPARE(report.questions[0].rank, 1);
        QCOMPARE(report.questions[1].rank, 2);
        QCOMPARE(report.questions[2].rank, 0);
        QVERIFY(std::fabs(report.hitAtK - 2.0 / 3) < 1e-9);
        QVERIFY(std::fabs(report.mrr - (1.0 + 0.5) / 3) < 1e-9);
        QCOMPARE(report.toJson()["questions"].size(), std::size_t(3));
        QVERIFY(store->removeGoldenQuestion(q1).value());
        QCOMPARE(store->goldenQuestions().value().size(), std::size_t(2));
    }

    // 100,000 chunks of 1024 dimensions; run with FLOWDECK_KNOWLEDGE_BENCH=1 (minutes).
    void speedAtHundredThousandChunks()
    {
        if (qEnvironmentVariableIsEmpty("FLOWDECK_KNOWLEDGE_BENCH"))
            QSKIP("set FLOWDECK_KNOWLEDGE_BENCH=1 to measure");
        QTemporaryDir dir;
        auto store = openStore(dir.path().toStdString());
        std::mt19937 rng(1);
        const int chunksPerDoc = 100, docs = 1000, dims = 1024;
        const std::vector<std::string> words = {"退货", "政策", "年假", "申请", "报销", "流程", "合同", "客户",
                                                "policy", "refund", "invoice", "leave", "contract", "support"};
        auto start = std::chrono::steady_clock::now();
        for (int d = 0; d < docs; ++d) {
            std::vector<std::string> texts;
            for (int c = 0; c < chunksPerDoc; ++c) {
                std::string t;
                for (int w = 0; w < 60; ++w)
                    t += words[rng() % words.size()] + (w % 3 ? "" : " ");
                texts.push_back(t);
            }
            addDocument(*store, "doc" + std::to_string(d) + ".md", "md", texts);
        }
        const double ingest = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        start = std::chrono::steady_clock::now();
        for (;;) {
            const auto batch = store->chunksWithoutVectors(2000).value();
            if (batch.empty())
                break;
            std::vector<std::pair<std::int64_t, std::vector<float>>> vectors;
            for (const auto &c : batch)
                vectors.emplace_back(c.id, randomVector(rng, dims));
            store->setVectors(vectors);
        }
        const double embed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        KnowledgeSearch search(*store);
        start = std::chrono::steady_clock::now();
        const auto index = search.vectorIndex().value();
        const double build = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        auto p50 = [&](SearchMode mode) {
            std::vector<std::int64_t> times;
            for (int i = 0; i < 41; ++i) {
                SearchRequest r;
                r.query = words[static_cast<std::size_t>(i) % words.size()] + " " + words[(i * 7 + 3) % words.size()];
                r.mode = mode;
                if (mode != SearchMode::Keyword)
                    r.queryVector = randomVector(rng, dims);
                times.push_back(search.search(r).value().trace.totalMicros);
            }
            std::sort(times.begin(), times.end());
            return times[times.size() / 2];
        };
        qInfo("100k chunks: stored in %.1f s, vectors in %.1f s, index %s in %.1f s (%zu MB)", ingest, embed,
              index->approximate() ? "graph" : "exact", build, index->memoryBytes() >> 20);
        qInfo("p50 keyword %lld us, vector %lld us, hybrid %lld us", static_cast<long long>(p50(SearchMode::Keyword)),
              static_cast<long long>(p50(SearchMode::Vector)), static_cast<long long>(p50(SearchMode::Hybrid)));
    }
};

QTEST_GUILESS_MAIN(TestKnowledgeStore)
#include "tst_knowledgestore.moc"
