// Chunking and the base's settings file: sizes and overlap by code points, heading paths
// prefixed, parent–child links, spreadsheet rows kept whole and sheets apart, pages never mixed.
#include "engine/knowledge/chunker.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace flowdeck::engine;

namespace {

SourceSection para(const std::string &text, int page = 0, std::vector<std::string> path = {})
{
    SourceSection s;
    s.text = text;
    s.location.page = page;
    s.location.headingPath = std::move(path);
    return s;
}

SourceSection heading(const std::string &text, int level, std::vector<std::string> path = {})
{
    SourceSection s = para(text, 0, std::move(path));
    s.kind = SourceSection::Kind::Heading;
    s.headingLevel = level;
    return s;
}

SourceSection row(const std::string &sheet, int number, const std::string &text)
{
    SourceSection s;
    s.kind = SourceSection::Kind::TableRow;
    s.text = text;
    s.location.sheet = sheet;
    s.location.row = number;
    s.location.rowEnd = number;
    return s;
}

} // namespace

class TestChunker : public QObject {
    Q_OBJECT
private slots:
    void splitsAtSeparatorsWithOverlap()
    {
        std::string text;
        for (int i = 0; i < 40; ++i)
            text += "这是第" + std::to_string(i) + "句话，讲的是退货政策。";
        const auto pieces = splitText(text, 100, 20, ChunkingSettings{}.separators);
        QVERIFY(pieces.size() > 4);
        for (const auto &p : pieces)
            QVERIFY2(utf8Length(p) <= 100, p.c_str());
        // Every piece after the first begins with the end of the one before.
        for (std::size_t i = 1; i < pieces.size(); ++i) {
            const std::string lastSentence = pieces[i - 1].substr(pieces[i - 1].rfind("这是"));
            QVERIFY2(pieces[i].find(lastSentence) == 0, (pieces[i] + " | " + lastSentence).c_str());
        }
        // Nothing is lost: every sentence is in some piece.
        for (int i = 0; i < 40; ++i) {
            const std::string s = "这是第" + std::to_string(i) + "句话";
            QVERIFY(std::any_of(pieces.begin(), pieces.end(), [&](const std::string &p) { return p.find(s) != std::string::npos; }));
        }
    }

    void aWordWithoutSeparatorsIsCutAtCodePoints()
    {
        const std::string text(1000, 'x');
        const auto pieces = splitText(text, 300, 0, {});
        QCOMPARE(pieces.size(), std::size_t(4));
        const auto cjk = splitText(std::string(), 10, 0, {});
        QVERIFY(cjk.empty());
        std::string han;
        for (int i = 0; i < 25; ++i)
            han += "字";
        for (const auto &p : splitText(han, 10, 0, {}))
            QVERIFY(utf8Length(p) <= 10 && p.size() % 3 == 0);
    }

    void headingPathIsPrefixed()
    {
        ParsedDocument doc;
        doc.sections = {heading("Returns", 1), para("Items can be returned within 30 days.", 0, {"Returns"}),
                        heading("Damaged items", 2, {"Returns"}),
                        para("Send a photo of the damage.", 0, {"Returns", "Damaged items"}),
                        heading("Warranty", 1), para("Two years on the battery.", 0, {"Warranty"})};
        ChunkingSettings settings;
        settings.mode = ChunkingSettings::Mode::Heading;
        const auto chunks = chunkDocument(doc, settings, {});
        QCOMPARE(chunks.size(), std::size_t(3));
        QCOMPARE(chunks[0].text, std::string("Returns\nItems can be returned within 30 days."));
        QCOMPARE(chunks[1].text, std::string("Returns › Damaged items\nSend a photo of the damage."));
        QCOMPARE(chunks[1].location.headingPath, (std::vector<std::string>{"Returns", "Damaged items"}));
        QCOMPARE(chunks[2].location.headingPath, (std::vector<std::string>{"Warranty"}));
    }

    void pagesAreNeverMixed()
    {
        ParsedDocument doc;
        doc.sections = {para("Page one text.", 1), para("More on page one.", 1), para("Page two text.", 2)};
        ChunkingSettings settings;
        settings.mode = ChunkingSettings::Mode::Size;
        const auto chunks = chunkDocument(doc, settings, {});
        QCOMPARE(chunks.size(), std::size_t(2));
        QCOMPARE(chunks[0].location.page, 1);
        QCOMPARE(chunks[0].text, std::string("Page one text.\n\nMore on page one."));
        QCOMPARE(chunks[1].location.page, 2);
    }

    void rowsStayWholeAndSheetsApart()
    {
        ParsedDocument doc;
        doc.sections = {row("Orders", 2, "Order: A1; Amount: 10"), row("Orders", 3, "Order: A2; Amount: 20"),
                        row("Orders", 4, "Order: A3; Amount: 30"), row("Customers", 2, "Name: 张三; City: 深圳")};
        ChunkingSettings settings;
        settings.rowsPerChunk = 2;
        const auto chunks = chunkDocument(doc, settings, {});
        QCOMPARE(chunks.size(), std::size_t(3));
        QCOMPARE(chunks[0].text, std::string("Order: A1; Amount: 10\nOrder: A2; Amount: 20"));
        QCOMPARE(chunks[0].location.row, 2);
        QCOMPARE(chunks[0].location.rowEnd, 3);
        QCOMPARE(chunks[1].location.row, 4);
        QCOMPARE(chunks[2].location.sheet, std::string("Customers"));
        QCOMPARE(chunks[2].location.describe("zh"), std::string("工作表 Customers，第 2 行"));
        QCOMPARE(chunks[0].location.describe("en"), std::string("sheet Orders, rows 2–3"));
    }

    void parentChildLinksChildrenToTheirParent()
    {
        ParsedDocument doc;
        std::string body;
        for (int i = 0; i < 30; ++i)
            body += "Sentence number " + std::to_string(i) + " about the leave policy. ";
        doc.sections = {heading("Leave", 1), para(body, 0, {"Leave"})};
        ChunkingSettings settings;
        settings.mode = ChunkingSettings::Mode::ParentChild;
        settings.parentSize = 600;
        settings.childSize = 150;
        const auto chunks = chunkDocument(doc, settings, {});
        int parents = 0, children = 0;
        for (std::size_t i = 0; i < chunks.size(); ++i) {
            if (chunks[i].isParent) {
                ++parents;
                QCOMPARE(chunks[i].parentOrdinal, -1);
            } else {
                ++children;
                QVERIFY(chunks[i].parentOrdinal >= 0 && chunks[i].parentOrdinal < int(i));
                QVERIFY(chunks[chunks[i].parentOrdinal].isParent);
                QVERIFY(chunks[i].text.rfind("Leave\n", 0) == 0);
            }
        }
        QVERIFY(parents >= 2);
        QVERIFY(children > parents * 2);
    }

    void cleaningRules()
    {
        CleaningRules rules;
        rules.removeUrls = true;
        rules.removeEmails = true;
        QCOMPARE(cleanText("  Call   us\t at hr@example.com or see https://example.com/a?b=1 now.\n\n\n\nBye ", rules),
                 std::string("Call us at or see now.\n\nBye"));
        QCOMPARE(cleanText("keep https://x.cn", {}), std::string("keep https://x.cn"));
    }

    void settingsRoundTripAndBadValuesNameTheField()
    {
        QTemporaryDir dir;
        KnowledgeSettings s;
        s.name = "policies";
        s.chunking.mode = ChunkingSettings::Mode::ParentChild;
        s.embedding.profile = "dashscope";
        std::string error;
        QVERIFY(s.save(dir.path().toStdString(), error));
        auto loaded = KnowledgeSettings::load(dir.path().toStdString());
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->chunking.mode, ChunkingSettings::Mode::ParentChild);
        QCOMPARE(loaded->embedding.profile, std::string("dashscope"));
        auto bad = KnowledgeSettings::fromJson({{"chunking", {{"mode", "pages"}, {"size", "big"}}}});
        QVERIFY(!bad.ok());
        QCOMPARE(bad.diagnostics().size(), std::size_t(2));
        QVERIFY(bad.diagnostics()[0].message.find("chunking.mode") != std::string::npos);
        auto missing = KnowledgeSettings::load(dir.filePath("nothing").toStdString());
        QVERIFY(!missing.ok());
        QVERIFY(missing.diagnostics()[0].message.find("not a knowledge base") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestChunker)
#include "tst_chunker.moc"
