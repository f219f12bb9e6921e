// Adding documents to a knowledge base and the knowledge node that searches it: unchanged
// files skipped, changed ones read again, a failed file keeps its reason and never stops
// the others, a process killed mid-ingestion leaves a base that resumes, vectors made in
// the provider's batch size by a real stand-in service on loopback, and the node's outputs,
// filters, trace and errors.
#include "engine/knowledge/basesearcher.h"
#include "engine/knowledge/knowledgeingest.h"
#include "engine/knowledge/knowledgelibrary.h"
#include "engine/knowledge/knowledgestore.h"
#include "tests/support/peerserver.h"
#include "tests/support/runharness.h"

#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>

using namespace flowdeck;
using namespace flowdeck::engine;
namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

void write(const fs::path &path, const std::string &text)
{
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
}

fs::path newBase(const QTemporaryDir &dir, KnowledgeSettings settings = {})
{
    const fs::path base = fs::path(dir.path().toStdString()) / "knowledge" / "handbook";
    auto created = KnowledgeIngest::create(base, std::move(settings));
    return created.ok() ? base : fs::path();
}

std::string integrity(const fs::path &base)
{
    sqlite3 *db = nullptr;
    sqlite3_open_v2((base / "knowledge.db").c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt *stmt = nullptr;
    std::string out = "no answer";
    if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW)
        out = reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0));
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return out;
}

json knowledgeWorkflow(json config)
{
    json kb = {{"id", "kb"}, {"type", "knowledge"}, {"config", std::move(config)}};
    return {{"mode", "workflow"},
            {"inputs", {{{"name", "q"}, {"type", "text"}}}},
            {"nodes", {{{"id", "start"}, {"type", "start"}}, kb,
                       {{"id", "end"}, {"type", "end"}, {"config", {{"outputs", {{"chunks", "{{kb.chunks}}"}, {"text", "{{kb.text}}"},
                                                                                  {"citations", "{{kb.citations}}"}, {"trace", "{{kb.trace}}"}}}}}}}},
            {"edges", {{{"from", "start"}, {"to", "kb"}}, {{"from", "kb"}, {"to", "end"}}}}};
}

} // namespace

class TestKnowledgeIngest : public QObject {
    Q_OBJECT
private slots:
    void unchangedIsSkippedChangedIsReadAgain()
    {
        QTemporaryDir dir;
        const fs::path base = newBase(dir);
        QVERIFY(!base.empty());
        const fs::path docs = fs::path(dir.path().toStdString()) / "docs";
        write(docs / "leave.md", "# Leave\n\nAnnual leave is 15 days.\n");
        write(docs / "sub" / "rules.txt", "Badges must be worn at all times.");
        write(docs / ".hidden.md", "# secret\n\nnever read");
        write(docs / "tool.exe", "MZ");
        std::vector<IngestProgress> progress;
        IngestOptions options;
        options.progress = [&](const IngestProgress &p) { progress.push_back(p); };
        auto first = KnowledgeIngest::addFiles(base, {docs}, options);
        QVERIFY(first.ok());
        QCOMPARE(first->indexed, 2);
        QCOMPARE(first->failed, 0);
        QVERIFY(std::any_of(progress.begin(), progress.end(), [](const IngestProgress &p) {
            return p.stage == IngestProgress::Stage::Reading && p.document == "docs/sub/rules.txt" && p.documentCount == 2;
        }));
        QVERIFY(fs::exists(base / "files" / "docs" / "leave.md"));

        auto second = KnowledgeIngest::addFiles(base, {docs}, {});
        QVERIFY(second.ok());
        QCOMPARE(second->unchanged, 2);
        QCOMPARE(second->indexed, 0);

        write(docs / "leave.md", "# Leave\n\nAnnual leave is 20 days from 2027.\n");
        auto third = KnowledgeIngest::addFiles(base, {docs}, {});
        QCOMPARE(third->indexed, 1);
        QCOMPARE(third->unchanged, 1);
        auto store = KnowledgeStore::open(base, KnowledgeStore::Mode::ReadOnly);
        auto doc = store.value()->findDocument("docs/leave.md");
        auto chunks = store.value()->chunks(doc.value()->id, 0, 10);
        QCOMPARE(chunks->size(), std::size_t(1));
        QVERIFY(chunks->front().text.find("20 days") != std::string::npos);

        // The same file added again from another folder is not stored twice.
        write(fs::path(dir.path().toStdString()) / "copy" / "leave.md", "# Leave\n\nAnnual leave is 20 days from 2027.\n");
        auto twin = KnowledgeIngest::addFiles(base, {fs::path(dir.path().toStdString()) / "copy" / "leave.md"}, {});
        QCOMPARE(twin->unchanged, 1);
        QVERIFY(twin->items[0].warnings[0].find("same content as 'docs/leave.md'") != std::string::npos);
        QVERIFY(!store.value()->findDocument("leave.md").value());

        QVERIFY(KnowledgeIngest::remove(base, "docs/leave.md").value());
        QVERIFY(!fs::exists(base / "files" / "docs" / "leave.md"));
        QVERIFY(!KnowledgeIngest::remove(base, "docs/leave.md").value());
    }

    // A long question (pasted text) is read whole: the words that matter are not cut off
    // after the first 64, and words no passage holds do not crowd them out.
    void aLongQuestionKeepsItsRareWords()
    {
        QTemporaryDir dir;
        const fs::path base = newBase(dir);
        write(fs::path(dir.path().toStdString()) / "faq.md", "# Expenses\n\nReceipts are reimbursed within 10 days.\n");
        QCOMPARE(KnowledgeIngest::addFiles(base, {fs::path(dir.path().toStdString()) / "faq.md"}, {})->indexed, 1);
        BaseSearcher searcher;
        QVERIFY(searcher.open(base, std::nullopt).ok());
        SearchRequest request;
        request.mode = SearchMode::Keyword;
        for (int i = 0; i < 300; ++i)
            request.query += "unknownword" + std::to_string(i) + " ";
        request.query += "receipts";
        auto outcome = searcher.search(request);
        QVERIFY(outcome.ok());
        QCOMPARE(outcome->hits.size(), std::size_t(1));
        QCOMPARE(outcome->trace.ftsExpression, std::string("\"receipts\""));
    }

    void aFailedFileKeepsItsReasonAndNeverBlocksTheOthers()
    {
        QTemporaryDir dir;
        const fs::path base = newBase(dir);
        const fs::path docs = fs::path(dir.path().toStdString()) / "docs";
        write(docs / "broken.pdf", "%PDF-1.4 this is not really a pdf");
        write(docs / "empty.md", "   \n\n  ");
        write(docs / "good.md", "# 报销\n\n差旅费用在提交发票后 10 个工作日内报销。");
        auto report = KnowledgeIngest::addFiles(base, {docs / "broken.pdf", docs / "empty.md", docs / "good.md", docs / "missing.md"}, {});
        QVERIFY(report.ok());
        QCOMPARE(report->indexed, 1);
        QCOMPARE(report->failed, 3);
        for (const auto &item : report->items)
            if (item.outcome == IngestItem::Outcome::Failed)
                QVERIFY2(!item.reason.empty() && item.reason.back() == '.', item.reason.c_str());
        auto store = KnowledgeStore::open(base, KnowledgeStore::Mode::ReadOnly);
        auto broken = store.value()->findDocument("broken.pdf");
        QVERIFY(broken.value());
        QVERIFY(broken.value()->status == DocumentStatus::Failed);
        QVERIFY(broken.value()->reason.find("broken.pdf") != std::string::npos);
        QVERIFY(store.value()->findDocument("good.md").value()->status == DocumentStatus::Indexed);
    }

    void aKilledIngestionResumes()
    {
        QTemporaryDir dir;
        const fs::path base = newBase(dir);
        const fs::path docs = fs::path(dir.path().toStdString()) / "docs";
        for (int i = 0; i < 300; ++i) {
            std::string text = "# Topic " + std::to_string(i) + "\n\n";
            for (int s = 0; s < 60; ++s)
                text += "Sentence " + std::to_string(s) + " about topic " + std::to_string(i) + " and its rules. ";
            write(docs / ("doc" + std::to_string(i) + ".md"), text);
        }
        const pid_t child = fork();
        if (child == 0) {
            (void)KnowledgeIngest::addFiles(base, {docs}, {});
            _exit(0);
        }
        // Kill it once some documents are in, mid-way.
        for (int waited = 0; waited < 20000; waited += 5) {
            auto store = KnowledgeStore::open(base, KnowledgeStore::Mode::ReadOnly);
            auto stats = store.ok() ? store.value()->stats() : Result<KnowledgeStats>(Diagnostics{});
            if (stats.ok() && stats->indexed >= 20)
                break;
            QThread::msleep(5);
        }
        kill(child, SIGKILL);
        int status = 0;
        waitpid(child, &status, 0);
        QCOMPARE(integrity(base), std::string("ok"));
        int before = 0;
        {
            auto store = KnowledgeStore::open(base, KnowledgeStore::Mode::ReadOnly);
            QVERIFY(store.ok());
            before = store.value()->stats()->indexed;
        }
        QVERIFY2(before >= 20 && before < 300, std::to_string(before).c_str());
        auto resumed = KnowledgeIngest::addFiles(base, {docs}, {});
        QVERIFY(resumed.ok());
        QCOMPARE(resumed->unchanged, before);
        QCOMPARE(resumed->indexed, 300 - before);
        auto store = KnowledgeStore::open(base, KnowledgeStore::Mode::ReadOnly);
        QCOMPARE(store.value()->stats()->indexed, 300);
        QCOMPARE(integrity(base), std::string("ok"));
    }

    void cancelStopsAndTheNextRunFinishes()
    {
        QTemporaryDir dir;
        const fs::path base = newBase(dir);
        const fs::path docs = fs::path(dir.path().toStdString()) / "docs";
        for (int i = 0; i < 20; ++i)
            write(docs / ("d" + std::to_string(i) + ".txt"), "Passage number " + std::to_string(i) + ".");
        std::atomic<bool> cancel{false};
        IngestOptions options;
        options.cancel = &cancel;
        options.progress = [&](const IngestProgress &p) {
            if (p.documentIndex == 5)
                cancel = true;
        };
        auto report = KnowledgeIngest::addFiles(base, {docs}, options);
        QVERIFY(report->cancelled);
        QVERIFY(report->indexed < 20);
        auto rest = KnowledgeIngest::addFiles(base, {docs}, {});
        QCOMPARE(rest->indexed + rest->unchanged, 20);
    }

    void vectorsComeInTheProvidersBatchSize()
    {
        tests::PeerServer peer;
        QString why;
        QVERIFY2(peer.start("embeddings-peer.cjs", {"--dims", "48", "--max-batch", "10", "--fail-429", "1"}, &why), qPrintable(why));
        QTemporaryDir dir;
        KnowledgeSettings settings;
        settings.chunking.mode = ChunkingSettings::Mode::Size;
        settings.chunking.size = 60;
        settings.chunking.overlap = 0;
        const fs::path base = newBase(dir, settings);
        const fs::path doc = fs::path(dir.path().toStdString()) / "faq.md";
        std::string text;
        for (int i = 0; i < 25; ++i)
            text += "Question " + std::to_string(i) + " has its own answer here.\n\n";
        write(doc, text);
        IngestOptions options;
        EmbeddingTarget target;
        target.profile.name = "dashscope";  // at most 10 inputs a call
        target.profile.baseUrl = peer.url("/v1");
        target.profile.kindModels["embeddings"] = "text-embedding-v3";
        target.apiKey = "test-key";
        options.embedding = target;
        std::vector<int> embedded;
        options.progress = [&](const IngestProgress &p) {
            if (p.stage == IngestProgress::Stage::Embedding)
                embedded.push_back(p.done);
        };
        auto report = KnowledgeIngest::addFiles(base, {doc}, options);
        QVERIFY(report.ok());
        QVERIFY2(report->embeddingError.empty(), report->embeddingError.c_str());
        QVERIFY(report->chunks >= 20);
        QCOMPARE(report->embedded, report->chunks);
        QVERIFY(!embedded.empty() && embedded.back() == report->chunks);
        auto store = KnowledgeStore::open(base, KnowledgeStore::Mode::ReadOnly);
        QCOMPARE(store.value()->dimensions().value(), 48);
        QCOMPARE(KnowledgeSettings::load(base)->embedding.dimensions, 48);

        // A model that answers other dimensions is refused with both numbers; the passages stay searchable.
        tests::PeerServer other;
        QVERIFY2(other.start("embeddings-peer.cjs", {"--answer-dims", "64"}, &why), qPrintable(why));
        write(doc, text + "One more question.\n");
        options.embedding->profile.baseUrl = other.url("/v1");
        options.embedding->dimensions = 48;
        auto refused = KnowledgeIngest::addFiles(base, {doc}, options);
        QVERIFY(refused.ok());
        QVERIFY2(refused->embeddingError.find("64") != std::string::npos && refused->embeddingError.find("48") != std::string::npos,
                 refused->embeddingError.c_str());
    }

    void knowledgeNodeFindsCitesAndTraces()
    {
        QTemporaryDir dir;
        const fs::path base = newBase(dir);
        const fs::path docs = fs::path(dir.path().toStdString()) / "docs";
        write(docs / "leave.md", "# 年假\n\n员工每年享有 15 天带薪年假，需提前两周申请。\n\n# Expenses\n\nReceipts are reimbursed within 10 days.\n");
        write(docs / "orders.csv", "Order,Customer,Amount\nA-1,张三,100\nA-2,李四,250\n");
        QVERIFY(KnowledgeIngest::addFiles(base, {docs}, {})->indexed == 2);

        tests::RunHarness harness;
        harness.services.knowledge = std::make_shared<KnowledgeLibrary>(base.parent_path());
        auto outcome = harness.run(tests::RunHarness::workflow(knowledgeWorkflow(
                                       {{"query", "{{start.q}}"}, {"bases", {"handbook"}}, {"mode", "hybrid"}, {"topK", 3}})),
                                   {{"q", "年假有几天"}});
        QCOMPARE(outcome.status, RunStatus::Succeeded);
        const auto &chunks = outcome.outputs["chunks"];
        QVERIFY(!chunks.empty());
        QVERIFY(chunks[0]["text"].get<std::string>().find("15 天") != std::string::npos);
        QCOMPARE(chunks[0]["headingPath"][0].get<std::string>(), std::string("年假"));
        QVERIFY(outcome.outputs["text"].get<std::string>().rfind("[1] docs/leave.md，年假\n", 0) == 0);
        QCOMPARE(outcome.outputs["citations"][0]["index"].get<int>(), 1);
        const auto &trace = outcome.outputs["trace"];
        QCOMPARE(trace["bases"][0]["base"].get<std::string>(), std::string("handbook"));
        QVERIFY(trace["bases"][0]["note"].get<std::string>().find("keyword only") != std::string::npos);
        QVERIFY(!trace["bases"][0]["candidates"].empty());

        // A row of a sheet, by its cell value; a filter that leaves only csv files.
        outcome = harness.run(tests::RunHarness::workflow(knowledgeWorkflow(
                                  {{"query", "{{start.q}}"}, {"bases", {"handbook"}}, {"mode", "keyword"},
                                   {"filters", {{"types", {"csv"}}}}})),
                              {{"q", "李四"}});
        QCOMPARE(outcome.status, RunStatus::Succeeded);
        QCOMPARE(outcome.outputs["chunks"].size(), std::size_t(1));
        QCOMPARE(outcome.outputs["chunks"][0]["location"]["row"].get<int>(), 3);
        QVERIFY(outcome.outputs["citations"][0]["source"].get<std::string>().find("第 3 行") != std::string::npos);

        // Errors name what is wrong.
        outcome = harness.run(tests::RunHarness::workflow(knowledgeWorkflow({{"query", "{{start.q}}"}, {"bases", {"nothing"}}})),
                              {{"q", "x"}});
        QCOMPARE(outcome.status, RunStatus::Failed);
        QVERIFY2(outcome.error.find("no knowledge base 'nothing'") != std::string::npos, outcome.error.c_str());
        outcome = harness.run(tests::RunHarness::workflow(knowledgeWorkflow(
                                  {{"query", "{{start.q}}"}, {"bases", {"handbook"}}, {"mode", "vector"}})),
                              {{"q", "年假"}});
        QCOMPARE(outcome.status, RunStatus::Failed);
        QVERIFY2(outcome.error.find("cannot be searched by vector") != std::string::npos, outcome.error.c_str());
        outcome = harness.run(tests::RunHarness::workflow(knowledgeWorkflow({{"query", "{{start.q}}"}, {"bases", {"handbook"}}})),
                              {{"q", "  "}});
        QCOMPARE(outcome.status, RunStatus::Failed);
        QVERIFY(outcome.error.find("query is empty") != std::string::npos);
        outcome = harness.run(tests::RunHarness::workflow(knowledgeWorkflow(
                                  {{"query", "{{start.q}}"}, {"bases", {"handbook"}}, {"filters", {{"addedAfter", "2024-02-30"}}}})),
                              {{"q", "年假"}});
        QCOMPARE(outcome.status, RunStatus::Failed);
        QVERIFY2(outcome.error.find("2024-02-30") != std::string::npos && outcome.error.find("YYYY-MM-DD") != std::string::npos,
                 outcome.error.c_str());
        harness.services.knowledge.reset();
        outcome = harness.run(tests::RunHarness::workflow(knowledgeWorkflow({{"query", "{{start.q}}"}, {"bases", {"handbook"}}})),
                              {{"q", "年假"}});
        QCOMPARE(outcome.status, RunStatus::Failed);
    }

    void hybridWithDemoVectorsAndRerank()
    {
        QTemporaryDir dir;
        KnowledgeSettings settings;
        settings.embedding.profile = "demo";
        const fs::path base = newBase(dir, settings);
        const fs::path docs = fs::path(dir.path().toStdString()) / "docs";
        write(docs / "a.md", "# Battery\n\nThe battery warranty lasts two years from the date of purchase.\n\n"
                             "# Shipping\n\nParcels ship within three working days.\n\n# Returns\n\nReturns are free within 30 days.\n");
        IngestOptions options;
        options.embedding = EmbeddingTarget{};
        options.embedding->profile.name = "demo";
        options.embedding->profile.baseUrl = "demo:";
        QVERIFY(KnowledgeIngest::addFiles(base, {docs}, options)->embedded == 3);
        tests::RunHarness harness;
        harness.services.knowledge = std::make_shared<KnowledgeLibrary>(base.parent_path());
        auto outcome = harness.run(tests::RunHarness::workflow(knowledgeWorkflow(
                                       {{"query", "{{start.q}}"}, {"bases", {"handbook"}}, {"mode", "hybrid"}, {"topK", 2},
                                        {"rerank", {{"enabled", true}, {"profile", "demo"}}}})),
                                   {{"q", "how long is the battery warranty"}});
        QVERIFY2(outcome.status == RunStatus::Succeeded, outcome.error.c_str());
        const auto &chunks = outcome.outputs["chunks"];
        QCOMPARE(chunks.size(), std::size_t(2));
        QVERIFY(chunks[0]["text"].get<std::string>().find("battery warranty") != std::string::npos);
        QVERIFY(chunks[0].contains("rerankScore") && chunks[0].contains("vectorRank"));
        QVERIFY(outcome.outputs["trace"].contains("rerank"));

        // The embeddings service is down: hybrid search still answers, by keyword, and says so.
        ProviderProfile down;
        down.name = "down";
        down.baseUrl = "http://127.0.0.1:1/v1";
        down.needsKey = false;
        down.kindModels["embeddings"] = "bge-m3";
        harness.profiles.add(down);
        auto changed = KnowledgeSettings::load(base).value();
        changed.embedding.profile = "down";
        std::string why;
        QVERIFY(changed.save(base, why));
        harness.services.modelMaxAttempts = 1;
        harness.services.knowledge = std::make_shared<KnowledgeLibrary>(base.parent_path());
        outcome = harness.run(tests::RunHarness::workflow(knowledgeWorkflow(
                                  {{"query", "{{start.q}}"}, {"bases", {"handbook"}}, {"mode", "hybrid"}})),
                              {{"q", "battery warranty"}});
        QVERIFY2(outcome.status == RunStatus::Succeeded, outcome.error.c_str());
        QVERIFY(outcome.outputs["chunks"][0]["text"].get<std::string>().find("battery") != std::string::npos);
        QVERIFY(outcome.outputs["trace"]["bases"][0]["note"].get<std::string>().find("could not be embedded") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestKnowledgeIngest)
#include "tst_knowledgeingest.moc"
