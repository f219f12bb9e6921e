// The built-in "tables" MCP server (`flowdeck tables-mcp FOLDER...`), spoken to over
// stdio as a real client would: the tools it lists, the figures it computes from CSV
// (quotes, separators, number and date formats), charts, and clear errors.
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

using json = nlohmann::json;

class TestTables : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QProcess m_server;
    int m_id = 0;

    json request(const std::string &method, json params = json::object())
    {
        const json message = {{"jsonrpc", "2.0"}, {"id", ++m_id}, {"method", method}, {"params", std::move(params)}};
        m_server.write(QByteArray::fromStdString(message.dump() + "\n"));
        return readReply();
    }

    json readReply()
    {
        while (!m_server.canReadLine())
            if (!m_server.waitForReadyRead(10000))
                return json();
        return json::parse(m_server.readLine().toStdString());
    }

    json call(const std::string &tool, json arguments)
    {
        return request("tools/call", {{"name", tool}, {"arguments", std::move(arguments)}})["result"];
    }

    static std::string text(const json &result) { return result["content"][0]["text"].get<std::string>(); }

    std::string file(const char *name, const QByteArray &content)
    {
        QFile f(m_dir.filePath(name));
        f.open(QIODevice::WriteOnly);
        f.write(content);
        return m_dir.filePath(name).toStdString();
    }

private slots:
    void initTestCase()
    {
        m_server.start(QStringLiteral(FLOWDECK_BINARY), {"tables-mcp", m_dir.path()});
        QVERIFY(m_server.waitForStarted());
        const json init = request("initialize", {{"protocolVersion", "2025-06-18"}, {"capabilities", json::object()},
                                                 {"clientInfo", {{"name", "test"}, {"version", "1"}}}});
        QCOMPARE(init["result"]["protocolVersion"].get<std::string>(), std::string("2025-06-18"));
        QVERIFY(init["result"]["capabilities"].contains("tools"));
        m_server.write("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n");  // no answer to a notification
        QVERIFY(request("ping")["result"].is_object());
    }

    void cleanupTestCase()
    {
        m_server.closeWriteChannel();  // the server ends at the end of its input
        QVERIFY(m_server.waitForFinished(5000));
        QCOMPARE(m_server.exitCode(), 0);
    }

    void itListsThreeToolsWithSchemas()
    {
        const json tools = request("tools/list")["result"]["tools"];
        QCOMPARE(tools.size(), std::size_t(3));
        std::vector<std::string> names;
        for (const auto &t : tools) {
            names.push_back(t["name"]);
            QCOMPARE(t["inputSchema"]["type"].get<std::string>(), std::string("object"));
        }
        QCOMPARE(names, (std::vector<std::string>{"describe_table", "aggregate", "chart"}));
        QCOMPARE(tools[1]["inputSchema"]["required"], json::array({"group_by"}));
    }

    void describeUnderstandsBusinessCsv()
    {
        // A byte-order mark, semicolons, quoted fields with separators, quotes and a line break,
        // money written with symbols and thousands separators, dates with slashes.
        const std::string path = file("shop.csv",
                                      "\xEF\xBB\xBF" "date;product;amount;note\n"
                                      "2026/1/5;\"Tea; green\";\"\xC2\xA5" "1,200.50\";plain\n"
                                      "2026/1/20;Oolong;300;\"said \"\"hi\"\"\"\n"
                                      "2026/2/3;Oolong;$900;\"two\nlines\"\n");
        const json r = call("describe_table", {{"path", path}});
        QVERIFY2(!r["isError"].get<bool>(), text(r).c_str());
        const json s = r["structuredContent"];
        QCOMPARE(s["rows"].get<int>(), 3);
        QCOMPARE(s["columns"][0]["kind"].get<std::string>(), std::string("date"));
        QCOMPARE(s["columns"][0]["first"].get<std::string>(), std::string("2026/1/5"));  // by date, as written
        QVERIFY2(s["columns"][2]["kind"] == "number", text(r).c_str());
        QCOMPARE(s["columns"][2]["sum"].get<double>(), 2400.5);
        QCOMPARE(s["columns"][1]["common"][0]["value"].get<std::string>(), std::string("Oolong"));
        QVERIFY(text(r).find("3 rows, 4 columns.") == 0);
    }

    void separatorsEncodingsAndNumberFormats()
    {
        // Tabs: an empty field stays empty (the tab is the separator, not a space).
        json r = call("aggregate", {{"csv", "a\tb\tc\n1\t\t3\n2\tx\t4\n"}, {"group_by", "b"}, {"value", "c"}, {"sort", "key"}});
        QCOMPARE(r["structuredContent"]["rows"], json::parse(R"j([{"key":"(empty)","value":3.0},{"key":"x","value":4.0}])j"));
        // Semicolon exports write decimal commas: "12,5" is twelve and a half, "1.234,50" over a thousand.
        r = call("describe_table", {{"csv", "item;price\nA;12,5\nB;1.234,50\nC;\"7\"\n"}});
        QCOMPARE(r["structuredContent"]["columns"][1]["sum"].get<double>(), 1254.0);
        // Comma files keep thousands separators: "1,234.50".
        r = call("describe_table", {{"csv", "item,price\nA,\"1,234.50\"\nB,\"2,000\"\n"}});
        QCOMPARE(r["structuredContent"]["columns"][1]["sum"].get<double>(), 3234.5);
        // Dates compare by value, not as text: 2026/3/9 comes before 2026/3/14.
        r = call("describe_table", {{"csv", "d\n2026/3/14\n2026/3/9\n"}});
        QCOMPARE(r["structuredContent"]["columns"][0]["first"].get<std::string>(), std::string("2026/3/9"));
        // A CSV saved by Excel in Chinese (GBK) is read as such.
        const std::string gbk = file("gbk.csv", QByteArray("\xb5\xd8\xc7\xf8,\xbd\xf0\xb6\xee\n\xbb\xaa\xb6\xab,10\n\xbb\xaa\xb6\xab,5\n"));  // 地区,金额 / 华东
        r = call("aggregate", {{"path", gbk}, {"group_by", "地区"}, {"value", "金额"}});
        QVERIFY2(!r["isError"].get<bool>(), text(r).c_str());
        QCOMPARE(r["structuredContent"]["rows"], json::parse(R"([{"key":"华东","value":15.0}])"));
        const std::string binary = file("bin.csv", QByteArray("a,b\n\xff\xfe\x00\x01,1\n", 11));
        r = call("describe_table", {{"path", binary}});
        QVERIFY(r["isError"].get<bool>());
        QVERIFY(text(r).find("neither UTF-8 nor GB18030") != std::string::npos);
    }

    void aggregateGroupsAndTotals()
    {
        const std::string csv = "day,region,amount\n"
                                "2026-01-05,East,100\n2026-01-20,West,50\n2026-02-03,East,30\n"
                                "2026-02-14,East,20\n2026-04-01,North,5\n2026-04-02,North,n/a\n";
        json r = call("aggregate", {{"csv", csv}, {"group_by", "day"}, {"period", "month"}, {"value", "amount"}});
        QVERIFY2(!r["isError"].get<bool>(), text(r).c_str());
        QCOMPARE(r["structuredContent"]["rows"], json::parse(R"([{"key":"2026-01","value":150.0},{"key":"2026-02","value":50.0},{"key":"2026-04","value":5.0}])"));
        QCOMPARE(r["structuredContent"]["total"].get<double>(), 205.0);
        QCOMPARE(r["structuredContent"]["skipped"].get<int>(), 1);  // "n/a" is no number
        QVERIFY(text(r).find("| 2026-01 | 150 |") != std::string::npos);

        r = call("aggregate", {{"csv", csv}, {"group_by", "Region"}, {"op", "count"}, {"limit", 1}});  // names ignore case
        QCOMPARE(r["structuredContent"]["rows"], json::parse(R"([{"key":"East","value":3.0}])"));
        QVERIFY(text(r).find("Showing 1 of 3 groups.") != std::string::npos);

        r = call("aggregate", {{"csv", csv}, {"group_by", "region"}, {"value", "amount"}, {"op", "mean"},
                               {"where", {{"region", "East"}}}});
        QCOMPARE(r["structuredContent"]["rows"][0]["value"].get<double>(), 50.0);

        r = call("aggregate", {{"csv", csv}, {"group_by", "day"}, {"period", "quarter"}, {"value", "amount"}, {"op", "max"}});
        QCOMPARE(r["structuredContent"]["rows"][0], json::parse(R"({"key":"2026-Q1","value":100.0})"));
    }

    void chartGivesAnEChartsOption()
    {
        const std::string csv = "month,sales\nJan,10\nFeb,20\nMar,15\n";
        json r = call("chart", {{"csv", csv}, {"group_by", "month"}, {"value", "sales"}, {"sort", "key"}, {"title", "Sales"}});
        json option = json::parse(text(r));
        QCOMPARE(option, r["structuredContent"]["option"]);
        QCOMPARE(option["series"][0]["type"].get<std::string>(), std::string("bar"));
        QCOMPARE(option["xAxis"]["data"], json::array({"Feb", "Jan", "Mar"}));
        QCOMPARE(option["series"][0]["data"], json::array({20.0, 10.0, 15.0}));
        QCOMPARE(option["title"]["text"].get<std::string>(), std::string("Sales"));
        r = call("chart", {{"csv", csv}, {"group_by", "month"}, {"value", "sales"}, {"type", "pie"}});
        option = json::parse(text(r));
        QCOMPARE(option["series"][0]["data"][0], json::parse(R"({"name":"Feb","value":20.0})"));
        r = call("chart", {{"csv", csv}, {"group_by", "month"}, {"type", "radar"}});
        QVERIFY(r["isError"].get<bool>());
    }

    void errorsSayWhatAndWhere()
    {
        auto error = [&](const std::string &tool, json args) {
            const json r = call(tool, std::move(args));
            return r["isError"].get<bool>() ? text(r) : std::string("(no error)");
        };
        QVERIFY(error("describe_table", {{"path", "/etc/passwd"}}).find("outside the allowed folders") != std::string::npos);
        QVERIFY(error("describe_table", {{"path", m_dir.filePath("../x.csv").toStdString()}}).find("outside") != std::string::npos);
        QVERIFY(error("describe_table", {{"path", m_dir.filePath("none.csv").toStdString()}}).find("does not exist") != std::string::npos);
        QVERIFY(error("describe_table", json::object()).find("Give \"path\"") != std::string::npos);
        const std::string column = error("aggregate", {{"csv", "a,b\n1,2\n"}, {"group_by", "c"}});
        QVERIFY2(column.find("no column \"c\". The columns are: a, b.") != std::string::npos, column.c_str());
        const std::string quote = error("describe_table", {{"csv", "a,b\n1,2\n3,\"open\n"}});
        QVERIFY2(quote.find("line 3: a quoted field is never closed") != std::string::npos, quote.c_str());
        const std::string wide = error("describe_table", {{"csv", "a,b\n1,2,3\n"}});
        QVERIFY2(wide.find("row 1 has 3 fields but the header has 2") != std::string::npos, wide.c_str());
        QVERIFY(error("aggregate", {{"csv", "a,b\n1,2\n"}, {"group_by", "a"}, {"op", "sum"}}).find("needs a \"value\" column") != std::string::npos);
        QVERIFY(error("nope", json::object()).find("There is no tool \"nope\"") != std::string::npos);
    }

    void badMessagesGetJsonRpcErrors()
    {
        m_server.write("this is not json\n");
        QCOMPARE(readReply()["error"]["code"].get<int>(), -32700);
        QCOMPARE(request("resources/list")["error"]["code"].get<int>(), -32601);
        m_server.write("{\"jsonrpc\":\"2.0\",\"id\":99,\"method\":\"tools/call\",\"params\":[1]}\n");  // params of the wrong type
        QCOMPARE(readReply()["error"]["code"].get<int>(), -32602);
        QVERIFY(request("ping")["result"].is_object());  // still serving
    }
};

QTEST_MAIN(TestTables)
#include "tst_tables.moc"
