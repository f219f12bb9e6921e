#include "engine/model/sseparser.h"

#include <QtTest>

using flowdeck::engine::SseParser;

class TestSseParser : public QObject {
    Q_OBJECT

private:
    static std::vector<SseParser::Event> parseInPieces(const std::string &stream, std::size_t piece)
    {
        std::vector<SseParser::Event> events;
        SseParser parser([&](const SseParser::Event &e) { events.push_back(e); });
        for (std::size_t i = 0; i < stream.size(); i += piece)
            parser.feed(std::string_view(stream).substr(i, piece));
        parser.finish();
        return events;
    }

private slots:
    void events_data()
    {
        QTest::addColumn<QString>("stream");
        QTest::addColumn<QStringList>("data");
        QTest::newRow("two events") << "data: a\n\ndata: b\n\n" << QStringList{"a", "b"};
        QTest::newRow("crlf") << "data: a\r\n\r\ndata: b\r\n\r\n" << QStringList{"a", "b"};
        QTest::newRow("cr only") << "data: a\r\rdata: b\r\r" << QStringList{"a", "b"};
        QTest::newRow("keep-alive comments") << ": ping\n\ndata: a\n: another\n\n" << QStringList{"a"};
        QTest::newRow("multi-line data") << "data: one\ndata: two\n\n" << QStringList{"one\ntwo"};
        QTest::newRow("no space after colon") << "data:tight\n\n" << QStringList{"tight"};
        QTest::newRow("missing final blank line") << "data: last" << QStringList{"last"};
        QTest::newRow("event without data is dropped") << "event: ping\n\ndata: x\n\n" << QStringList{"x"};
        QTest::newRow("unknown fields ignored") << "retry: 10\nfoo: bar\ndata: y\n\n" << QStringList{"y"};
        QTest::newRow("done marker") << "data: {\"a\":1}\n\ndata: [DONE]\n\n" << QStringList{"{\"a\":1}", "[DONE]"};
    }
    void events()
    {
        QFETCH(QString, stream);
        QFETCH(QStringList, data);
        // Any split of the bytes gives the same events: one byte at a time up to all at once.
        for (std::size_t piece : {std::size_t(1), std::size_t(2), std::size_t(3), std::size_t(7), std::size_t(4096)}) {
            auto events = parseInPieces(stream.toStdString(), piece);
            QCOMPARE(int(events.size()), data.size());
            for (int i = 0; i < data.size(); ++i)
                QCOMPARE(QString::fromStdString(events[i].data), data[i]);
        }
    }

    void eventNameAndId()
    {
        auto events = parseInPieces("event: endpoint\nid: 7\ndata: /messages\n\ndata: plain\n\n", 5);
        QCOMPARE(events.size(), std::size_t(2));
        QCOMPARE(events[0].event, std::string("endpoint"));
        QCOMPARE(events[0].id, std::string("7"));
        QCOMPARE(events[1].event, std::string("message"));
    }

    void endlessLinesAndEventsStopTheParser()
    {
        std::vector<SseParser::Event> events;
        SseParser parser([&](const SseParser::Event &e) { events.push_back(e); });
        parser.feed("data: first\n\n");
        const std::string piece(1024 * 1024, 'x');
        parser.feed("data: ");
        for (std::size_t i = 0; i <= SseParser::kMaxLineBytes / piece.size(); ++i)
            parser.feed(piece);  // one line that never ends
        QVERIFY(parser.overflow().find("line longer than 8 MiB") != std::string::npos);
        QVERIFY(parser.bufferedBytes() < 1024);  // nothing kept of it
        parser.feed("\n\ndata: after\n\n");
        parser.finish();
        QCOMPARE(events.size(), std::size_t(1));  // only what came before

        std::vector<SseParser::Event> more;
        SseParser many([&](const SseParser::Event &e) { more.push_back(e); });
        const std::string line = "data: " + std::string(1024 * 1024, 'y') + "\n";
        for (std::size_t i = 0; i <= SseParser::kMaxEventBytes / (1024 * 1024); ++i)
            many.feed(line);  // an event of many lines that never ends
        QVERIFY(many.overflow().find("event larger than 16 MiB") != std::string::npos);
        many.feed("\n");
        QVERIFY(more.empty());
    }

    void crlfSplitAcrossPieces()
    {
        std::vector<SseParser::Event> events;
        SseParser parser([&](const SseParser::Event &e) { events.push_back(e); });
        parser.feed("data: a\r");
        parser.feed("\n\r");
        parser.feed("\ndata: b\r\n\r\n");
        QCOMPARE(events.size(), std::size_t(2));
        QCOMPARE(events[1].data, std::string("b"));
    }
};

QTEST_GUILESS_MAIN(TestSseParser)
#include "tst_sseparser.moc"
