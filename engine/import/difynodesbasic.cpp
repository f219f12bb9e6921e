// Dify start, llm, answer, end, code and template-transform nodes.
#include "engine/import/difycontext.h"

#include <algorithm>
#include <cctype>

namespace flowdeck::engine::dify {

namespace {

using Kind = ImportIssue::Kind;

bool isDottedName(const std::string &s)
{
    if (s.empty() || s.front() == '.' || s.back() == '.' || std::isdigit(static_cast<unsigned char>(s[0])))
        return false;
    for (char c : s)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.'))
            return false;
    return s.find("..") == std::string::npos;
}

// Jinja2 that only prints variables ("Hello {{ name }}") as a Flowdeck template; false when it
// uses anything more (tags, comments, filters, expressions).
bool simpleJinja(const std::string &jinja, const std::map<std::string, std::string> &vars, std::string &out)
{
    if (jinja.find("{%") != std::string::npos || jinja.find("{#") != std::string::npos)
        return false;
    out.clear();
    std::size_t i = 0;
    while (i < jinja.size()) {
        const std::size_t open = jinja.find("{{", i);
        if (open == std::string::npos) {
            out.append(jinja, i, std::string::npos);
            break;
        }
        out.append(jinja, i, open - i);
        const std::size_t close = jinja.find("}}", open + 2);
        if (close == std::string::npos)
            return false;
        const std::string expr = trimmed(jinja.substr(open + 2, close - open - 2));
        if (!isDottedName(expr))
            return false;
        const std::string head = expr.substr(0, expr.find('.'));
        auto it = vars.find(head);
        if (it == vars.end() || it->second.size() < 4)
            return false;
        const std::string ref = it->second.substr(2, it->second.size() - 4);  // without the braces
        out += "{{" + ref + expr.substr(head.size()) + "}}";
        i = close + 2;
    }
    return out.find("{{") != std::string::npos || out == jinja;
}

// Python source text for a string, with braces written as escapes so that Flowdeck never
// reads "{{" in the code as a reference.
std::string pythonString(const std::string &s)
{
    std::string out = "\"";
    for (unsigned char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '{': out += "\\x7b"; break;
        case '}': out += "\\x7d"; break;
        default:
            if (c < 0x20) {
                static const char *hex = "0123456789abcdef";
                out += "\\x";
                out += hex[c >> 4];
                out += hex[c & 15];
            } else {
                out += static_cast<char>(c);
            }
        }
    }
    return out + "\"";
}

// name -> {{reference}} for Dify's [{variable, value_selector}] lists.
std::map<std::string, std::string> variableRefs(ImportContext &ctx, const DifyNode &dn, const nlohmann::json &vars,
                                                const std::string &field)
{
    std::map<std::string, std::string> refs;
    std::size_t i = 0;
    for (const auto &v : vars.is_array() ? vars : nlohmann::json::array()) {
        const std::string name = scalarText(member(v, "variable"));
        if (!name.empty())
            refs[name] = ctx.selector(member(v, "value_selector"), dn, field + "[" + std::to_string(i) + "]");
        ++i;
    }
    return refs;
}

std::string renderJinjaCode(const std::string &jinja, const std::vector<std::string> &names, const std::string &output)
{
    std::string params;
    std::string args;
    for (const auto &n : names) {
        params += (params.empty() ? "" : ", ") + n;
        args += (args.empty() ? "" : ", ") + n + "=" + n;
    }
    return "import jinja2\n\n"
           "TEMPLATE = " + pythonString(jinja) + "\n\n"
           "def main(" + params + ") -> dict:\n"
           "    return dict([(\"" + output + "\", jinja2.Environment().from_string(TEMPLATE).render(" + args + "))])\n";
}

} // namespace

void mapStart(ImportContext &ctx, DifyNode &dn, NodeSpec &node)
{
    node.type = "start";
    node.config = nlohmann::json::object();
    std::size_t i = 0;
    for (const auto &v : arrayOf(dn.data, "variables")) {
        const std::string field = "variables[" + std::to_string(i++) + "]";
        const std::string difyName = scalarText(member(v, "variable"));
        InputSpec in;
        in.name = dn.outputs.count(difyName) ? dn.outputs[difyName] : identifier(difyName, "input");
        in.label = scalarText(member(v, "label"));
        in.required = truthy(member(v, "required"));
        const std::string type = scalarText(member(v, "type"));
        static const std::map<std::string, std::string> types = {
            {"text-input", "text"}, {"paragraph", "paragraph"}, {"select", "select"}, {"number", "number"},
            {"file", "file"},       {"file-list", "file"},      {"checkbox", "boolean"}, {"json_object", "json"},
            {"json", "json"},
        };
        auto t = types.find(type);
        in.type = t == types.end() ? "text" : t->second;
        if (t == types.end())
            ctx.issue(Kind::Changed, ImportContext::where(dn) + "/" + field, "type " + type,
                      "Flowdeck has no input of the kind '" + type + "'; '" + in.name + "' is asked for as text.");
        if (type == "file-list")
            ctx.issue(Kind::Changed, ImportContext::where(dn) + "/" + field, "file-list",
                      "Flowdeck's start node takes one file per input; '" + in.name +
                          "' now takes a single file. Add more file inputs if the app needs several.");
        if (in.type == "select") {
            in.options = nlohmann::json::array();
            for (const auto &o : arrayOf(v, "options"))
                in.options.push_back(scalarText(o));
        }
        if (in.type == "file") {
            for (const auto &kind : arrayOf(v, "allowed_file_types")) {
                const std::string k = scalarText(kind);
                if (k == "image" || k == "audio" || k == "video")
                    in.accept.push_back(k + "/*");
                else if (k == "document")
                    for (const char *ext : {".txt", ".md", ".markdown", ".pdf", ".html", ".xlsx", ".xls", ".docx", ".csv",
                                            ".pptx", ".xml", ".epub"})
                        in.accept.push_back(ext);
            }
            for (const auto &ext : arrayOf(v, "allowed_file_extensions")) {
                std::string e = scalarText(ext);
                if (!e.empty())
                    in.accept.push_back(e[0] == '.' ? e : "." + e);
            }
        }
        const nlohmann::json &def = member(v, "default");
        double number = 0;
        const bool none = def.is_null() || (def.is_string() && def.get<std::string>().empty()) || in.type == "file";
        if (none)
            in.defaultValue = nullptr;
        else if (in.type == "number" && numberOf(def, number))
            in.defaultValue = number == static_cast<double>(static_cast<long long>(number)) ? nlohmann::json(static_cast<long long>(number))
                                                                                         : nlohmann::json(number);
        else if (in.type == "boolean" || in.type == "json")
            in.defaultValue = def;
        else if (in.type != "number")
            in.defaultValue = scalarText(def);
        bool duplicate = false;
        for (const auto &other : ctx.out.workflow.inputs)
            duplicate = duplicate || other.name == in.name;
        if (!duplicate)
            ctx.out.workflow.inputs.push_back(std::move(in));
    }
}

void mapLlm(ImportContext &ctx, DifyNode &dn, NodeSpec &node)
{
    node.type = "llm";
    nlohmann::json config = nlohmann::json::object();
    config["model"] = ctx.modelAlias(member(dn.data, "model"), dn, config);
    const std::string here = ImportContext::where(dn);

    // {{#context#}}: what the context variable holds; a knowledge node's passages as numbered text.
    std::map<std::string, std::string> special;
    const nlohmann::json &context = member(dn.data, "context");
    if (truthy(member(context, "enabled"))) {
        const nlohmann::json &sel = member(context, "variable_selector");
        std::string ref;
        if (sel.is_array() && sel.size() == 2 && ctx.nodes.count(scalarText(sel[0])) &&
            ctx.nodes[scalarText(sel[0])].difyType == "knowledge-retrieval" && !ctx.idOf(scalarText(sel[0])).empty())
            ref = "{{" + ctx.idOf(scalarText(sel[0])) + ".text}}";
        else
            ref = ctx.selector(sel, dn, "context.variable_selector");
        special["context"] = ref;
    } else {
        special["context"] = "";
    }
    const nlohmann::json &jinjaVars = arrayOf(member(dn.data, "prompt_config"), "jinja2_variables");
    const auto jinjaRefs = variableRefs(ctx, dn, jinjaVars, "prompt_config.jinja2_variables");

    auto messageText = [&](const nlohmann::json &m, const std::string &field) {
        if (scalarText(member(m, "edition_type")) == "jinja2") {
            const std::string jinja = scalarText(member(m, "jinja2_text"));
            std::string converted;
            if (simpleJinja(jinja, jinjaRefs, converted))
                return converted;
            ctx.issue(Kind::Unmapped, here + "/" + field, "jinja2_text",
                      "This prompt uses Jinja2 logic, which Flowdeck prompts do not run; the plain version of the prompt "
                      "was kept. Rewrite the logic with a template or code node before this one.");
        }
        return ctx.text(member(m, "text"), dn, field, false, &special);
    };

    const nlohmann::json &prompt = member(dn.data, "prompt_template");
    std::vector<std::string> system;
    std::vector<std::pair<std::string, std::string>> turns;  // role, text
    if (prompt.is_array()) {
        std::size_t i = 0;
        for (const auto &m : prompt) {
            const std::string field = "prompt_template[" + std::to_string(i++) + "]";
            const std::string role = scalarText(member(m, "role"));
            std::string t = messageText(m, field);
            if (role == "system")
                system.push_back(std::move(t));
            else
                turns.emplace_back(role == "assistant" ? "assistant" : "user", std::move(t));
        }
    } else if (prompt.is_object()) {
        turns.emplace_back("user", messageText(prompt, "prompt_template"));
    }
    const nlohmann::json &memory = member(dn.data, "memory");
    if (!memory.is_null() && turns.empty()) {
        const std::string query = scalarText(member(memory, "query_prompt_template"));
        turns.emplace_back("user", query.empty() ? std::string(ctx.chat() ? "{{sys.query}}" : "")
                                                 : ctx.text(query, dn, "memory.query_prompt_template", false, &special));
    }
    std::string sys;
    for (const auto &s : system)
        sys += (sys.empty() ? "" : "\n\n") + s;
    std::string user;
    if (turns.size() == 1) {
        user = turns[0].second;
    } else if (turns.size() > 1) {
        for (const auto &[role, t] : turns)
            user += (user.empty() ? "" : "\n\n") + std::string(role == "assistant" ? "Assistant: " : "User: ") + t;
        ctx.issue(Kind::Changed, here + "/prompt_template", "prompt_template",
                  "Flowdeck's LLM node sends one system and one user message; the " + std::to_string(turns.size()) +
                      " user and assistant messages were joined into the prompt, each marked with its role.");
    }
    if (user.find_first_not_of(" \n\t") == std::string::npos) {
        if (!sys.empty()) {
            user = sys;
            sys.clear();
            ctx.issue(Kind::Changed, here + "/prompt_template", "prompt_template",
                      "The node had only a system prompt; Flowdeck needs a prompt, so the system prompt became it.");
        } else {
            user = ctx.chat() ? "{{sys.query}}" : "Answer.";
            ctx.issue(Kind::Todo, here + "/prompt_template", "prompt_template",
                      "The node had no prompt; write one (it is now \"" + user + "\").");
        }
    }
    if (!sys.empty())
        config["system"] = sys;
    config["prompt"] = user;

    historyFromMemory(ctx, dn, config);
    const nlohmann::json &params = member(member(dn.data, "model"), "completion_params");
    const std::string responseFormat = scalarText(member(params, "response_format"));
    if (truthy(member(dn.data, "structured_output_enabled")) &&
        member(member(dn.data, "structured_output"), "schema").is_object()) {
        config["responseFormat"] = member(member(dn.data, "structured_output"), "schema");
    } else if (responseFormat == "json_object" || responseFormat == "json_schema") {
        const nlohmann::json schema = member(params, "json_schema");
        config["responseFormat"] = schema.is_object() ? schema : nlohmann::json("json");
    }
    if (truthy(member(member(dn.data, "vision"), "enabled")))
        ctx.issue(Kind::Unmapped, here + "/vision", "vision",
                  "Flowdeck's LLM node sends text only; the images Dify passed to the model are not sent.");
    if (truthy(member(member(dn.data, "reasoning_format"), "enabled")) || scalarText(member(dn.data, "reasoning_format")) == "separated")
        ctx.issue(Kind::Changed, here + "/reasoning_format", "reasoning_format",
                  "Flowdeck always keeps a model's reasoning apart, in the 'reasoning' output.");
    node.config = std::move(config);
}

void mapAnswer(ImportContext &ctx, DifyNode &dn, NodeSpec &node)
{
    node.type = "answer";
    node.config = {{"text", ctx.text(member(dn.data, "answer"), dn, "answer")}};
    if (!ctx.chat()) {
        ctx.issue(Kind::Changed, ImportContext::where(dn), "answer",
                  "An answer node only works in a chat app; in this workflow it became a template node.");
        node.type = "template";
        node.config = {{"template", node.config["text"]}};
    }
}

void mapEnd(ImportContext &ctx, DifyNode &dn, NodeSpec &node)
{
    node.type = "end";
    nlohmann::json outputs = nlohmann::json::object();
    std::size_t i = 0;
    for (const auto &o : arrayOf(dn.data, "outputs")) {
        const std::string field = "outputs[" + std::to_string(i++) + "]";
        std::string name = identifier(scalarText(member(o, "variable")), "output");
        outputs[name] = ctx.selector(member(o, "value_selector"), dn, field);
    }
    node.config = {{"outputs", outputs}};
    if (ctx.chat()) {
        ctx.issue(Kind::Changed, ImportContext::where(dn), "end",
                  "An end node only works in a workflow; in this chat app it became an answer node with its outputs.");
        std::string text;
        for (auto it = outputs.begin(); it != outputs.end(); ++it)
            text += (text.empty() ? "" : "\n") + it.value().get<std::string>();
        node.type = "answer";
        node.config = {{"text", text}};
    }
}

void mapCode(ImportContext &ctx, DifyNode &dn, NodeSpec &node)
{
    node.type = "code";
    const std::string language = scalarText(member(dn.data, "code_language"));
    const std::string code = scalarText(member(dn.data, "code"));
    nlohmann::json config = {{"language", language == "javascript" || language == "nodejs" ? "javascript" : "python3"},
                             {"code", code}};
    if (!language.empty() && language != "python3" && language != "javascript" && language != "nodejs")
        ctx.issue(Kind::Changed, ImportContext::where(dn), "code_language " + language,
                  "Flowdeck runs Python 3 or JavaScript; the code is kept and marked as Python 3.");
    nlohmann::json inputs = nlohmann::json::array();
    std::size_t i = 0;
    for (const auto &v : arrayOf(dn.data, "variables")) {
        const std::string field = "variables[" + std::to_string(i++) + "]";
        inputs.push_back({{"name", scalarText(member(v, "variable"))},
                          {"value", ctx.selector(member(v, "value_selector"), dn, field)}});
    }
    nlohmann::json outputs = nlohmann::json::array();
    const nlohmann::json &outs = member(dn.data, "outputs");
    if (outs.is_object()) {
        for (auto it = outs.begin(); it != outs.end(); ++it) {
            std::string type = scalarText(member(it.value(), "type"));
            if (type == "array[file]" || type == "file" || type.empty())
                type = "any";
            outputs.push_back({{"name", it.key()}, {"type", type}});
        }
    }
    config["inputs"] = inputs;
    config["outputs"] = outputs;
    node.config = std::move(config);
}

void mapTemplate(ImportContext &ctx, DifyNode &dn, NodeSpec &node)
{
    const std::string jinja = scalarText(member(dn.data, "template"));
    const nlohmann::json &vars = member(dn.data, "variables");
    const auto refs = variableRefs(ctx, dn, vars, "variables");
    std::string converted;
    if (simpleJinja(jinja, refs, converted)) {
        node.type = "template";
        node.config = {{"template", converted}};
        return;
    }
    // Anything more than printing variables: Jinja2 itself renders it, in the code sandbox.
    node.type = "code";
    std::vector<std::string> names;
    nlohmann::json inputs = nlohmann::json::array();
    for (const auto &[name, ref] : refs) {
        names.push_back(identifier(name, "value"));
        inputs.push_back({{"name", names.back()}, {"value", ref}});
    }
    node.config = {{"language", "python3"},
                   {"code", renderJinjaCode(jinja, names, "text")},
                   {"inputs", inputs},
                   {"outputs", nlohmann::json::array({{{"name", "text"}, {"type", "string"}}})}};
    ctx.issue(Kind::Changed, ImportContext::where(dn), "template-transform",
              "The Jinja2 template uses more than variables (tags, filters or expressions); a Python code node renders "
              "it with Jinja2, with the same result.");
}

} // namespace flowdeck::engine::dify
