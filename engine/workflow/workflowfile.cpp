#include "engine/workflow/workflowfile.h"

#include "engine/core/jsonread.h"

#include "engine/core/atomicfile.h"

#include "engine/core/jsonschema.h"
#include "engine/workflow/migrations.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <unistd.h>
#include <fcntl.h>

namespace flowdeck::engine {

namespace embedded {
extern const char workflow_schema[];
}

namespace {

Diagnostic error(std::string code, std::string field, std::string message)
{
    Diagnostic d;
    d.code = std::move(code);
    d.field = std::move(field);
    d.message = std::move(message);
    return d;
}

const JsonSchema &fileSchema()
{
    static const std::shared_ptr<const JsonSchema> schema = JsonSchema::compile(workflowFileSchema());
    return *schema;
}

// "nodes[3].config" -> the id of node 3, so the message can name the node.
std::string nodeIdForPath(const nlohmann::json &doc, const std::string &path)
{
    if (path.rfind("nodes[", 0) != 0)
        return {};
    std::size_t close = path.find(']');
    std::size_t index = std::stoul(path.substr(6, close - 6));
    const auto &nodes = doc["nodes"];
    if (index < nodes.size() && nodes[index].is_object() && nodes[index].contains("id") &&
        nodes[index]["id"].is_string())
        return nodes[index]["id"].get<std::string>();
    return {};
}

InputSpec inputFromJson(const nlohmann::json &j)
{
    InputSpec in;
    in.name = j.at("name").get<std::string>();
    in.type = j.value("type", "text");
    in.label = j.value("label", in.name);
    in.required = j.value("required", false);
    if (j.contains("options"))
        in.options = j["options"];
    if (j.contains("default"))
        in.defaultValue = j["default"];
    for (const auto &type : j.value("accept", nlohmann::json::array()))
        in.accept.push_back(type.get<std::string>());
    in.maxBytes = j.value("maxBytes", std::int64_t(0));
    in.i18n = j.value("i18n", nlohmann::json::object());
    return in;
}

NodeSpec nodeFromJson(const nlohmann::json &j)
{
    NodeSpec n;
    n.id = j.at("id").get<std::string>();
    n.type = j.at("type").get<std::string>();
    n.title = j.value("title", "");
    if (j.contains("position"))
        n.position = {j["position"][0].get<double>(), j["position"][1].get<double>()};
    if (j.contains("config"))
        n.config = j["config"];
    if (j.contains("timeoutMs"))
        n.timeoutMs = j["timeoutMs"].get<int>();
    if (j.contains("retry")) {
        n.retry.max = j["retry"].value("max", 0);
        n.retry.backoffMs = j["retry"].value("backoffMs", 1000);
    }
    std::string onError = j.value("onError", "fail");
    n.onError = onError == "continue" ? OnError::Continue : onError == "branch" ? OnError::Branch : OnError::Fail;
    n.disabled = j.value("disabled", false);
    n.parent = j.value("parent", "");
    n.i18n = j.value("i18n", nlohmann::json::object());
    n.pin = j.value("pin", nlohmann::json());
    return n;
}

Workflow workflowFromJson(const nlohmann::json &doc)
{
    Workflow wf;
    wf.formatVersion = doc.at("formatVersion").get<int>();
    wf.id = doc.at("id").get<std::string>();
    wf.name = doc.at("name").get<std::string>();
    wf.description = doc.value("description", "");
    wf.mode = doc.value("mode", "workflow");
    for (const auto &in : doc.value("inputs", nlohmann::json::array()))
        wf.inputs.push_back(inputFromJson(in));
    wf.models = doc.value("models", nlohmann::json::object());
    wf.plugins = doc.value("plugins", nlohmann::json::object());
    for (const auto &n : doc.at("nodes"))
        wf.nodes.push_back(nodeFromJson(n));
    for (const auto &e : doc.at("edges"))
        wf.edges.push_back({e.at("from").get<std::string>(), e.at("to").get<std::string>(), e.value("fromPort", "")});
    for (const auto &v : doc.value("variables", nlohmann::json::array())) {
        VariableSpec spec;
        spec.name = v.at("name").get<std::string>();
        spec.type = v.value("type", "string");
        spec.defaultValue = v.value("default", nlohmann::json());
        spec.description = v.value("description", "");
        wf.variables.push_back(std::move(spec));
    }
    for (const auto &v : doc.value("env", nlohmann::json::array())) {
        EnvSpec spec;
        spec.name = v.at("name").get<std::string>();
        spec.type = v.value("type", "string");
        spec.value = v.value("value", nlohmann::json());
        spec.description = v.value("description", "");
        wf.env.push_back(std::move(spec));
    }
    for (const auto &v : doc.value("notes", nlohmann::json::array())) {
        NoteSpec note;
        note.id = v.at("id").get<std::string>();
        note.text = v.value("text", "");
        if (v.contains("position"))
            note.position = {v["position"][0].get<double>(), v["position"][1].get<double>()};
        if (v.contains("size"))
            note.size = {v["size"][0].get<double>(), v["size"][1].get<double>()};
        note.color = v.value("color", "");
        wf.notes.push_back(std::move(note));
    }
    if (const auto opening = doc.value("opening", nlohmann::json::object()); opening.is_object()) {
        wf.opening.text = opening.value("text", "");
        for (const auto &q : opening.value("suggestions", nlohmann::json::array()))
            wf.opening.suggestions.push_back(q.get<std::string>());
    }
    wf.guard = doc.value("guard", nlohmann::json::object());
    wf.i18n = doc.value("i18n", nlohmann::json::object());
    return wf;
}

// Config objects keep their keys sorted (nlohmann::json's map order), which is stable.
nlohmann::ordered_json ordered(const nlohmann::json &j)
{
    return nlohmann::ordered_json::parse(j.dump());
}

} // namespace

const nlohmann::json &workflowFileSchema()
{
    static const nlohmann::json schema = nlohmann::json::parse(embedded::workflow_schema);
    return schema;
}

Result<Workflow> parseWorkflow(std::string_view text)
{
    JsonReadError problem;
    nlohmann::json doc = parseJson(text, &problem);
    if (doc.is_discarded()) {
        Diagnostic d = error("malformed-json", {}, {});
        std::size_t offset = std::min(problem.offset, text.size());
        if (problem.kind == JsonReadError::Kind::Syntax && offset < text.size()) {
            // The parser stops at the token's last character; point at its first instead.
            if (text[offset] == '"' && offset > 0) {
                std::size_t open = offset - 1;
                while (open > 0 && !(text[open] == '"' && text[open - 1] != '\\'))
                    --open;
                offset = open;
            } else {
                while (offset > 0 && (std::isalnum(static_cast<unsigned char>(text[offset - 1])) ||
                                      text[offset - 1] == '.' || text[offset - 1] == '-' || text[offset - 1] == '+'))
                    --offset;
            }
        }
        std::size_t line = 0, column = 0;
        lineAndColumn(text, offset, line, column);
        d.line = static_cast<int>(line);
        d.column = static_cast<int>(column);
        switch (problem.kind) {
        case JsonReadError::Kind::TooDeep:
            d.message = "The file nests more than " + std::to_string(kMaxJsonDepth) +
                        " levels deep, which is not a workflow Flowdeck can read.";
            break;
        case JsonReadError::Kind::NumberTooLarge:
            d.message = "The file is not valid JSON: " + problem.message + " (larger than any number Flowdeck can hold).";
            break;
        default: d.message = "The file is not valid JSON: " + problem.message;
        }
        return Result<Workflow>::failure(d);
    }
    if (!doc.is_object() || !doc.contains("format") || doc["format"] != kFormatName)
        return Result<Workflow>::failure(error("not-a-workflow", "format",
            "This is not a Flowdeck workflow: it needs \"format\": \"flowdeck.workflow\"."));
    if (!doc.contains("formatVersion") || !doc["formatVersion"].is_number_integer())
        return Result<Workflow>::failure(error("not-a-workflow", "formatVersion",
            "The workflow has no whole-number \"formatVersion\", so it cannot be read safely."));
    // Clamp before narrowing, so 2^32 reads as "too new" rather than wrapping to 0.
    const long long version = doc["formatVersion"].is_number_unsigned()
                                  ? static_cast<long long>(std::min<std::uint64_t>(doc["formatVersion"].get<std::uint64_t>(), 1u << 30))
                                  : doc["formatVersion"].get<long long>();
    Diagnostics migration = migrateWorkflow(doc, static_cast<int>(std::clamp<long long>(version, -1, 1 << 30)));
    if (hasErrors(migration))
        return Result<Workflow>(migration);

    Diagnostics problems;
    for (const auto &v : fileSchema().validate(doc)) {
        Diagnostic d = error("schema", v.path, v.message);
        d.nodeId = nodeIdForPath(doc, v.path);
        if (d.message.rfind("Failed to match regex", 0) == 0 || d.message.find("regex") != std::string::npos)
            d.message = "The value does not have the allowed form (letters, digits, _ and -, starting with a letter).";
        problems.push_back(std::move(d));
    }
    if (hasErrors(problems))
        return Result<Workflow>(problems);
    return Result<Workflow>(workflowFromJson(doc));
}

Result<Workflow> loadWorkflowFile(const std::filesystem::path &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Result<Workflow>::failure(error("unreadable", {}, "Cannot open " + path.string() + ": " +
                                                                      std::strerror(errno) + "."));
    std::stringstream buffer;
    buffer << in.rdbuf();
    return parseWorkflow(buffer.str());
}

namespace {

// Whole numbers are written without a fraction; the range check comes first, as
// converting a double beyond long long (a hand-edited 1e300) is undefined.
nlohmann::ordered_json compactPair(const std::array<double, 2> &pair)
{
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (double p : pair) {
        if (std::fabs(p) < 9.2e18 && p == static_cast<double>(static_cast<long long>(p)))
            out.push_back(static_cast<long long>(p));
        else
            out.push_back(p);
    }
    return out;
}

} // namespace

nlohmann::ordered_json workflowToJson(const Workflow &wf)
{
    nlohmann::ordered_json j;
    j["format"] = kFormatName;
    j["formatVersion"] = kFormatVersion;
    j["id"] = wf.id;
    j["name"] = wf.name;
    if (!wf.description.empty())
        j["description"] = wf.description;
    if (!wf.i18n.empty())
        j["i18n"] = ordered(wf.i18n);
    j["mode"] = wf.mode;
    if (!wf.inputs.empty()) {
        auto &inputs = j["inputs"] = nlohmann::ordered_json::array();
        for (const auto &in : wf.inputs) {
            nlohmann::ordered_json i;
            i["name"] = in.name;
            i["type"] = in.type;
            if (!in.label.empty() && in.label != in.name)
                i["label"] = in.label;
            if (!in.i18n.empty())
                i["i18n"] = ordered(in.i18n);
            if (in.required)
                i["required"] = true;
            if (!in.options.is_null())
                i["options"] = ordered(in.options);
            if (!in.defaultValue.is_null())
                i["default"] = ordered(in.defaultValue);
            if (!in.accept.empty())
                i["accept"] = in.accept;
            if (in.maxBytes > 0)
                i["maxBytes"] = in.maxBytes;
            inputs.push_back(std::move(i));
        }
    }
    if (!wf.models.empty())
        j["models"] = ordered(wf.models);
    if (!wf.plugins.empty())
        j["plugins"] = ordered(wf.plugins);
    auto &nodes = j["nodes"] = nlohmann::ordered_json::array();
    for (const auto &n : wf.nodes) {
        nlohmann::ordered_json o;
        o["id"] = n.id;
        o["type"] = n.type;
        if (!n.title.empty())
            o["title"] = n.title;
        if (!n.i18n.empty())
            o["i18n"] = ordered(n.i18n);
        o["position"] = compactPair(n.position);
        if (!n.config.empty())
            o["config"] = ordered(n.config);
        if (n.timeoutMs)
            o["timeoutMs"] = *n.timeoutMs;
        if (n.retry.max > 0)
            o["retry"] = {{"max", n.retry.max}, {"backoffMs", n.retry.backoffMs}};
        if (n.onError != OnError::Fail)
            o["onError"] = onErrorName(n.onError);
        if (n.disabled)
            o["disabled"] = true;
        if (!n.parent.empty())
            o["parent"] = n.parent;
        if (!n.pin.is_null())
            o["pin"] = ordered(n.pin);
        nodes.push_back(std::move(o));
    }
    if (!wf.variables.empty()) {
        auto &variables = j["variables"] = nlohmann::ordered_json::array();
        for (const auto &v : wf.variables) {
            nlohmann::ordered_json o;
            o["name"] = v.name;
            o["type"] = v.type;
            if (!v.defaultValue.is_null())
                o["default"] = ordered(v.defaultValue);
            if (!v.description.empty())
                o["description"] = v.description;
            variables.push_back(std::move(o));
        }
    }
    if (!wf.env.empty()) {
        auto &env = j["env"] = nlohmann::ordered_json::array();
        for (const auto &v : wf.env) {
            nlohmann::ordered_json o;
            o["name"] = v.name;
            o["type"] = v.type;
            if (!v.value.is_null())
                o["value"] = ordered(v.value);
            if (!v.description.empty())
                o["description"] = v.description;
            env.push_back(std::move(o));
        }
    }
    if (!wf.notes.empty()) {
        auto &notes = j["notes"] = nlohmann::ordered_json::array();
        for (const auto &n : wf.notes) {
            nlohmann::ordered_json o;
            o["id"] = n.id;
            o["text"] = n.text;
            o["position"] = compactPair(n.position);
            o["size"] = compactPair(n.size);
            if (!n.color.empty())
                o["color"] = n.color;
            notes.push_back(std::move(o));
        }
    }
    if (!wf.opening.empty()) {
        auto &opening = j["opening"] = nlohmann::ordered_json::object();
        if (!wf.opening.text.empty())
            opening["text"] = wf.opening.text;
        if (!wf.opening.suggestions.empty())
            opening["suggestions"] = wf.opening.suggestions;
    }
    if (!wf.guard.empty())
        j["guard"] = ordered(wf.guard);
    auto &edges = j["edges"] = nlohmann::ordered_json::array();
    for (const auto &e : wf.edges) {
        nlohmann::ordered_json o;
        o["from"] = e.from;
        if (!e.fromPort.empty())
            o["fromPort"] = e.fromPort;
        o["to"] = e.to;
        edges.push_back(std::move(o));
    }
    return j;
}

namespace {

// nlohmann's dump(2), except that arrays of numbers (positions) stay on one line, as
// people write them and as DESIGN.md shows.
void writePretty(const nlohmann::ordered_json &j, std::string &out, int indent)
{
    const std::string pad(static_cast<std::size_t>(indent), ' ');
    const std::string inner(static_cast<std::size_t>(indent + 2), ' ');
    if (j.is_object() && !j.empty()) {
        out += "{\n";
        std::size_t i = 0;
        for (auto it = j.begin(); it != j.end(); ++it, ++i) {
            out += inner + nlohmann::ordered_json(it.key()).dump() + ": ";
            writePretty(it.value(), out, indent + 2);
            out += i + 1 < j.size() ? ",\n" : "\n";
        }
        out += pad + "}";
    } else if (j.is_array() && !j.empty()) {
        const bool numbers = std::all_of(j.begin(), j.end(), [](const auto &v) { return v.is_number(); });
        if (numbers) {
            out += "[";
            for (std::size_t i = 0; i < j.size(); ++i)
                out += (i ? ", " : "") + j[i].dump();
            out += "]";
            return;
        }
        out += "[\n";
        for (std::size_t i = 0; i < j.size(); ++i) {
            out += inner;
            writePretty(j[i], out, indent + 2);
            out += i + 1 < j.size() ? ",\n" : "\n";
        }
        out += pad + "]";
    } else {
        out += j.dump();
    }
}

} // namespace

std::string serializeWorkflow(const Workflow &workflow)
{
    std::string out;
    writePretty(workflowToJson(workflow), out, 0);
    return out + "\n";
}

Result<bool> saveWorkflowFile(const std::filesystem::path &path, const Workflow &workflow)
{
    const std::string text = serializeWorkflow(workflow);
    auto fail = [&](const std::string &why) {
        return Result<bool>::failure(error("save-failed", {}, "Could not save " + path.string() + ": " + why +
                                                                  ". The previous file is unchanged."));
    };
    std::string why;
    if (!writeFileAtomically(path, text, why))
        return fail(why);
    return Result<bool>(true);
}

} // namespace flowdeck::engine
