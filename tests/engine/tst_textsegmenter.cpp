// The knowledge base's word splitter (engine/knowledge/textsegmenter.h): Chinese words and
// character bigrams, Latin words, full-width forms folded, and the FTS5 MATCH expression
// built from a user's query, checked against a real FTS5 table using the tokenizer.
#include "engine/knowledge/ftstokenizer.h"
#include "engine/knowledge/textsegmenter.h"

#include <QtTest>

#include <sqlite3.h>

#include <algorithm>
#include <chrono>

using namespace flowdeck::engine;

namespace {

bool contains(const std::vector<std::string> &tokens, const std::string &t)
{
    return std::find(tokens.begin(), tokens.end(), t) != tokens.end();
}

// A throwaway in-memory FTS5 table with the flowdeck tokenizer; returns the rowids that
// match `query` (through ftsMatchExpression), best BM25 first.
class MemoryIndex {
public:
    MemoryIndex()
    {
        sqlite3_open(":memory:", &m_db);
        std::string error;
        m_ok = registerFtsTokenizer(m_db, &error);
        exec("CREATE VIRTUAL TABLE t USING fts5(text, tokenize='flowdeck')");
    }
    ~MemoryIndex() { sqlite3_close(m_db); }
    bool ok() const { return m_ok; }
    void add(int id, const std::string &text)
    {
        sqlite3_stmt *s = nullptr;
        sqlite3_prepare_v2(m_db, "INSERT INTO t(rowid, text) VALUES(?, ?)", -1, &s, nullptr);
        sqlite3_bind_int(s, 1, id);
        sqlite3_bind_text(s, 2, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
        sqlite3_step(s);
        sqlite3_finalize(s);
    }
    std::vector<int> search(const std::string &query)
    {
        TextSegmenter segmenter;
        const std::string expression = ftsMatchExpression(segmenter, query);
        std::vector<int> ids;
        sqlite3_stmt *s = nullptr;
        sqlite3_prepare_v2(m_db, "SELECT rowid FROM t WHERE t MATCH ? ORDER BY bm25(t)", -1, &s, nullptr);
        sqlite3_bind_text(s, 1, expression.data(), static_cast<int>(expression.size()), SQLITE_TRANSIENT);
        while (sqlite3_step(s) == SQLITE_ROW)
            ids.push_back(sqlite3_column_int(s, 0));
        sqlite3_finalize(s);
        return ids;
    }

private:
    void exec(const char *sql) { sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr); }
    sqlite3 *m_db = nullptr;
    bool m_ok = false;
};

} // namespace

class TestTextSegmenter : public QObject {
    Q_OBJECT

private slots:
    void chineseGetsWordsAndBigrams()
    {
        TextSegmenter s;
        const auto tokens = s.distinctTokens("退货政策");
        QVERIFY(contains(tokens, "退货"));
        QVERIFY(contains(tokens, "货政"));  // a bigram across the dictionary's words
        QVERIFY(contains(tokens, "政策"));
        QVERIFY(!contains(tokens, "退货政策"));  // not in ICU's dictionary as one word
        // A lone character is searchable.
        QVERIFY(contains(s.distinctTokens("书"), "书"));
    }

    void latinWordsAreFoldedAndPunctuationDropped()
    {
        TextSegmenter s;
        QCOMPARE(s.distinctTokens("Return Policy, v2.0!"), (std::vector<std::string>{"return", "policy", "v2.0"}));
        QCOMPARE(s.distinctTokens("ＡＰＩ"), std::vector<std::string>{"api"});
        QCOMPARE(s.distinctTokens("   ，。！？  ...").size(), std::size_t(0));
    }

    void mixedTextKeepsOrderAndPositions()
    {
        TextSegmenter s;
        const auto tokens = s.tokens("用API申请年假");
        QVERIFY(!tokens.empty());
        QVERIFY(!tokens.front().colocated);
        std::vector<std::string> texts;
        for (const auto &t : tokens)
            texts.push_back(t.text);
        QVERIFY(contains(texts, "api"));
        QVERIFY(contains(texts, "申请"));
        QVERIFY(contains(texts, "年假"));
        QVERIFY(contains(texts, "请年"));
        // Byte ranges point into the input.
        for (const auto &t : tokens)
            QVERIFY(t.start < t.end && t.end <= std::string("用API申请年假").size());
        // "api" comes after "用" and before the bigrams of the second run.
        const auto api = std::find(texts.begin(), texts.end(), "api");
        QVERIFY(std::find(texts.begin(), api, "申请") == api);
    }

    void matchExpressionQuotesAndBounds()
    {
        TextSegmenter s;
        QCOMPARE(ftsMatchExpression(s, "say \"hi\" hi"), std::string("\"say\" OR \"hi\""));
        QCOMPARE(ftsMatchExpression(s, "  ？！ "), std::string());
        std::string many;
        for (int i = 0; i < 200; ++i)
            many += "w" + std::to_string(i) + " ";
        const std::string e = ftsMatchExpression(s, many);
        QCOMPARE(std::count(e.begin(), e.end(), '"'), std::ptrdiff_t(2 * kMaxQueryTokens));
        QVERIFY(ftsMatchExpression(s, "it's").find("\"it's\"") != std::string::npos);
    }

    void ftsRecall_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("expectedFirst");
        QTest::newRow("chinese phrase") << "退货政策" << 1;
        QTest::newRow("mixed") << "退货政策 return policy" << 1;
        QTest::newRow("question") << "如何申请年假" << 2;
        QTest::newRow("full-width latin") << "ＡＰＩ 密钥" << 3;
        QTest::newRow("english") << "annual leave" << 2;
        QTest::newRow("split differently") << "货政策" << 1;
    }

    void ftsRecall()
    {
        QFETCH(QString, query);
        QFETCH(int, expectedFirst);
        MemoryIndex index;
        QVERIFY(index.ok());
        index.add(1, "本公司的退货政策：收到商品 7 天内可以退货。Return policy: 7 days.");
        index.add(2, "员工申请年假需要提前两周提交。Annual leave must be requested two weeks ahead.");
        index.add(3, "调用 api 之前，请在设置里填写密钥。");
        index.add(4, "公司地址和联系电话。");
        const auto ids = index.search(query.toStdString());
        QVERIFY2(!ids.empty(), qPrintable(query));
        QCOMPARE(ids.front(), expectedFirst);
        QVERIFY(std::find(ids.begin(), ids.end(), 4) == ids.end());
    }

    void phraseOverBigramsMatches()
    {
        MemoryIndex index;
        index.add(1, "办公室在三楼");
        index.add(2, "公室办");
        // The quoted word is tokenized as a phrase of bigrams (with the dictionary word at
        // the same position), so the document matches whatever the dictionary did there.
        const auto ids = index.search("办公室");
        QVERIFY(!ids.empty());
        QCOMPARE(ids.front(), 1);
    }

    void segmentsQuickly()
    {
        // About 2 MB of mixed text: the tokenizer must not dominate ingestion.
        std::string text;
        while (text.size() < 2'000'000)
            text += "员工申请年假需要提前两周提交，请联系人力资源部。Annual leave must be requested two weeks ahead. ";
        TextSegmenter s;
        std::size_t count = 0;
        const auto start = std::chrono::steady_clock::now();
        for (std::size_t at = 0; at < text.size(); at += 1000) {
            std::size_t end = std::min(text.size(), at + 1000);
            while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
                ++end;
            std::size_t begin = at;
            while (begin < end && (static_cast<unsigned char>(text[begin]) & 0xC0) == 0x80)
                ++begin;
            s.segment(std::string_view(text).substr(begin, end - begin), [&](const auto &) { ++count; });
        }
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        qInfo("segmented %zu bytes into %zu tokens in %.3f s (%.1f MB/s)", text.size(), count, seconds,
              text.size() / seconds / 1e6);
        QVERIFY(count > 100000);
        QVERIFY(seconds < 5.0);
    }

    void invalidUtf8IsSkipped()
    {
        TextSegmenter s;
        const auto tokens = s.distinctTokens(std::string("abc \xff\xfe 退货"));
        QVERIFY(contains(tokens, "abc"));
        QVERIFY(contains(tokens, "退货"));
    }
};

QTEST_GUILESS_MAIN(TestTextSegmenter)
#include "tst_textsegmenter.moc"
