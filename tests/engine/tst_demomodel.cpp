// The offline demo model (profile "demo"): answered in-process through the real chat
// client, so its answers go through the same parser, callbacks and cancellation as a
// provider's. Plain and streamed text, JSON Schema and JSON-mode output, tool calls.
#include "engine/core/jsonschema.h"
#include "engine/core/secretstore.h"
#include "engine/model/chatclient.h"
#include "engine/model/demomodel.h"

#include <QtTest>

using namespace flowdeck::engine;
using json = nlohmann::json;

namespace {

struct Outcome {
    bool completed = false;
    ChatResult result;
    ChatError error;
    std::vector<std::string> deltas;
};

ChatRequest demoRequest(const std::string &userText, bool stream)
{
    ProfileStore profiles;
    SecretStore secrets;
    secrets.setUseEnvironment(false);
    auto resolved = profiles.resolve("demo", secrets);
    ChatRequest r;
    r.profile = resolved->profile;
    r.messages = json::array({{{"role", "user"}, {"content", userText}}});
    r.stream = stream;
    return r;
}

Outcome chat(ChatRequest r, bool cancelAfterFirstDelta = false)
{
    boost::asio::io_context io;
    HttpClient http(io);
    Outcome out;
    std::shared_ptr<ChatCall> call;
    ChatCallbacks cb;
    cb.onDelta = [&](std::string_view text, std::string_view) {
        if (text.empty())
            return;
        out.deltas.emplace_back(text);
        if (cancelAfterFirstDelta && call)
            call->cancel();
    };
    cb.onComplete = [&](ChatResult result, ChatError error) {
        out.completed = true;
        out.result = std::move(result);
        out.error = std::move(error);
    };
    call = startChat(io, http, std::move(r), std::move(cb));
    io.run();  // returns when nothing is pending: the answer came, or the call was cancelled
    return out;
}

bool startsWith(const std::string &text, const char *prefix) { return text.rfind(prefix, 0) == 0; }

// JSON written with single quotes, which read better inside C++ strings.
QString q(const char *text) { return QString::fromUtf8(text).replace(QLatin1Char('\''), QLatin1Char('"')); }

} // namespace

class TestDemoModel : public QObject {
    Q_OBJECT

private slots:
    void presetNeedsNoKey()
    {
        ProfileStore profiles;
        SecretStore secrets;
        secrets.setUseEnvironment(false);
        auto resolved = profiles.resolve("demo", secrets);
        QVERIFY(resolved);
        QCOMPARE(resolved->profile.baseUrl, std::string("demo:"));
        QVERIFY(!resolved->profile.needsKey);
        QVERIFY(DemoModel::handles(resolved->profile.baseUrl));
        QVERIFY(!DemoModel::handles("https://api.deepseek.com/v1"));
    }

    void plainAnswerIsMarkedAndQuotesTheQuestion()
    {
        auto out = chat(demoRequest("How did sales go this half year?\nAnd what next?", false));
        QVERIFY2(!out.error, out.error.message.c_str());
        QVERIFY2(startsWith(out.result.text, DemoModel::kMarkerEn), out.result.text.c_str());
        QVERIFY(out.result.text.find("How did sales go this half year?") != std::string::npos);
        QVERIFY(out.result.text.find("Settings → Model providers") != std::string::npos);
        QCOMPARE(out.result.finishReason, std::string("stop"));
        QVERIFY(out.result.usage.totalTokens > 0);
        QVERIFY(out.deltas.empty());
    }

    void chineseQuestionGetsAChineseMarker()
    {
        auto out = chat(demoRequest("这半年的销售情况怎么样？下一步该怎么做？", false));
        QVERIFY2(startsWith(out.result.text, DemoModel::kMarkerZh), out.result.text.c_str());
        QVERIFY(DemoModel::isChinese("帮我整理一下 inbox 文件夹"));
        QVERIFY(!DemoModel::isChinese("Please tidy up my inbox folder, 谢谢"));
    }

    void streamsInPiecesThroughTheParser()
    {
        auto out = chat(demoRequest("Summarise what a workflow is", true));
        QVERIFY2(!out.error, out.error.message.c_str());
        QVERIFY(out.deltas.size() > 3);
        std::string joined;
        for (const auto &d : out.deltas)
            joined += d;
        QCOMPARE(joined, out.result.text);
        QVERIFY(startsWith(joined, DemoModel::kMarkerEn));
        QCOMPARE(out.result.finishReason, std::string("stop"));
        QVERIFY(out.result.usage.totalTokens > 0);  // the usage chunk after the last delta
    }

    void cancelStopsTheStream()
    {
        auto out = chat(demoRequest("Summarise what a workflow is", true), true);
        QCOMPARE(out.deltas.size(), std::size_t(1));
        QVERIFY(!out.completed);
    }

    void jsonSchemaAnswerSatisfiesTheSchema_data()
    {
        QTest::addColumn<QString>("schema");
        QTest::newRow("required, enum, bounds") << q("{'type':'object','additionalProperties':false,"
            "'required':['intent','confidence','score','urgent','tags'],"
            "'properties':{'intent':{'type':'string','enum':['refund','order_status','other']},"
            "'confidence':{'type':'number','minimum':0.5,'maximum':1},"
            "'score':{'type':'integer','exclusiveMinimum':3,'maximum':10},"
            "'urgent':{'type':'boolean'},"
            "'tags':{'type':'array','items':{'type':'string','minLength':4},'minItems':2,'maxItems':3}}}");
        QTest::newRow("nested, refs, nullable") << q("{'type':'object','required':['items','when','link'],"
            "'$defs':{'item':{'type':'object','required':['title','owner'],"
            "'properties':{'title':{'type':'string'},'owner':{'type':['string','null']},'due':{'type':'string','format':'date'}}}},"
            "'properties':{'items':{'type':'array','items':{'$ref':'#/$defs/item'},'minItems':1},"
            "'when':{'type':'string','format':'date-time'},"
            "'link':{'anyOf':[{'type':'null'},{'type':'string','format':'uri'}]},"
            "'note':{'type':'string','maxLength':5}}}");
        QTest::newRow("all of, const") << q("{'allOf':[{'type':'object','required':['a'],'properties':{'a':{'const':'x'}}},"
            "{'required':['b'],'properties':{'b':{'type':'integer','minimum':-5,'maximum':-2}}}]}");
    }

    void jsonSchemaAnswerSatisfiesTheSchema()
    {
        QFETCH(QString, schema);
        const json s = json::parse(schema.toStdString());
        for (bool stream : {false, true}) {
            auto r = demoRequest("Classify this message", stream);
            r.responseFormat = {{"type", "json_schema"}, {"json_schema", {{"name", "output"}, {"schema", s}, {"strict", true}}}};
            auto out = chat(r);
            QVERIFY2(!out.error, out.error.message.c_str());
            const json answer = json::parse(out.result.text, nullptr, false);
            QVERIFY2(answer.is_object(), out.result.text.c_str());
            auto compiled = JsonSchema::compile(s);
            QVERIFY(compiled);
            const auto violations = compiled->validate(answer);
            QVERIFY2(violations.empty(), (out.result.text + " -> " + JsonSchema::describe(violations)).c_str());
        }
    }

    // What a hostile or broken workflow could hand the demo: it answers, and never ends the run.
    void hostileSchemasAndPromptsGetAnAnswer()
    {
        json deep = {{"type", "string"}};
        for (int i = 0; i < 5000; ++i)
            deep = {{"type", "array"}, {"minItems", 1}, {"items", deep}};
        const json loop = {{"$defs", {{"a", {{"$ref", "#/$defs/b"}}}, {"b", {{"$ref", "#/$defs/a"}}}}},
                           {"type", "object"}, {"required", {"x"}}, {"properties", {{"x", {{"$ref", "#/$defs/a"}}}}}};
        const json wide = {{"type", "array"}, {"minItems", 1000000000}, {"items", {{"type", "string"}, {"minLength", 100000000}}}};
        const json wrongTypes = {{"type", 42}, {"properties", "not an object"}, {"required", {1, 2}}, {"enum", json::object()}};
        for (const json &schema : {deep, loop, wide, wrongTypes}) {
            auto r = demoRequest("Fill this in", false);
            r.responseFormat = {{"type", "json_schema"}, {"json_schema", {{"name", "o"}, {"schema", schema}}}};
            auto out = chat(r);
            QVERIFY2(!out.error, out.error.message.c_str());
            QVERIFY(out.result.text.size() < 4u << 20);  // bounded, however large the schema asks
        }
        // A prompt of a million unmatched braces in JSON mode.
        auto braces = demoRequest(std::string(1 << 20, '{'), false);
        braces.responseFormat = {{"type", "json_object"}};
        auto out = chat(braces);
        QVERIFY2(!out.error, out.error.message.c_str());
        QVERIFY(json::parse(out.result.text, nullptr, false).is_object());
    }

    void jsonModeFollowsTheExampleInThePrompt()
    {
        auto r = demoRequest("My order SO1 has not shipped!", false);
        r.messages.insert(r.messages.begin(), json{{"role", "system"},
                                                   {"content", "Classify the message. Answer with JSON only, exactly "
                                                               "like {\"intent\": \"order_status\", \"order_no\": \"\", "
                                                               "\"sentiment\": \"neutral\"} and nothing else."}});
        r.responseFormat = {{"type", "json_object"}};
        auto out = chat(r);
        const json answer = json::parse(out.result.text, nullptr, false);
        QVERIFY2(answer.is_object(), out.result.text.c_str());
        QCOMPARE(answer.value("intent", ""), std::string("order_status"));
        QVERIFY(answer.contains("sentiment"));

        // Without an example: still JSON, the demo note inside a string.
        auto plain = demoRequest("Give me JSON", false);
        plain.responseFormat = {{"type", "json_object"}};
        auto bare = chat(plain);
        const json note = json::parse(bare.result.text, nullptr, false);
        QVERIFY2(note.is_object(), bare.result.text.c_str());
        QVERIFY(startsWith(note.value("text", ""), DemoModel::kMarkerEn));
    }

    void callsAReadingToolOnceThenAnswers()
    {
        const json listSchema = {{"type", "object"},
                                 {"required", {"path"}},
                                 {"properties", {{"path", {{"type", "string"}}}, {"depth", {{"type", "integer"}, {"minimum", 1}}}}}};
        const json tools = json::array(
            {{{"type", "function"}, {"function", {{"name", "files__move_file"}, {"parameters", {{"type", "object"}}}}}},
             {{"type", "function"}, {"function", {{"name", "files__list_directory"}, {"parameters", listSchema}}}}});
        for (bool stream : {false, true}) {
            auto r = demoRequest("Please tidy up the folder /tmp/demo-inbox. It is a mess.", stream);
            r.tools = tools;
            auto first = chat(r);
            QVERIFY2(!first.error, first.error.message.c_str());
            QCOMPARE(first.result.finishReason, std::string("tool_calls"));
            QCOMPARE(first.result.toolCalls.size(), std::size_t(1));
            const json call = first.result.toolCalls[0];
            QVERIFY2(call["function"]["name"] == json("files__list_directory"), call.dump().c_str());
            const json args = json::parse(call["function"]["arguments"].get<std::string>(), nullptr, false);
            QCOMPARE(args, json({{"path", "/tmp/demo-inbox"}}));
            QVERIFY(JsonSchema::compile(listSchema)->validate(args).empty());

            r.messages.push_back({{"role", "assistant"}, {"content", nullptr}, {"tool_calls", first.result.toolCalls}});
            r.messages.push_back({{"role", "tool"}, {"tool_call_id", call["id"]}, {"content", "[FILE] bill.pdf\n[FILE] notes.txt"}});
            auto second = chat(r);
            QVERIFY2(!second.error, second.error.message.c_str());
            QVERIFY(second.result.toolCalls.empty());
            QVERIFY2(startsWith(second.result.text, DemoModel::kMarkerEn), second.result.text.c_str());
            QVERIFY(second.result.text.find("[FILE] bill.pdf") != std::string::npos);
        }
    }

    // A demo must not change anything: with only tools that write, it answers in text.
    void neverCallsToolsThatChangeThings()
    {
        auto r = demoRequest("Move everything into folders", false);
        const json parameters = {{"type", "object"}, {"required", {"source"}}, {"properties", {{"source", {{"type", "string"}}}}}};
        r.tools = json::array({{{"type", "function"}, {"function", {{"name", "files__move_file"}, {"parameters", parameters}}}}});
        auto out = chat(r);
        QVERIFY(out.result.toolCalls.empty());
        QVERIFY(startsWith(out.result.text, DemoModel::kMarkerEn));
    }
};

QTEST_GUILESS_MAIN(TestDemoModel)
#include "tst_demomodel.moc"
