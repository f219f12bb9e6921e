// Reading JSON from outside without throwing (engine/core/jsonread.h, jsonaccess.h):
// nesting limits, numbers too large, syntax errors with line and column, text that is
// not UTF-8, and fields of the wrong type.
#include "engine/core/jsonaccess.h"
#include "engine/core/jsonread.h"

#include <QtTest>

using namespace flowdeck::engine;
using json = nlohmann::json;

class TestJsonRead : public QObject {
    Q_OBJECT

private slots:
    void readsOrdinaryDocuments()
    {
        JsonReadError e;
        const json j = parseJson(R"({"a": [1, 2.5, "x", true, null, {"b": {}}]})", &e);
        QVERIFY(!e);
        QCOMPARE(j["a"][1], json(2.5));
        QCOMPARE(j["a"][5]["b"], json::object());
        const auto ordered = parseOrderedJson(R"({"z": 1, "a": 2})");
        QCOMPARE(ordered.begin().key(), std::string("z"));
    }

    void refusesDeepNestingWithWhere()
    {
        std::string text = "{\n  \"a\": ";
        for (int i = 0; i < 100000; ++i)
            text += "[";
        for (int i = 0; i < 100000; ++i)
            text += "]";
        text += "}";
        JsonReadError e;
        QVERIFY(parseJson(text, &e).is_discarded());
        QCOMPARE(e.kind, JsonReadError::Kind::TooDeep);
        QCOMPARE(e.line, std::size_t(2));
        QCOMPARE(e.column, std::size_t(8 + kMaxJsonDepth - 1));  // the bracket that went past the limit
        QVERIFY(e.describe().find("128 levels") != std::string::npos);
        // Exactly at the limit is fine.
        std::string ok(kMaxJsonDepth, '[');
        ok.append(kMaxJsonDepth, ']');
        QVERIFY(!parseJson(ok).is_discarded());
    }

    void refusesNumbersTooLarge()
    {
        JsonReadError e;
        QVERIFY(parseJson("{\n\"x\": [1,\n  1e400]}", &e).is_discarded());
        QCOMPARE(e.kind, JsonReadError::Kind::NumberTooLarge);
        QCOMPARE(e.describe(), std::string("line 3, column 3: the number 1e400 is too large"));
        QVERIFY(!parseJson("1e300").is_discarded());
    }

    void syntaxErrorsSayWhere()
    {
        JsonReadError e;
        QVERIFY(parseJson("{\"a\": 1,\n \"b\": }", &e).is_discarded());
        QCOMPARE(e.kind, JsonReadError::Kind::Syntax);
        QCOMPARE(e.line, std::size_t(2));
        QVERIFY(!e.message.empty());
        QVERIFY(parseJson("").is_discarded());
        QVERIFY(parseJson("{\"a\": \"\xff\"}").is_discarded());  // not UTF-8
    }

    void invalidUtf8IsReplaced()
    {
        QVERIFY(isValidUtf8("plain ascii, 中文, emoji 😀"));
        QVERIFY(!isValidUtf8("bad \xff byte"));
        QVERIFY(!isValidUtf8("\xed\xa0\x80"));  // a UTF-16 surrogate
        QVERIFY(!isValidUtf8("\xc3"));          // cut short
        const std::string fixed = validUtf8("a\xff" "b\xc3");
        QCOMPARE(fixed, std::string("a\xEF\xBF\xBD" "b\xEF\xBF\xBD"));
        QVERIFY(isValidUtf8(fixed));
        QCOMPARE(parseJson(validUtf8("{\"t\": \"x\xfey\"}"))["t"], json("x\xEF\xBF\xBDy"));
    }

    void fieldsOfTheWrongTypeGiveTheFallback()
    {
        const json e = {{"code", "boom"}, {"message", 42}, {"n", 7}, {"f", 2.9}, {"big", 1e300}, {"flag", "yes"}, {"none", nullptr}};
        QCOMPARE(valueOr(e, "code", 0), 0);
        QCOMPARE(valueOr(e, "message", "fallback"), std::string("fallback"));
        QCOMPARE(valueOr(e, "n", 0), 7);
        QCOMPARE(valueOr(e, "f", 0), 2);
        QCOMPARE(valueOr(e, "big", 5), 5);
        QCOMPARE(valueOr(e, "flag", false), false);
        QCOMPARE(valueOr(e, "none", std::string("d")), std::string("d"));
        QCOMPARE(valueOr(e, "missing", 1.5), 1.5);
        QCOMPARE(valueOr(e, "n", json()), json(7));
        QCOMPARE(valueOr(json::array({1}), "code", -1), -1);  // not an object at all
        QCOMPARE(valueOr(json("text"), "code", std::string("x")), std::string("x"));
        QCOMPARE(valueOr(json{{"u", 4000000000ULL}}, "u", 0), 0);  // out of range for int
    }
};

QTEST_GUILESS_MAIN(TestJsonRead)
#include "tst_jsonread.moc"
