// Chat, agent-chat and completion apps keep no graph: their model_config (pre-prompt,
// user input form, knowledge settings, agent tools) becomes start → [knowledge] → llm or
// agent → answer (chat) or end (completion).
#include "engine/import/difycontext.h"
#include "engine/core/diagnostic.h"

#include <algorithm>
#include <regex>
#include <set>

namespace flowdeck::engine::dify {

namespace {

using Kind = ImportIssue::Kind;

// "Hello {{name}}" (the simple prompt's input variables) as graph references {{#start.name#}}.
std::string legacyVariables(const std::string &text, const std::set<std::string> &inputs)
{
    static const std::regex kVariable(R"(\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\})");
    std::string out;
    auto begin = std::sregex_iterator(text.begin(), text.end(), kVariable);
    std::size_t last = 0;
    for (auto it = begin; it != std::sregex_iterator(); ++it) {
        const std::smatch &m = *it;
        out.append(text, last, static_cast<std::size_t>(m.position(0)) - last);
        const std::string name = m[1].str();
        out += inputs.count(name) ? "{{#start." + name + "#}}" : m.str(0);
        last = static_cast<std::size_t>(m.position(0) + m.length(0));
    }
    out.append(text, last, std::string::npos);
    return out;
}

// The special variables of Dify's advanced prompts.
std::string advancedVariables(std::string text, bool chat)
{
    auto replace = [&](const std::string &from, const std::string &to) {
        for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
            text.replace(at, from.size(), to);
    };
    replace("{{#query#}}", chat ? "{{#sys.query#}}" : "");
    replace("{{#histories#}}", "");
    return text;
}

DifyNode &addNode(ImportContext &ctx, const std::string &id, const std::string &type, const std::string &title,
                  nlohmann::json data, double x)
{
    DifyNode dn;
    dn.difyId = id;
    dn.difyType = type;
    dn.title = title;
    dn.id = ctx.uniqueId(id, id);
    data["type"] = type;
    dn.data = std::move(data);
    dn.raw = {{"position", {{"x", x}, {"y", 0}}}};
    return ctx.nodes[id] = std::move(dn);
}

void emit(ImportContext &ctx, DifyNode &dn, void (*mapper)(ImportContext &, DifyNode &, NodeSpec &))
{
    planOutputs(ctx, dn);
    NodeSpec node;
    node.id = dn.id;
    node.title = dn.title;
    node.position = {member(dn.raw["position"], "x").get<double>(), 0};
    mapper(ctx, dn, node);
    ctx.out.workflow.nodes.push_back(std::move(node));
}

} // namespace

// The opening statement and suggested questions: a chat app's opening (Workflow::opening).
void importOpening(ImportContext &ctx, const nlohmann::json &features, const std::string &where)
{
    const std::string text = scalarText(member(features, "opening_statement"));
    std::vector<std::string> questions;
    for (const auto &q : arrayOf(features, "suggested_questions")) {
        std::string line = scalarText(q);
        std::replace(line.begin(), line.end(), '\n', ' ');
        line = trimmed(line);
        if (!line.empty())
            questions.push_back(line);
    }
    if (text.empty() && questions.empty())
        return;
    if (!ctx.chat()) {
        ctx.issue(Kind::Unmapped, where + ".opening_statement", "opening_statement",
                  "Only chat apps open with a greeting and suggested questions; this app is not a chat.");
        return;
    }
    OpeningSpec &opening = ctx.out.workflow.opening;
    opening.text = truncateUtf8(text, 4000);
    if (text.find("{{") != std::string::npos)
        ctx.issue(Kind::Changed, where + ".opening_statement", "opening_statement",
                  "The opening statement is shown as written: the values of the form's fields are not put into it.");
    for (auto &q : questions) {
        if (opening.suggestions.size() == OpeningSpec::kMaxSuggestions) {
            ctx.issue(Kind::Changed, where + ".suggested_questions", "suggested_questions",
                      "Flowdeck offers at most 10 suggested questions; the others were left out.");
            break;
        }
        opening.suggestions.push_back(truncateUtf8(q, 300));
    }
}

void reportFeatures(ImportContext &ctx, const nlohmann::json &features, const std::string &where)
{
    auto enabled = [&](const char *key) { return truthy(member(member(features, key), "enabled")); };
    importOpening(ctx, features, where);
    if (enabled("suggested_questions_after_answer"))
        ctx.issue(Kind::Unmapped, where + ".suggested_questions_after_answer", "suggested_questions_after_answer",
                  "Flowdeck does not suggest follow-up questions after an answer.");
    if (enabled("speech_to_text"))
        ctx.issue(Kind::Unmapped, where + ".speech_to_text", "speech_to_text", "Flowdeck has no voice input.");
    if (enabled("text_to_speech"))
        ctx.issue(Kind::Unmapped, where + ".text_to_speech", "text_to_speech", "Flowdeck does not read answers aloud.");
    if (enabled("file_upload") || truthy(member(member(member(features, "file_upload"), "image"), "enabled")))
        ctx.issue(Kind::Unmapped, where + ".file_upload", "file_upload",
                  "Files attached to chat messages are not carried over; add a file input to the start node instead.");
    if (enabled("sensitive_word_avoidance"))
        ctx.issue(Kind::Unmapped, where + ".sensitive_word_avoidance", "sensitive_word_avoidance",
                  "Dify's content moderation was not carried over; set up Flowdeck's content safety (Workflow → Content Safety).");
    if (enabled("annotation_reply"))
        ctx.issue(Kind::Unmapped, where + ".annotation_reply", "annotation_reply",
                  "Flowdeck has no annotated replies; the annotations stay in Dify.");
    if (enabled("more_like_this"))
        ctx.issue(Kind::Unmapped, where + ".more_like_this", "more_like_this", "Flowdeck has no \"more like this\" button.");
}

void importModelConfigApp(ImportContext &ctx, const nlohmann::json &doc)
{
    const nlohmann::json &mc = member(doc, "model_config");
    const std::string mode = ctx.out.appMode;
    const bool chat = ctx.chat();
    if (!mc.is_object())
        ctx.issue(Kind::Todo, "model_config", "model_config",
                  "The app file has no model settings; the model and prompt of the LLM node need choosing.");

    // The user input form: [{text-input: {variable, label, required, ...}}, {select: {...}}, ...]
    nlohmann::json variables = nlohmann::json::array();
    std::set<std::string> inputNames;
    std::size_t i = 0;
    for (const auto &entry : arrayOf(mc, "user_input_form")) {
        const std::string where = "model_config.user_input_form[" + std::to_string(i++) + "]";
        if (!entry.is_object() || entry.empty())
            continue;
        const std::string type = entry.begin().key();
        const nlohmann::json &spec = entry.begin().value();
        if (type == "external_data_tool") {
            ctx.issue(Kind::Unmapped, where, "external_data_tool",
                      "Dify's external data tools have no Flowdeck equivalent; call the service with an HTTP node.");
            continue;
        }
        nlohmann::json v = spec.is_object() ? spec : nlohmann::json::object();
        v["type"] = type;
        inputNames.insert(scalarText(member(spec, "variable")));
        variables.push_back(std::move(v));
    }
    DifyNode &start = addNode(ctx, "start", "start", "Start", {{"variables", variables}}, 0);
    emit(ctx, start, mapStart);
    std::string previous = start.id;
    auto connect = [&](const std::string &to) {
        ctx.out.workflow.edges.push_back({previous, to, ""});
        previous = to;
    };

    // Knowledge: dataset_configs.datasets.datasets[].dataset.{id, enabled}
    const nlohmann::json &datasets = member(mc, "dataset_configs");
    nlohmann::json ids = nlohmann::json::array();
    for (const auto &d : arrayOf(member(datasets, "datasets"), "datasets")) {
        const nlohmann::json &ds = member(d, "dataset");
        if (!member(ds, "enabled").is_boolean() || ds["enabled"].get<bool>())
            if (!scalarText(member(ds, "id")).empty())
                ids.push_back(scalarText(member(ds, "id")));
    }
    double x = 300;
    bool hasKnowledge = false;
    if (!ids.empty()) {
        nlohmann::json query = chat ? nlohmann::json::array({"sys", "query"})
                                    : nlohmann::json::array({"start", scalarText(member(mc, "dataset_query_variable"))});
        nlohmann::json multiple = {{"top_k", member(datasets, "top_k")},
                                   {"score_threshold", member(datasets, "score_threshold")},
                                   {"score_threshold_enabled", member(datasets, "score_threshold_enabled")},
                                   {"reranking_enable", member(datasets, "reranking_enable")},
                                   {"reranking_model", member(datasets, "reranking_model")}};
        DifyNode &kb = addNode(ctx, "knowledge", "knowledge-retrieval", "Knowledge",
                               {{"query_variable_selector", query}, {"dataset_ids", ids},
                                {"retrieval_mode", scalarText(member(datasets, "retrieval_model"))},
                                {"multiple_retrieval_config", multiple}},
                               x);
        emit(ctx, kb, mapKnowledge);
        connect(kb.id);
        hasKnowledge = true;
        x += 300;
    }

    // The prompt: simple (pre_prompt) or advanced (chat_prompt_config / completion_prompt_config).
    nlohmann::json prompt = nlohmann::json::array();
    const bool advanced = scalarText(member(mc, "prompt_type")) == "advanced";
    std::string prePrompt = legacyVariables(scalarText(member(mc, "pre_prompt")), inputNames);
    if (advanced) {
        const nlohmann::json &chatPrompt = arrayOf(member(mc, "chat_prompt_config"), "prompt");
        for (const auto &m : chatPrompt)
            prompt.push_back({{"role", scalarText(member(m, "role"))},
                              {"text", advancedVariables(legacyVariables(scalarText(member(m, "text")), inputNames), chat)}});
        const nlohmann::json &completion = member(member(mc, "completion_prompt_config"), "prompt");
        if (prompt.empty() && completion.is_object())
            prompt.push_back({{"role", "user"},
                              {"text", advancedVariables(legacyVariables(scalarText(member(completion, "text")), inputNames), chat)}});
    } else {
        std::string system = prePrompt;
        if (hasKnowledge)
            system += std::string(system.empty() ? "" : "\n\n") + "Use the following context to answer:\n{{#context#}}";
        if (chat) {
            if (!system.empty())
                prompt.push_back({{"role", "system"}, {"text", system}});
            prompt.push_back({{"role", "user"}, {"text", "{{#sys.query#}}"}});
        } else {
            prompt.push_back({{"role", "user"}, {"text", system}});
        }
        if (hasKnowledge)
            ctx.issue(Kind::Changed, "model_config.dataset_configs", "dataset_configs",
                      "The passages found are added to the prompt under \"Use the following context to answer\", where Dify "
                      "added them with its own wording.");
    }
    nlohmann::json llmData = {{"model", member(mc, "model")}, {"prompt_template", prompt}};
    if (hasKnowledge)
        llmData["context"] = {{"enabled", true}, {"variable_selector", {"knowledge", "result"}}};
    if (chat)
        llmData["memory"] = {{"window", {{"enabled", false}}}};

    const nlohmann::json &agentMode = member(mc, "agent_mode");
    nlohmann::json tools = nlohmann::json::array();
    for (const auto &t : arrayOf(agentMode, "tools")) {
        if (!member(t, "tool_name").is_null())
            tools.push_back({{"provider_name", !scalarText(member(t, "provider_id")).empty() ? member(t, "provider_id")
                                                                                             : member(t, "provider_name")},
                             {"tool_name", member(t, "tool_name")},
                             {"enabled", member(t, "enabled").is_boolean() ? t["enabled"] : nlohmann::json(true)}});
        else
            ctx.issue(Kind::Unmapped, "model_config.agent_mode.tools", "tool",
                      "An agent tool of a kind Flowdeck cannot read (a dataset or an API tool) was left out.");
    }
    const bool agent = mode == "agent-chat" || (truthy(member(agentMode, "enabled")) && !tools.empty());
    std::string modelNode;
    if (agent) {
        std::string instruction = prePrompt;
        if (hasKnowledge)
            instruction += std::string(instruction.empty() ? "" : "\n\n") + "Use the following context to answer:\n{{#knowledge.text#}}";
        const std::string strategy = scalarText(member(agentMode, "strategy"));
        nlohmann::json data = {
            {"agent_parameters",
             {{"model", {{"value", member(mc, "model")}}},
              {"tools", {{"value", tools}}},
              {"instruction", {{"value", instruction}}},
              {"query", {{"value", chat ? "{{#sys.query#}}" : ""}}},
              {"maximum_iterations", {{"value", member(agentMode, "max_iteration")}}}}},
            {"agent_strategy_name", strategy == "react" ? "ReAct" : "function_calling"},
            {"memory", llmData.contains("memory") ? llmData["memory"] : nlohmann::json()}};
        DifyNode &a = addNode(ctx, "agent", "agent", "Agent", data, x);
        emit(ctx, a, mapAgent);
        modelNode = a.id;
    } else {
        DifyNode &l = addNode(ctx, "llm", "llm", "LLM", llmData, x);
        emit(ctx, l, mapLlm);
        modelNode = l.id;
    }
    connect(modelNode);
    x += 300;
    if (chat) {
        DifyNode &answer = addNode(ctx, "answer", "answer", "Answer", {{"answer", "{{#" + modelNode + ".text#}}"}}, x);
        emit(ctx, answer, mapAnswer);
        connect(answer.id);
    } else {
        DifyNode &end = addNode(ctx, "end", "end", "End",
                                {{"outputs", nlohmann::json::array({{{"variable", "text"},
                                                                     {"value_selector", {modelNode, "text"}}}})}},
                                x);
        emit(ctx, end, mapEnd);
        connect(end.id);
    }
    reportFeatures(ctx, mc, "model_config");
}

} // namespace flowdeck::engine::dify
