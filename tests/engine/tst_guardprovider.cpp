// The guard's provider checks against a real OpenAI-compatible server on loopback
// (tests/peers/scripted-llm.cjs answers /moderations and /chat/completions from a script
// and logs every request): moderation results, Qwen3Guard and Llama Guard answers, an
// LLM judge, and what a failure does (fail-open, fail-closed, 401, garbage, cancel).
#include "engine/core/messages.h"
#include "engine/core/secretstore.h"
#include "engine/guard/guardmodelreply.h"
#include "engine/guard/guardtaxonomy.h"
#include "engine/guard/judgeprompt.h"
#include "engine/guard/providercheck.h"
#include "engine/model/providerprofile.h"
#include "engine/net/httpclient.h"
#include "engine/run/runservices.h"
#include "engine/workflow/workflow.h"
#include "tests/support/scriptedmodel.h"

#include <QtTest>


using namespace flowdeck::engine;
using flowdeck::tests::ScriptedModel;
using json = nlohmann::json;

namespace {

json moderationAnswer(bool flagged, json categories, json scores)
{
    return {{"json",
             {{"id", "modr-1"},
              {"model", "omni-moderation-latest"},
              {"results", {{{"flagged", flagged}, {"categories", std::move(categories)}, {"category_scores", std::move(scores)}}}}}}};
}

std::vector<std::string> categoriesOf(const GuardFindings &findings)
{
    std::vector<std::string> out;
    for (const auto &f : findings)
        out.push_back(f.category);
    return out;
}

// The Chinese of a sentence is its own: not the English handed back.
bool hasChinese(const std::string &english) { return localizedSentence(english, "zh") != english; }

} // namespace

class TestGuardProvider : public QObject {
    Q_OBJECT

    ScriptedModel m_llm;

    // One check's world: a loop, a real HTTP client, a profile "scripted" (key "test-key")
    // pointing at the peer, and a workflow whose models name guard, judge and moderation aliases.
    struct World {
        boost::asio::io_context io;
        HttpClient http{io};
        ProfileStore profiles;
        SecretStore secrets;
        RunServices services;
        Workflow workflow;
    };

    std::unique_ptr<World> world(const std::string &structuredOutput = "json_schema")
    {
        auto w = std::make_unique<World>();
        w->secrets.setUseEnvironment(false);
        w->secrets.set("SCRIPTED_KEY", "test-key");
        w->profiles.add(ProviderProfile::fromJson("scripted",
                                                  {{"baseUrl", m_llm.url("/v1")},
                                                   {"defaultModel", "scripted-model"},
                                                   {"apiKeySecret", "SCRIPTED_KEY"},
                                                   {"structuredOutput", structuredOutput}},
                                                  nullptr));
        w->profiles.add(ProviderProfile::fromJson("offline", {{"baseUrl", "demo:"}, {"needsKey", false}}, nullptr));
        w->services.http = &w->http;
        w->services.profiles = &w->profiles;
        w->services.secrets = &w->secrets;
        w->services.modelBackoffMs = 1;
        w->workflow.models = {{"mod", {{"profile", "scripted"}, {"model", "omni-moderation-latest"}}},
                              {"guard", {{"profile", "scripted"}, {"model", "qwen3guard-gen-8b"}}},
                              {"judge", {{"profile", "scripted"}, {"model", "qwen-plus"}}},
                              {"demo", {{"profile", "offline"}}}};
        return w;
    }

    ProviderVerdict check(const json &provider, const std::string &text, TextSource source = TextSource::User,
                          const std::string &structuredOutput = "json_schema")
    {
        auto w = world(structuredOutput);
        std::optional<ProviderVerdict> got;
        // The handle is dropped at once: the call lives on until it answers.
        startProviderCheck(w->io, w->services, w->workflow, provider, text, source, [&](ProviderVerdict v) { got = std::move(v); });
        while (!got && w->io.run_one_for(std::chrono::seconds(20)) > 0) {
        }
        if (!got)
            qFatal("the provider check never answered");
        return *got;
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_llm.start(&error), qPrintable(error));
    }

    void moderationFindsFlaggedAndHighScoringCategories()
    {
        m_llm.script("mod-flag", {moderationAnswer(true, {{"violence", true}, {"sexual", false}, {"harassment", false}},
                                             {{"violence", 0.93}, {"sexual", 0.02}, {"harassment", 0.61}})});
        const auto v = check({{"kind", "moderation"}, {"model", "mod"}}, "[case:mod-flag] I will hurt him");
        QVERIFY2(!v.failed, v.error.c_str());
        QCOMPARE(v.findings.size(), std::size_t(2));  // harassment at 0.61 is over the default 0.5
        for (const auto &f : v.findings) {
            QCOMPARE(f.check, std::string("moderation"));
            QCOMPARE(f.category, categoryForOpenAi(f.type));
            QVERIFY2(findGuardCategory(f.category), f.category.c_str());
            QCOMPARE(f.start, f.end);  // a verdict on the whole text
        }
        QCOMPARE(v.findings[1].type, std::string("violence"));
        QCOMPARE(v.findings[1].score, 0.93);
        QCOMPARE(v.findings[1].severity, std::string("high"));
        QCOMPARE(v.findings[0].severity, std::string("medium"));
        const auto asked = m_llm.log("mod-flag");
        QCOMPARE(asked.size(), std::size_t(1));
        QCOMPARE(asked[0]["path"], json("/v1/moderations"));
        QCOMPARE(asked[0]["auth"], json("Bearer test-key"));
        QCOMPARE(asked[0]["body"], json({{"model", "omni-moderation-latest"}, {"input", "[case:mod-flag] I will hurt him"}}));
    }

    void moderationFollowsTheThreshold()
    {
        m_llm.script("mod-score", {moderationAnswer(false, {{"self-harm", false}}, {{"self-harm", 0.7}, {"hate", 0.1}})});
        auto v = check({{"kind", "moderation"}, {"model", "mod"}}, "[case:mod-score] text");
        QCOMPARE(v.findings.size(), std::size_t(1));
        QCOMPARE(v.findings[0].type, std::string("self-harm"));
        v = check({{"kind", "moderation"}, {"model", "mod"}, {"threshold", 0.8}}, "[case:mod-score] text");
        QVERIFY(!v.failed && v.findings.empty());
        m_llm.script("mod-clean", {moderationAnswer(false, {{"violence", false}}, {{"violence", 0.01}})});
        v = check({{"kind", "moderation"}, {"model", "mod"}}, "[case:mod-clean] 你好");
        QVERIFY2(!v.failed && v.findings.empty(), v.error.c_str());
    }

    void qwen3GuardAnswersAreRead()
    {
        m_llm.script("qwen-safe", {"Safety: Safe\nCategories: None"});
        auto v = check({{"kind", "guard_model"}, {"model", "guard"}}, "[case:qwen-safe] 今天天气不错");
        QVERIFY2(!v.failed && v.findings.empty(), v.error.c_str());
        m_llm.script("qwen-unsafe", {"<think>the user asks for weapons</think>\n  safety:   UNSAFE \ncategories: Violent, PII\n"});
        v = check({{"kind", "guard_model"}, {"model", "guard"}}, "[case:qwen-unsafe] 教我做炸弹", TextSource::Model);
        QVERIFY2(!v.failed, v.error.c_str());
        QCOMPARE(categoriesOf(v.findings), (std::vector<std::string>{"violence", "personal_information"}));
        QCOMPARE(v.findings[0].severity, std::string("high"));
        QCOMPARE(v.findings[1].label, std::string("PII"));
        // A model's text is sent as the answer to a user turn, not as a user's words; no stream.
        const json body = m_llm.log("qwen-unsafe").at(0)["body"];
        QCOMPARE(body["model"], json("qwen3guard-gen-8b"));
        QCOMPARE(body["messages"].size(), std::size_t(2));
        QCOMPARE(body["messages"][0]["role"], json("user"));
        QCOMPARE(body["messages"][1], json({{"role", "assistant"}, {"content", "[case:qwen-unsafe] 教我做炸弹"}}));
        QVERIFY(!body.value("stream", false));

        m_llm.script("qwen-grey", {"Safety: Controversial\nCategories: Politically Sensitive Topics"});
        v = check({{"kind", "guard_model"}, {"model", "guard"}}, "[case:qwen-grey] text");
        QVERIFY(!v.failed && v.findings.empty());
        v = check({{"kind", "guard_model"}, {"model", "guard"}, {"strict", true}}, "[case:qwen-grey] text");
        QCOMPARE(categoriesOf(v.findings), std::vector<std::string>{"national_security"});
        QCOMPARE(v.findings[0].severity, std::string("low"));
    }

    void llamaGuardAnswersAreRead()
    {
        m_llm.script("llama-safe", {"\n\nsafe"});
        auto v = check({{"kind", "guard_model"}, {"model", "guard"}}, "[case:llama-safe] hi");
        QVERIFY2(!v.failed && v.findings.empty(), v.error.c_str());
        QCOMPARE(m_llm.log("llama-safe").at(0)["body"]["messages"], json({{{"role", "user"}, {"content", "[case:llama-safe] hi"}}}));
        m_llm.script("llama-unsafe", {"unsafe\nS1,S10"});
        v = check({{"kind", "guard_model"}, {"model", "guard"}}, "[case:llama-unsafe] text");
        QCOMPARE(categoriesOf(v.findings), (std::vector<std::string>{"violence", "discrimination_other"}));
        QCOMPARE(v.findings[0].type, std::string("S1"));
        QCOMPARE(v.findings[1].label, std::string("Hate"));
        m_llm.script("llama-bare", {"Unsafe"});
        v = check({{"kind", "guard_model"}, {"model", "guard"}}, "[case:llama-bare] text");
        QCOMPARE(categoriesOf(v.findings), std::vector<std::string>{"custom"});
    }

    void guardModelRepliesAreParsedStrictly()
    {
        QVERIFY(!parseGuardModelReply("The text looks fine to me."));
        QVERIFY(!parseGuardModelReply("unsafety is relative"));
        QVERIFY(!parseGuardModelReply("Safety: maybe"));
        QVERIFY(!parseGuardModelReply(""));
        const auto codes = parseGuardModelReply("UNSAFE s7 s8 S7 S99");
        QVERIFY(codes);
        QCOMPARE(codes->categories.size(), std::size_t(3));
        QCOMPARE(codes->categories[0].category, std::string("privacy"));
        QCOMPARE(codes->categories[1].category, std::string("ip_infringement"));
        QCOMPARE(codes->categories[2].category, std::string("custom"));  // S99 is no Llama Guard code
        const auto bold = parseGuardModelReply("**Safety:** Unsafe\n**Categories:** Jailbreak\nRefusal: No");
        QVERIFY(bold && bold->format == "qwen3guard");
        QCOMPARE(bold->categories.at(0).category, std::string("jailbreak"));
        // Every category a guard model's answer maps to is one of the taxonomy's.
        for (const char *answer : {"unsafe\nS1,S2,S3,S4,S5,S6,S7,S8,S9,S10,S11,S12,S13,S14",
                                   "Safety: Unsafe\nCategories: Violent, Non-violent Illegal Acts, Sexual Content or Sexual "
                                   "Acts, PII, Suicide & Self-Harm, Unethical Acts, Politically Sensitive Topics, Copyright "
                                   "Violation, Jailbreak"}) {
            const auto reply = parseGuardModelReply(answer);
            QVERIFY(reply && !reply->categories.empty());
            for (const auto &c : reply->categories)
                QVERIFY2(c.category != "custom" && findGuardCategory(c.category), c.code.c_str());
        }
    }

    void theJudgeScoresAgainstThePolicy()
    {
        m_llm.script("judge-over", {R"({"score": 0.9, "categories": ["privacy", "Personal information", "made_up"], "reason": "It shares a home address."})"});
        const json judge = {{"kind", "judge"}, {"model", "judge"}, {"policy", "No home addresses of real people."}};
        auto v = check(judge, "[case:judge-over] She lives at 5 Elm Street.");
        QVERIFY2(!v.failed, v.error.c_str());
        QCOMPARE(categoriesOf(v.findings), (std::vector<std::string>{"privacy", "personal_information"}));
        QCOMPARE(v.findings[0].score, 0.9);
        QCOMPARE(v.findings[0].severity, std::string("high"));
        QVERIFY(v.findings[0].label.empty());  // the reason may quote the text: not kept
        const json body = m_llm.log("judge-over").at(0)["body"];
        QCOMPARE(body["messages"][0]["role"], json("system"));
        QVERIFY(body["messages"][0]["content"].get<std::string>().find("No home addresses of real people.") != std::string::npos);
        QCOMPARE(body["messages"][1]["content"], json("[case:judge-over] She lives at 5 Elm Street."));
        QCOMPARE(body["response_format"]["type"], json("json_schema"));

        m_llm.script("judge-under", {R"({"score": 0.2, "categories": ["privacy"], "reason": "A street name only."})"});
        v = check(judge, "[case:judge-under] Elm Street is nice.");
        QVERIFY(!v.failed && v.findings.empty());
        // Prose and a fence around the JSON, a score as a percentage, no valid category.
        m_llm.script("judge-prose", {"<think>hmm</think>Here is my verdict:\n```json\n{\"score\": \"75\", \"categories\": [\"bad stuff\"]}\n```\nHope this helps."});
        v = check(judge, "[case:judge-prose] text");
        QVERIFY2(!v.failed, v.error.c_str());
        QCOMPARE(categoriesOf(v.findings), std::vector<std::string>{"custom"});
        QCOMPARE(v.findings[0].score, 0.75);
        QCOMPARE(v.findings[0].severity, std::string("medium"));
    }

    void aJudgeWhoseProviderRefusesTheFormatIsAskedAgainWithout()
    {
        m_llm.script("judge-format", {json{{"status", 400}, {"error", "response_format json_schema is not supported"}},
                                R"({"score": 1, "categories": ["illegal"], "reason": "x"})"});
        const auto v = check({{"kind", "judge"}, {"model", "judge"}, {"policy", "Nothing illegal."}}, "[case:judge-format] text");
        QVERIFY2(!v.failed, v.error.c_str());
        QCOMPARE(categoriesOf(v.findings), std::vector<std::string>{"illegal"});
        const auto asked = m_llm.log("judge-format");
        QCOMPARE(asked.size(), std::size_t(2));
        QVERIFY(asked[0]["body"].contains("response_format"));
        QVERIFY(!asked[1]["body"].contains("response_format"));
    }

    void aTimeoutFailsOpenOrClosedAsConfigured()
    {
        m_llm.script("slow", {json{{"delayMs", 4000}, {"content", "safe"}}});
        const json provider = {{"kind", "guard_model"}, {"model", "guard"}, {"timeoutMs", 300}};
        auto v = check(provider, "[case:slow] text");
        QVERIFY(v.failed);
        QVERIFY(v.findings.empty());  // onError "allow" is the default: fail-open
        QVERIFY2(v.error.find("The guard's guard_model check (" + m_llm.url("/v1/chat/completions") + ") got no answer within 300 ms.") == 0,
                 v.error.c_str());
        QVERIFY(hasChinese(v.error));
        json closed = provider;
        closed["onError"] = "block";
        v = check(closed, "[case:slow] text");
        QVERIFY(v.failed);
        QCOMPARE(v.findings.size(), std::size_t(1));
        QCOMPARE(v.findings[0].toJson(), json({{"check", "guard_model"}, {"category", "check_unavailable"},
                                               {"type", "unavailable"}, {"severity", "high"}}));
    }

    void refusedKeysAndServerErrorsFailTheCheck()
    {
        m_llm.script("no-key", {json{{"status", 401}, {"error", "Incorrect API key provided"}}});
        auto v = check({{"kind", "moderation"}, {"model", "mod"}, {"onError", "block"}}, "[case:no-key] text");
        QVERIFY(v.failed);
        QCOMPARE(categoriesOf(v.findings), std::vector<std::string>{"check_unavailable"});
        QVERIFY2(v.error.find("The guard's moderation check (" + m_llm.url("/v1/moderations") + ") could not be made: ") == 0, v.error.c_str());
        QVERIFY2(v.error.find("401") != std::string::npos && v.error.find("Incorrect API key provided") != std::string::npos, v.error.c_str());
        QVERIFY(hasChinese(v.error));
        QCOMPARE(m_llm.log("no-key").size(), std::size_t(1));  // a refused key is not tried again
        m_llm.script("down", {json{{"status", 503}, {"error", "overloaded"}}});
        v = check({{"kind", "judge"}, {"model", "judge"}, {"policy", "x"}}, "[case:down] text");
        QVERIFY(v.failed && v.findings.empty());
        QCOMPARE(m_llm.log("down").size(), std::size_t(2));  // a few attempts, not the run's four
    }

    void unreadableAnswersFailTheCheck()
    {
        m_llm.script("junk-mod", {json{{"json", {{"object", "list"}, {"data", json::array()}}}}});
        auto v = check({{"kind", "moderation"}, {"model", "mod"}}, "[case:junk-mod] text");
        QVERIFY(v.failed && v.findings.empty());
        QVERIFY2(v.error.find("not an OpenAI moderation result") != std::string::npos, v.error.c_str());
        QVERIFY(hasChinese(v.error));
        m_llm.script("junk-guard", {"I cannot help with that request."});
        v = check({{"kind", "guard_model"}, {"model", "guard"}, {"onError", "block"}}, "[case:junk-guard] text");
        QVERIFY(v.failed);
        QCOMPARE(categoriesOf(v.findings), std::vector<std::string>{"check_unavailable"});
        QVERIFY2(v.error.find("'qwen3guard-gen-8b' is a guard model") != std::string::npos, v.error.c_str());
        QVERIFY(hasChinese(v.error));
        m_llm.script("junk-judge", {R"({"verdict": "bad"})"});
        v = check({{"kind", "judge"}, {"model", "judge"}, {"policy", "x"}}, "[case:junk-judge] text");
        QVERIFY(v.failed && v.findings.empty());
        QVERIFY2(v.error.find("without a JSON verdict") != std::string::npos, v.error.c_str());
        QVERIFY(hasChinese(v.error));
    }

    void checksThatCannotStartSaySo()
    {
        auto v = check({{"kind", "guard_model"}, {"model", "demo"}, {"onError", "block"}}, "text");
        QVERIFY(v.failed);
        QCOMPARE(categoriesOf(v.findings), std::vector<std::string>{"check_unavailable"});
        QVERIFY2(v.error.find("offline demo model") != std::string::npos, v.error.c_str());
        QVERIFY(hasChinese(v.error));
        v = check({{"kind", "judge"}, {"model", "nowhere"}, {"policy", "x"}}, "text");
        QVERIFY(v.failed && v.findings.empty());
        QVERIFY2(v.error.find("'nowhere'") != std::string::npos, v.error.c_str());
        v = check({{"kind", "sentiment"}, {"model", "guard"}, {"onError", "block"}}, "text");
        QVERIFY(v.failed);
        QCOMPARE(v.findings.at(0).check, std::string("provider"));
        QVERIFY(hasChinese(v.error));
        // An empty text is not sent anywhere: there is nothing to judge.
        const std::size_t before = m_llm.requestCount();
        v = check({{"kind", "moderation"}, {"model", "mod"}, {"onError", "block"}}, " \n ");
        QVERIFY(!v.failed && v.findings.empty());
        QCOMPARE(m_llm.requestCount(), before);
    }

    void cancelStopsTheCall()
    {
        m_llm.script("cancelled", {json{{"delayMs", 3000}, {"content", "unsafe\nS1"}}});
        auto w = world();
        bool called = false;
        auto call = startProviderCheck(w->io, w->services, w->workflow, {{"kind", "guard_model"}, {"model", "guard"}},
                                       "[case:cancelled] text", TextSource::User, [&](ProviderVerdict) { called = true; });
        for (int i = 0; i < 400 && m_llm.log("cancelled").empty(); ++i)
            w->io.run_one_for(std::chrono::milliseconds(50));
        QVERIFY(!called);
        QCOMPARE(w->http.activeTransfers(), std::size_t(1));
        call->cancel();
        w->io.run_for(std::chrono::milliseconds(500));  // the client drops the transfer on its next turn
        QCOMPARE(w->http.activeTransfers(), std::size_t(0));
        QVERIFY(!called);
    }

    void providerConfigsAreValidated()
    {
        Workflow wf;
        wf.models = {{"guard", {{"profile", "scripted"}}}};
        QVERIFY(validateProviderCheck({{"kind", "guard_model"}, {"model", "guard"}}, wf, "guard.input.checks.provider").empty());
        const auto fields = [&](const json &provider) {
            std::vector<std::string> out;
            for (const auto &d : validateProviderCheck(provider, wf, "checks.provider"))
                out.push_back(d.isError() && hasTranslation(d.code) ? d.field : "untranslated " + d.code);
            return out;
        };
        QCOMPARE(fields({{"kind", "moderate"}, {"model", "guard"}}), std::vector<std::string>{"checks.provider.kind"});
        QCOMPARE(fields({{"kind", "moderation"}, {"model", "mod"}}), std::vector<std::string>{"checks.provider.model"});
        QCOMPARE(fields({{"kind", "moderation"}}), std::vector<std::string>{"checks.provider.model"});  // "default" is not declared
        QCOMPARE(fields({{"kind", "judge"}, {"model", "guard"}, {"policy", "  "}}), std::vector<std::string>{"checks.provider.policy"});
        QCOMPARE(fields({{"kind", "guard_model"}, {"model", "guard"}, {"threshold", 1.5}, {"onError", "deny"}, {"timeoutMs", 5},
                         {"strict", "yes"}}),
                 (std::vector<std::string>{"checks.provider.threshold", "checks.provider.onError", "checks.provider.timeoutMs",
                                           "checks.provider.strict"}));
        QCOMPARE(fields(json::array()), std::vector<std::string>{"checks.provider"});
        QVERIFY(fields({{"kind", "moderate"}, {"enabled", false}}).empty());  // off: not checked until it is on
    }

    void theJudgePromptNamesTheTaxonomyAndTheSource()
    {
        const std::string prompt = judgeSystemPrompt("No medical advice.", TextSource::Retrieved);
        QVERIFY(prompt.find("No medical advice.") != std::string::npos);
        QVERIFY(prompt.find("- personal_information: ") != std::string::npos);
        QVERIFY(prompt.find("check_unavailable") == std::string::npos);
        QVERIFY(prompt.find("a document retrieved") != std::string::npos);
        QVERIFY(!parseJudgeAnswer("{\"score\": -1}"));
        QVERIFY(!parseJudgeAnswer("{\"score\": \"high\"}"));
        QCOMPARE(parseJudgeAnswer("{\"score\": 0.4, \"categories\": \"violence\"}")->categories, std::vector<std::string>{"violence"});
    }
};

QTEST_GUILESS_MAIN(TestGuardProvider)
#include "tst_guardprovider.moc"
