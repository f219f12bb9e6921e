#pragma once

// What tst_difyimport_cli expects of each file of tests/import/dify (its README says what
// each covers): the Dify items the import report must list as not carried over, the
// credentials typed into the file, and the runs that must give a known result against
// mock-llm (tests/peers/mock-llm-dify.yaml) and the plugin peers.

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

namespace flowdeck::tests::dify {

// Corpus file -> the `what` of every issue of kind "unmapped" its report must have (and no other).
inline const std::map<std::string, std::vector<std::string>> &expectedUnmapped()
{
    static const std::map<std::string, std::vector<std::string>> m = {
        {"agent-chat-travel-0.1.5.yml", {"current_time", "dalle3"}},
        {"chat-helpdesk-0.1.0.yml", {"suggested_questions_after_answer", "speech_to_text", "text_to_speech", "annotation_reply"}},
        {"chatflow-vision-structured-0.5.0.yml", {"vision", "file_upload"}},
        {"completion-translator-0.1.3.yml", {"more_like_this"}},
        {"dirty-stale-handles-0.1.5.yml", {"sourceHandle", "edge"}},
        {"workflow-agent-node-0.2.0.yml", {"current_time"}},
        {"workflow-tool-builtin-0.1.5.yml", {"current_time"}},
        {"workflow-tool-placeholder-0.2.0.yml", {"dalle3", "qrcode_generator"}},
    };
    return m;
}

// Corpus file -> the credentials typed into it in plain text (made up). None may appear in
// any written file or in what the command prints; all must reach secrets.json.
inline const std::map<std::string, std::vector<std::string>> &plaintextSecrets()
{
    static const std::map<std::string, std::vector<std::string>> m = {
        {"workflow-http-request-0.1.5.yml", {"hk-live-4c1d8e7a92b3f605"}},
        {"chatflow-env-conversation-0.4.0.yml", {"st-7Qe2LmZ9xK4pW1vB"}},
        {"dirty-mixed-providers-0.2.0.yml", {"nk-3f9a0c7e5d1b8264", "whk_Lp8sQ2rT6vY0", "sk-proj-Yt4nB8wQ1cE5rU9iO3pA"}},
    };
    return m;
}

// A run of an imported app with `flowdeck run -p mock --json`.
struct RunCase {
    std::string name;                // the test row
    std::string file;                // corpus file
    std::vector<std::string> args;   // after the flow file; {PEER} is replaced by the HTTP peer's base URL, {DATA} by the test's data folder
    nlohmann::json outputs;          // expected outputs (every key given must match); null: not checked
    std::string answer;              // chat apps: the expected answer; empty: not checked
    std::string peerHeader;          // non-empty: the HTTP peer must have received this header line
};

inline std::vector<RunCase> runCases()
{
    using nlohmann::json;
    // Each of the large app's 13 rounds puts "- mock: Step N: " before the text.
    std::string large = "first line";
    for (int round = 1; round <= 13; ++round)
        large = "- mock: Step " + std::to_string(round) + ": " + large;
    return {
        {"llm", "workflow-hello-0.1.0.yml", {"-i", "query=what is Flowdeck"}, {{"result", "mock: what is Flowdeck"}}, "", ""},
        {"start inputs", "workflow-start-inputs-0.1.2.yml",
         {"-i", "name=Ada", "-i", "bio=Likes engines", "-i", "tone=formal", "-i", "age=36"},
         {{"card", "Ada, tone formal: Likes engines"}, {"age", 36}}, "", ""},
        {"if-else first case", "workflow-ifelse-cases-0.1.5.yml", {"-i", "score=95", "-i", "plan=pro"}, {{"tier", "gold"}}, "", ""},
        {"if-else case by id", "workflow-ifelse-cases-0.1.5.yml",
         {"-i", "score=50", "-i", "plan=trial", "-i", "note=VIP guest", "-i", "email=a@b.c"}, {{"tier", "vip a@b.c"}}, "", ""},
        {"if-else third case", "workflow-ifelse-cases-0.1.5.yml", {"-i", "score=5", "-i", "plan=trial", "-i", "note=hello"},
         {{"tier", "low"}}, "", ""},
        {"if-else else", "workflow-ifelse-cases-0.1.5.yml", {"-i", "score=50", "-i", "plan=trial", "-i", "note=x"},
         {{"tier", "standard"}}, "", ""},
        {"if-else legacy true", "workflow-ifelse-legacy-0.1.0.yml", {"-i", "message=I want a refund now"},
         {{"result", "Refund request: I want a refund now"}}, "", ""},
        {"if-else legacy false", "workflow-ifelse-legacy-0.1.0.yml", {"-i", "message=hi"}, {{"result", "hi"}}, "", ""},
        {"code python3", "workflow-code-python-0.1.5.yml", {"-i", "numbers=3,4,5"},
         {{"summary", "3 numbers, total 12"}, {"total", 12}}, "", ""},
        {"code javascript", "workflow-code-javascript-0.2.0.yml", {"-i", "text=flowdeck"}, {{"loud", "FLOWDECK!"}, {"letters", 8}},
         "", ""},
        {"template jinja", "workflow-template-jinja-0.1.3.yml", {"-i", "order=apple=1.5\npear=2"},
         {{"receipt", "Order of 2 items:\n- APPLE: 1.50\n- PEAR: 2.00\nTotal: 3.50"}}, "", ""},
        {"http-request", "workflow-http-request-0.1.5.yml", {"-i", "order_id=A-17", "--env", "API_BASE={PEER}"},
         {{"status", "shipped (HTTP 200)"}}, "", "Authorization: Bearer hk-live-4c1d8e7a92b3f605"},
        {"classifier billing", "workflow-classifier-0.2.0.yml", {"-i", "ticket=My invoice is wrong"},
         {{"queue", "billing: My invoice is wrong"}, {"class", "Billing"}}, "", ""},
        {"classifier technical", "workflow-classifier-0.2.0.yml", {"-i", "ticket=The app crashes"},
         {{"queue", "technical: The app crashes"}}, "", ""},
        {"extractor", "workflow-extractor-0.3.0.yml", {"-i", "request=A room in Hangzhou for three nights with breakfast"},
         {{"booking", "Hangzhou for 3 nights with breakfast"}, {"ok", true}}, "", ""},
        {"iteration parallel", "workflow-iteration-parallel-0.1.5.yml", {"-i", "words=apple, pear"},
         {{"translations", "mock: Translate: apple | mock: Translate: pear"}}, "", ""},
        {"iteration legacy", "workflow-iteration-legacy-0.1.0.yml", {"-i", "names=Ada, Linus"},
         {{"greetings", json::array({"Hello Ada!", "Hello Linus!"})}}, "", ""},
        {"loop", "workflow-loop-0.3.0.yml", {}, {{"count", 3}, {"trail", "123"}}, "", ""},
        {"aggregator groups", "workflow-aggregator-groups-0.2.0.yml", {"-i", "topic=tea", "-i", "length=long"},
         {{"reply", "mock: A paragraph about tea"}}, "", ""},
        {"variable-assigner legacy", "workflow-variable-assigner-legacy-0.1.0.yml", {"-i", "name=Ada", "-i", "lang=fr"},
         {{"greeting", "Bonjour Ada"}}, "", ""},
        {"assigner v1", "chatflow-assigner-v1-0.1.3.yml", {"-q", "Ada"}, nullptr, "Noted: Ada", ""},
        {"assigner v2", "chatflow-assigner-v2-0.2.0.yml", {"-q", "hi"}, nullptr, "turns=1 last=hi", ""},
        {"document extractor", "workflow-document-extractor-0.2.0.yml", {"-i", "doc={DATA}/report.txt"},
         {{"summary", "mock: Document:\nQuarterly report.\nSales rose by 12 percent."}}, "", ""},
        {"list operator", "workflow-list-operator-0.3.0.yml", {"-i", "fruits=banana,apple,cherry,avocado"},
         {{"picked", json::array({"banana", "avocado"})}, {"first", "banana"}}, "", ""},
        {"tool to mcp.tool (fetch)", "workflow-tool-jina-0.3.0.yml", {"-i", "url=https://news.example.com/today"},
         {{"summary", "mock: Page:\n# Today\nFlowdeck imports Dify apps."}}, "", ""},
        {"tool to mcp.tool (server-everything)", "workflow-mcp-tool-0.4.0.yml", {"-i", "text=ping"},
         {{"echo", "Echo: ping"}}, "", ""},
        {"agent node", "workflow-agent-node-0.2.0.yml", {"-i", "question=What is new?"}, {{"answer", "mock: What is new?"}}, "", ""},
        {"error strategy fail-branch", "workflow-error-strategies-0.2.0.yml", {"-i", "url={CLOSED}"}, {{"state", "down"}}, "", ""},
        {"error strategy success", "workflow-error-strategies-0.2.0.yml", {"-i", "url={PEER}/status"},
         {{"state", "up 200"}, {"code", 200}}, "", ""},
        {"env and conversation", "chatflow-env-conversation-0.4.0.yml", {"-q", "hi", "--env", "API_BASE={PEER}"}, nullptr,
         "Welcome! mock: hi", "Authorization: Bearer st-7Qe2LmZ9xK4pW1vB"},
        {"structured output", "chatflow-vision-structured-0.5.0.yml", {"-q", "review: great kettle"}, nullptr,
         "Sentiment: positive", ""},
        {"sticky notes", "workflow-sticky-notes-0.6.0.yml", {"-i", "product=kettle"}, {{"tagline", "mock: Tagline for kettle"}},
         "", ""},
        {"stale handles", "dirty-stale-handles-0.1.5.yml", {"-i", "text=app crash"}, {{"kind", "bug"}}, "", ""},
        {"mixed providers", "dirty-mixed-providers-0.2.0.yml", {"-q", "tea or coffee", "--env", "NOTIFY_URL={PEER}/hook"},
         nullptr, "GPT: mock: tea or coffee\nQwen: mock: tea or coffee\nGLM: mock: tea or coffee", "X-Webhook-Token: whk_Lp8sQ2rT6vY0"},
        {"chat", "chat-helpdesk-0.1.0.yml", {"-q", "where is my parcel", "-i", "company=Acme", "-i", "language=English"}, nullptr,
         "mock: where is my parcel", ""},
        {"agent-chat", "agent-chat-travel-0.1.5.yml", {"-q", "Plan a day", "-i", "destination=Paris"}, nullptr, "mock: Plan a day", ""},
        {"completion", "completion-translator-0.1.3.yml", {"-i", "text=Good morning", "-i", "language=French"},
         {{"text", "mock: Translate the following text into French:\nGood morning"}}, "", ""},
        {"knowledge and memory", "chatflow-knowledge-memory-0.1.3.yml", {"-q", "How do I reset it?"}, nullptr,
         "mock: How do I reset it?", ""},
        {"zh classifier", "zh-customer-service-0.1.5.yml", {"-q", "我要投诉"}, nullptr, "您的投诉已记录，我们会在24小时内联系您。", ""},
        {"zh contract", "zh-contract-review-0.3.0.yml", {"-i", "contract={DATA}/contract.txt"},
         {{"conclusion", "大额合同（250000 元）：星河科技有限公司 与 蓝海贸易有限公司，需法务复核。"}}, "", ""},
        {"zh iteration", "zh-batch-translate-0.4.0.yml", {"-i", "source=你好\n谢谢"}, {{"translation", "1. mock: 你好\n2. mock: 谢谢\n"}},
         "", ""},
        {"large", "large-pipeline-0.5.0.yml", {"-i", "text=first line"}, {{"result", large}}, "", ""},
    };
}

} // namespace flowdeck::tests::dify
