#include "engine/model/demomodel.h"

#include "engine/core/diagnostic.h"
#include "engine/core/jsonaccess.h"
#include "engine/core/jsonread.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <optional>

namespace flowdeck::engine {

namespace {

using json = nlohmann::json;

constexpr int kMaxSchemaDepth = 24;
constexpr std::size_t kMaxExampleScans = 64;  // '{' positions tried when looking for a JSON example

// What string values are made of: the question and a folder from the conversation.
struct Context {
    bool chinese = false;
    bool forTool = false;
    std::string question;  // a short excerpt of the last user message
    std::string path;      // the first absolute path mentioned, for path-like tool arguments
    const json *root = nullptr;
};

// Text of a message's content: a string, or the text parts of an array of parts.
std::string contentText(const json &message)
{
    const auto it = message.is_object() ? message.find("content") : message.end();
    if (!message.is_object() || it == message.end())
        return {};
    if (it->is_string())
        return it->get<std::string>();
    std::string out;
    if (it->is_array())
        for (const auto &part : *it)
            if (part.is_object() && part.contains("text") && part["text"].is_string())
                out += (out.empty() ? "" : "\n") + part["text"].get<std::string>();
    return out;
}

std::string roleOf(const json &message) { return valueOr(message, "role", ""); }

// The first few non-empty lines of a text, cut to a size that reads well in an answer.
std::string excerpt(const std::string &text, std::size_t maxLines, std::size_t maxBytes)
{
    std::string out;
    std::size_t lines = 0, pos = 0;
    while (pos < text.size() && lines < maxLines && out.size() < maxBytes) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string::npos)
            end = text.size();
        std::string line = text.substr(pos, end - pos);
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
            line.pop_back();
        if (!line.empty()) {
            out += (out.empty() ? "" : "\n") + line;
            ++lines;
        }
        pos = end + 1;
    }
    std::string cut = truncateUtf8(out, maxBytes);
    if (cut.size() < text.size() && (cut.size() < out.size() || pos < text.size()))
        cut += " …";
    return cut;
}

// The first absolute path in the conversation ("Folder: /home/ana/inbox"), scanned by
// hand: std::regex recurses per character and could overflow the stack on a long prompt.
std::string firstAbsolutePath(const json &messages)
{
    auto pathChar = [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '~' || c == '+' || c == '-' ||
               c == '/';
    };
    for (const auto &m : messages) {
        const std::string text = contentText(m);
        for (std::size_t i = text.find('/'); i != std::string::npos; i = text.find('/', i + 1)) {
            if (i > 0 && std::string_view(" \t\n\"'(=:`").find(text[i - 1]) == std::string_view::npos)
                continue;
            std::size_t end = i + 1;
            while (end < text.size() && pathChar(text[end]))
                ++end;
            while (end > i + 1 && (text[end - 1] == '.' || text[end - 1] == '/'))
                --end;  // the full stop of a sentence, a trailing slash
            if (end > i + 1 && std::isalnum(static_cast<unsigned char>(text[i + 1])))
                return text.substr(i, end - i);
        }
    }
    return {};
}

bool nameHas(const std::string &name, std::initializer_list<const char *> words)
{
    std::string lower = name;
    for (auto &c : lower)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const char *w : words)
        if (lower.find(w) != std::string::npos)
            return true;
    return false;
}

const json *resolveRef(const json &schema, const Context &ctx)
{
    const std::string ref = valueOr(schema, "$ref", "");
    if (ref.empty() || !ctx.root || !ctx.root->is_object())
        return nullptr;
    for (const std::string section : {"$defs", "definitions"}) {
        const std::string prefix = "#/" + section + "/";
        if (ref.rfind(prefix, 0) != 0)
            continue;
        const auto defs = ctx.root->find(section);
        if (defs == ctx.root->end() || !defs->is_object())
            return nullptr;
        const auto target = defs->find(ref.substr(prefix.size()));
        return target == defs->end() ? nullptr : &*target;
    }
    return nullptr;
}

std::string stringFor(const json &schema, const std::string &name, const Context &ctx)
{
    const std::string format = valueOr(schema, "format", "");
    std::string s;
    if (format == "date")
        s = "2026-01-01";
    else if (format == "date-time")
        s = "2026-01-01T00:00:00Z";
    else if (format == "time")
        s = "00:00:00";
    else if (format == "email")
        s = "demo@example.com";
    else if (format == "uri" || format == "url" || nameHas(name, {"url", "link", "href"}))
        s = "https://example.com/";
    else if (format == "uuid")
        s = "00000000-0000-4000-8000-000000000000";
    else if (ctx.forTool && nameHas(name, {"path", "dir", "folder", "file", "root"}))
        s = ctx.path.empty() ? "." : ctx.path;
    else if (ctx.forTool && !ctx.question.empty() &&
             nameHas(name, {"query", "keyword", "search", "text", "thought", "message", "question", "prompt", "input"}))
        s = ctx.question;
    else
        s = ctx.chinese ? "演示" + (name.empty() ? std::string("内容") : name) : "demo " + (name.empty() ? "text" : name);
    // A schema may ask for any length; the demo pads to a few KiB at most.
    const std::size_t minLength = std::min<std::size_t>(valueOr<std::size_t>(schema, "minLength", 0), 4096);
    const std::size_t maxLength = valueOr<std::size_t>(schema, "maxLength", 0);
    while (s.size() < minLength)
        s += '.';
    if (maxLength > 0 && s.size() > maxLength)
        s = truncateUtf8(s, maxLength);
    return s;
}

json numberFor(const json &schema, bool integer)
{
    std::optional<double> low, high;
    if (schema.contains("minimum") && schema["minimum"].is_number())
        low = schema["minimum"].get<double>();
    if (schema.contains("exclusiveMinimum") && schema["exclusiveMinimum"].is_number())
        low = schema["exclusiveMinimum"].get<double>() + (integer ? 1 : 0.5);
    if (schema.contains("maximum") && schema["maximum"].is_number())
        high = schema["maximum"].get<double>();
    if (schema.contains("exclusiveMaximum") && schema["exclusiveMaximum"].is_number())
        high = schema["exclusiveMaximum"].get<double>() - (integer ? 1 : 0.5);
    double v = low ? *low : 1;
    if (high && v > *high)
        v = *high;
    if (integer)
        return static_cast<long long>(low ? std::ceil(v) : std::floor(v));
    return v;
}

std::string firstType(const json &schema)
{
    const auto it = schema.find("type");
    if (it == schema.end()) {
        if (schema.contains("properties"))
            return "object";
        if (schema.contains("items"))
            return "array";
        return "string";
    }
    if (it->is_string())
        return it->get<std::string>();
    if (it->is_array())
        for (const auto &t : *it)
            if (t.is_string() && t != "null")
                return t.get<std::string>();
    return "null";
}

json example(const json &schema, bool all, const std::string &name, const Context &ctx, int depth)
{
    if (depth > kMaxSchemaDepth || !schema.is_object())
        return ctx.chinese ? "演示" : "demo";
    if (const json *target = resolveRef(schema, ctx))
        return example(*target, all, name, ctx, depth + 1);
    if (schema.contains("const"))
        return schema["const"];
    if (schema.contains("default") && !schema["default"].is_null())
        return schema["default"];
    if (schema.contains("enum") && schema["enum"].is_array() && !schema["enum"].empty())
        return schema["enum"][0];
    if (schema.contains("examples") && schema["examples"].is_array() && !schema["examples"].empty())
        return schema["examples"][0];
    for (const char *key : {"anyOf", "oneOf"})
        if (schema.contains(key) && schema[key].is_array())
            for (const auto &alternative : schema[key])
                if (alternative.is_object() && firstType(alternative) != "null")
                    return example(alternative, all, name, ctx, depth + 1);
    if (schema.contains("allOf") && schema["allOf"].is_array()) {
        json merged = schema;
        merged.erase("allOf");
        for (const auto &part : schema["allOf"])
            if (part.is_object())
                for (const auto &[k, v] : part.items()) {
                    if (k == "properties" && v.is_object())
                        for (const auto &[pk, pv] : v.items())
                            merged["properties"][pk] = pv;
                    else if (k == "required" && v.is_array())
                        for (const auto &r : v)
                            merged["required"].push_back(r);
                    else if (!merged.contains(k))
                        merged[k] = v;
                }
        return example(merged, all, name, ctx, depth + 1);
    }
    const std::string type = firstType(schema);
    if (type == "object") {
        json out = json::object();
        const json props = valueOr(schema, "properties", json::object());
        const json required = valueOr(schema, "required", json::array());
        if (props.is_object())
            for (const auto &[key, sub] : props.items()) {
                bool isRequired = false;
                if (required.is_array())
                    for (const auto &r : required)
                        isRequired = isRequired || r == key;
                if (all || isRequired)
                    out[key] = example(sub, all, key, ctx, depth + 1);
            }
        if (required.is_array())
            for (const auto &r : required)
                if (r.is_string() && !out.contains(r.get<std::string>()))
                    out[r.get<std::string>()] = stringFor(json::object(), r.get<std::string>(), ctx);
        return out;
    }
    if (type == "array") {
        json out = json::array();
        std::size_t count = valueOr<std::size_t>(schema, "minItems", 0);
        if (all && count == 0)
            count = 1;
        if (schema.contains("maxItems") && schema["maxItems"].is_number_unsigned())
            count = std::min(count, schema["maxItems"].get<std::size_t>());
        count = std::min<std::size_t>(count, 8);
        const json items = valueOr(schema, "items", json::object());
        const json prefix = valueOr(schema, "prefixItems", json::array());
        for (std::size_t i = 0; i < count || (prefix.is_array() && i < prefix.size()); ++i)
            out.push_back(example(prefix.is_array() && i < prefix.size() ? prefix[i] : items, all, name, ctx, depth + 1));
        return out;
    }
    if (type == "integer" || type == "number")
        return numberFor(schema, type == "integer");
    if (type == "boolean")
        return false;
    if (type == "null")
        return nullptr;
    return stringFor(schema, name, ctx);
}

// Reads the JSON-like examples prompts give ({"chart": "line" | "bar", "enough": true or
// false (when ...), "folders": ["A", ...every folder]}): the first alternative of a
// choice, no comments, no bare words. Bounded in depth; never throws.
class LenientJson {
public:
    explicit LenientJson(std::string_view text) : m_t(text) {}

    json object(int depth = 0)
    {
        json out = json::object();
        ++m_i;  // '{'
        while (m_i < m_t.size() && depth < kMaxSchemaDepth) {
            space();
            if (at('}'))
                return ++m_i, out;
            std::optional<json> key = at('"') ? string() : std::nullopt;
            space();
            if (key && at(':')) {
                ++m_i;
                if (auto v = value(depth))
                    out[key->get<std::string>()] = std::move(*v);
            }
            if (!next('}'))
                return out;
        }
        return out;
    }

private:
    bool at(char c) const { return m_i < m_t.size() && m_t[m_i] == c; }
    void space()
    {
        while (m_i < m_t.size() && std::isspace(static_cast<unsigned char>(m_t[m_i])))
            ++m_i;
    }
    // Skips what follows a value up to its separator; false at the container's end.
    bool next(char close)
    {
        int nested = 0;
        for (; m_i < m_t.size(); ++m_i) {
            const char c = m_t[m_i];
            if (c == '"') {
                string();
                --m_i;
            } else if (c == '{' || c == '[') {
                ++nested;
            } else if ((c == '}' || c == ']') && nested > 0) {
                --nested;
            } else if (nested == 0 && c == ',') {
                ++m_i;
                return true;
            } else if (nested == 0 && (c == '}' || c == ']')) {
                if (c == close)
                    return true;  // the caller consumes it
                return false;
            }
        }
        return false;
    }
    std::optional<json> string()
    {
        const std::size_t start = m_i++;
        for (bool escaped = false; m_i < m_t.size(); ++m_i) {
            if (escaped)
                escaped = false;
            else if (m_t[m_i] == '\\')
                escaped = true;
            else if (m_t[m_i] == '"')
                break;
        }
        ++m_i;
        json s = parseJson(m_t.substr(start, std::min(m_i, m_t.size()) - start));
        return s.is_string() ? std::optional<json>(s) : std::nullopt;
    }
    std::optional<json> value(int depth)
    {
        space();
        if (m_i >= m_t.size())
            return std::nullopt;
        const char c = m_t[m_i];
        if (c == '{')
            return object(depth + 1);
        if (c == '[')
            return array(depth + 1);
        if (c == '"')
            return string();
        for (const char *word : {"true", "false", "null"})
            if (m_t.substr(m_i, std::strlen(word)) == word) {
                m_i += std::strlen(word);
                return parseJson(word);
            }
        if (c == '-' || std::isdigit(static_cast<unsigned char>(c))) {
            std::size_t end = m_i + 1;
            while (end < m_t.size() && (std::isdigit(static_cast<unsigned char>(m_t[end])) || m_t[end] == '.'))
                ++end;
            json n = parseJson(m_t.substr(m_i, end - m_i));
            m_i = end;
            if (!n.is_discarded())
                return n;
        }
        return std::nullopt;  // a bare word: "[labels]", "...every folder"
    }
    json array(int depth)
    {
        json out = json::array();
        ++m_i;  // '['
        while (m_i < m_t.size() && depth < kMaxSchemaDepth) {
            space();
            if (at(']'))
                return ++m_i, out;
            if (auto v = value(depth))
                out.push_back(std::move(*v));
            if (!next(']'))
                return out;
        }
        return out;
    }

    std::string_view m_t;
    std::size_t m_i = 0;
};

// The first JSON object written out in a prompt ("Answer with {"intent": ..., ...}"):
// a json_object request answered with it takes the shape the workflow expects.
json jsonExampleIn(const std::string &text)
{
    std::size_t tried = 0;
    for (std::size_t start = text.find('{'); start != std::string::npos && tried < kMaxExampleScans;
         start = text.find('{', start + 1), ++tried) {
        json candidate = LenientJson(std::string_view(text).substr(start)).object();
        if (candidate.is_object() && !candidate.empty())
            return candidate;
    }
    return nullptr;
}

// A tool the demo may call without changing anything: its name says it reads or looks.
const json *readOnlyTool(const json &tools)
{
    if (!tools.is_array())
        return nullptr;
    for (const auto &tool : tools) {
        const json fn = valueOr(tool, "function", json::object());
        const std::string name = valueOr(fn, "name", "");
        if (!name.empty() && nameHas(name, {"list", "read", "get", "search", "describe", "query", "find", "tree",
                                             "info", "think", "lookup", "show", "view"}))
            return &tool;
    }
    return nullptr;
}

std::string quoted(const std::string &text)
{
    std::string out = "> ";
    for (char c : text) {
        out += c;
        if (c == '\n')
            out += "> ";
    }
    return out;
}

std::string textAnswer(const std::string &question, const std::vector<std::string> &toolResults, bool chinese)
{
    std::string out = std::string(chinese ? DemoModel::kMarkerZh : DemoModel::kMarkerEn) + "\n\n";
    out += chinese ? "这是 Flowdeck 的离线演示模型给出的回答：没有向任何 AI 服务发送内容，只用来演示工作流能从头运行到尾。\n\n"
                   : "This answer comes from Flowdeck's offline demo model: nothing was sent to an AI service, so it "
                     "only shows that the workflow runs from start to end.\n\n";
    if (!question.empty())
        out += std::string(chinese ? "这一步本来要发给模型的请求：\n" : "The request this step would send to a model:\n") +
               quoted(excerpt(question, 3, 300)) + "\n\n";
    if (!toolResults.empty()) {
        out += chinese ? "工具返回了：\n" : "The tools answered:\n";
        for (const auto &r : toolResults)
            out += "- " + excerpt(r, 1, 160) + "\n";
        out += "\n";
    }
    out += chinese ? "要得到真实回答，请在“设置 → 模型服务商”中选择一个模型服务（例如华为云 MaaS 或 DeepSeek）并填写它的 API "
                     "密钥；命令行中用 flowdeck run --profile 选择。"
                   : "For a real answer, choose a model provider (for example Huawei Cloud MaaS or DeepSeek) in "
                     "Settings → Model providers and add its API key; on the command line, pick it with "
                     "flowdeck run --profile.";
    return out;
}

std::int64_t tokensFor(std::size_t bytes) { return static_cast<std::int64_t>(bytes / 4 + 1); }

} // namespace

bool DemoModel::handles(const std::string &baseUrl) { return baseUrl.rfind(kUrlScheme, 0) == 0; }

bool DemoModel::isChinese(const std::string &text)
{
    std::size_t cjk = 0, latin = 0;
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            latin += std::isalpha(c) ? 1 : 0;
            ++i;
            continue;
        }
        const std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        if (len == 3 && i + 2 < text.size()) {
            const unsigned cp = ((c & 0x0Fu) << 12) | ((static_cast<unsigned char>(text[i + 1]) & 0x3Fu) << 6) |
                                (static_cast<unsigned char>(text[i + 2]) & 0x3Fu);
            if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x3000 && cp <= 0x303F) ||
                (cp >= 0xFF00 && cp <= 0xFFEF))
                ++cjk;
        }
        i += len;
    }
    // A Chinese character carries about as much as a short English word.
    return cjk > 0 && cjk * 4 >= latin;
}

json DemoModel::exampleFor(const json &schema, bool allProperties)
{
    Context ctx;
    ctx.root = &schema;
    return example(schema, allProperties, "", ctx, 0);
}

json DemoModel::complete(const json &request)
{
    const json messages = valueOr(request, "messages", json::array());
    std::string question, prompts;
    std::vector<std::string> toolResults;
    std::size_t promptBytes = 0, assistantTurns = 0;
    if (messages.is_array())
        for (const auto &m : messages) {
            const std::string text = contentText(m);
            const std::string role = roleOf(m);
            promptBytes += text.size();
            if (role == "user") {
                question = text;
                toolResults.clear();  // only results given after the last question count
            } else if (role == "tool") {
                toolResults.push_back(text);
            } else if (role == "assistant") {
                ++assistantTurns;
            }
            if (role == "system" || role == "user")
                prompts += text + "\n";
        }
    Context ctx;
    ctx.chinese = isChinese(question);
    ctx.question = excerpt(question, 1, 80);
    ctx.path = messages.is_array() ? firstAbsolutePath(messages) : std::string();

    json message = {{"role", "assistant"}};
    std::string finish = "stop";
    const json format = valueOr(request, "response_format", json::object());
    const std::string formatType = valueOr(format, "type", "");
    const json tools = valueOr(request, "tools", json::array());
    const json *tool = toolResults.empty() ? readOnlyTool(tools) : nullptr;
    if (tool) {
        const json fn = valueOr(*tool, "function", json::object());
        const json parameters = valueOr(fn, "parameters", json::object());
        ctx.forTool = true;
        ctx.root = &parameters;
        json arguments = example(parameters, false, "", ctx, 0);
        if (!arguments.is_object())
            arguments = json::object();
        message["content"] = nullptr;
        message["tool_calls"] = json::array({{{"id", "call_demo_" + std::to_string(assistantTurns + 1)},
                                              {"type", "function"},
                                              {"function", {{"name", valueOr(fn, "name", "")}, {"arguments", safeDump(arguments)}}}}});
        finish = "tool_calls";
    } else if (formatType == "json_schema") {
        const json spec = valueOr(format, "json_schema", json::object());
        const json schema = valueOr(spec, "schema", json::object());
        ctx.root = &schema;
        message["content"] = safeDump(example(schema, true, "", ctx, 0));
    } else if (formatType == "json_object") {
        json answer = jsonExampleIn(prompts);
        // The prompt's example leaves fields blank for the model to fill: the demo fills
        // them, so a workflow that checks for a value takes its main path.
        if (answer.is_object())
            for (auto &[key, value] : answer.items())
                if (value.is_string() && value.get<std::string>().empty())
                    value = stringFor(json::object(), key, ctx);
        if (answer.is_null())
            answer = {{"demo", true}, {"text", textAnswer(question, toolResults, ctx.chinese)}};
        message["content"] = safeDump(answer);
    } else {
        message["content"] = textAnswer(question, toolResults, ctx.chinese);
    }
    const std::size_t answerBytes = message["content"].is_string() ? message["content"].get<std::string>().size() : 32;
    const json usage = {{"prompt_tokens", tokensFor(promptBytes)},
                        {"completion_tokens", tokensFor(answerBytes)},
                        {"total_tokens", tokensFor(promptBytes) + tokensFor(answerBytes)}};
    return {{"id", "chatcmpl-demo"},
            {"object", "chat.completion"},
            {"created", 0},
            {"model", valueOr(request, "model", "demo")},
            {"choices", json::array({{{"index", 0}, {"message", message}, {"finish_reason", finish}}})},
            {"usage", usage}};
}

std::vector<std::string> DemoModel::streamEvents(const json &completion)
{
    std::vector<std::string> events;
    const json base = {{"id", valueOr(completion, "id", "chatcmpl-demo")},
                       {"object", "chat.completion.chunk"},
                       {"created", 0},
                       {"model", valueOr(completion, "model", "demo")}};
    auto event = [&](json delta, json finish) {
        json chunk = base;
        chunk["choices"] = json::array({{{"index", 0}, {"delta", std::move(delta)}, {"finish_reason", std::move(finish)}}});
        events.push_back("data: " + safeDump(chunk) + "\n\n");
    };
    const json choices = valueOr(completion, "choices", json::array());
    const json choice = choices.is_array() && !choices.empty() ? choices[0] : json::object();
    const json message = valueOr(choice, "message", json::object());
    event({{"role", "assistant"}, {"content", ""}}, nullptr);
    const std::string text = valueOr(message, "content", "");
    // Pieces of a few words, cut at a space or at least at a character boundary.
    for (std::size_t pos = 0; pos < text.size();) {
        std::size_t end = std::min(text.size(), pos + 24);
        if (end < text.size()) {
            const std::size_t space = text.find_last_of(" \n", end);
            if (space != std::string::npos && space > pos + 8)
                end = space + 1;
            while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
                ++end;
        }
        event({{"content", text.substr(pos, end - pos)}}, nullptr);
        pos = end;
    }
    const json calls = valueOr(message, "tool_calls", json::array());
    if (calls.is_array())
        for (std::size_t i = 0; i < calls.size(); ++i) {
            json call = calls[i];
            call["index"] = i;
            event({{"tool_calls", json::array({call})}}, nullptr);
        }
    event(json::object(), valueOr(choice, "finish_reason", "stop"));
    json usage = base;
    usage["choices"] = json::array();
    usage["usage"] = valueOr(completion, "usage", json::object());
    events.push_back("data: " + safeDump(usage) + "\n\n");
    events.push_back("data: [DONE]\n\n");
    return events;
}

} // namespace flowdeck::engine
