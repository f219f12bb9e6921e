#include "engine/nodes/extractionparameters.h"

#include "engine/core/jsonaccess.h"

#include <algorithm>

namespace flowdeck::engine {

namespace {

constexpr const char *kArrayPrefix = "array[";

bool isArrayType(const std::string &type) { return type.rfind(kArrayPrefix, 0) == 0; }

std::string itemType(const std::string &type) { return type.substr(6, type.size() - 7); }

nlohmann::json typeSchema(const std::string &type)
{
    if (isArrayType(type))
        return {{"type", "array"}, {"items", {{"type", itemType(type)}}}};
    return {{"type", type}};
}

bool fits(const nlohmann::json &value, const std::string &type)
{
    if (isArrayType(type))
        return value.is_array() &&
               std::all_of(value.begin(), value.end(), [&](const nlohmann::json &item) { return fits(item, itemType(type)); });
    if (type == "string")
        return value.is_string();
    if (type == "number")
        return value.is_number();
    if (type == "boolean")
        return value.is_boolean();
    return type == "object" && value.is_object();
}

std::string typeInWords(const std::string &type)
{
    if (type == "string") return "text";
    if (type == "number") return "a number";
    if (type == "boolean") return "true or false";
    if (type == "object") return "an object";
    if (type == "array[string]") return "a list of texts";
    if (type == "array[number]") return "a list of numbers";
    return "a list of objects";
}

} // namespace

const std::vector<std::string> &ExtractionParameters::types()
{
    static const std::vector<std::string> list = {"string",        "number",        "boolean",      "object",
                                                  "array[string]", "array[number]", "array[object]"};
    return list;
}

bool ExtractionParameters::isKnownType(const std::string &type)
{
    return std::find(types().begin(), types().end(), type) != types().end();
}

std::string ExtractionParameters::outputType(const std::string &type)
{
    return isArrayType(type) ? "array" : type;
}

ExtractionParameters::ExtractionParameters(const nlohmann::json &config)
{
    for (const auto &p : valueOr(config, "parameters", nlohmann::json::array())) {
        ExtractionParameter parameter;
        parameter.name = textOf(p, "name");
        parameter.type = textOf(p, "type");
        if (parameter.name.empty() || !isKnownType(parameter.type))
            continue;  // the config schema and validate() report these
        parameter.description = textOf(p, "description");
        parameter.required = valueOr(p, "required", false);
        if (const auto allowed = valueOr(p, "enum", nlohmann::json()); allowed.is_array() && !allowed.empty())
            parameter.allowed = allowed;
        m_list.push_back(std::move(parameter));
    }
}

nlohmann::json ExtractionParameters::schema(bool forModel) const
{
    nlohmann::json properties = nlohmann::json::object();
    nlohmann::json required = nlohmann::json::array();
    for (const auto &p : m_list) {
        nlohmann::json s = typeSchema(p.type);
        if (forModel && !p.description.empty())
            s["description"] = p.description;
        if (!p.allowed.is_null())
            s["enum"] = p.allowed;
        if (!p.required) {
            s["type"] = {s["type"], "null"};
            if (s.contains("enum"))
                s["enum"].push_back(nullptr);
        }
        properties[p.name] = std::move(s);
        if (forModel || p.required)
            required.push_back(p.name);
    }
    nlohmann::json out = {{"type", "object"}, {"properties", std::move(properties)}, {"required", std::move(required)}};
    if (forModel)
        out["additionalProperties"] = false;
    return out;
}

nlohmann::json ExtractionParameters::modelSchema() const { return schema(true); }

bool ExtractionParameters::strictPossible() const
{
    return std::none_of(m_list.begin(), m_list.end(),
                        [](const ExtractionParameter &p) { return p.type == "object" || p.type == "array[object]"; });
}

std::string ExtractionParameters::describe() const
{
    std::string out;
    for (const auto &p : m_list) {
        out += "- \"" + p.name + "\" (" + typeInWords(p.type) + (p.required ? ", required" : ", optional") + ")";
        if (!p.description.empty())
            out += ": " + p.description;
        if (!p.allowed.is_null())
            out += " Allowed values: " + safeDump(p.allowed) + ".";
        out += "\n";
    }
    return out;
}

std::string ExtractionParameters::problemWith(const nlohmann::json &answer) const
{
    if (!answer.is_object())
        return "the answer is not a JSON object";
    std::vector<std::string> problems;
    for (const auto &p : m_list) {
        const auto it = answer.find(p.name);
        if (it == answer.end() || it->is_null()) {
            if (p.required)
                problems.push_back("the required parameter '" + p.name + "' is missing");
        } else if (!fits(*it, p.type)) {
            problems.push_back("the parameter '" + p.name + "' must be " + typeInWords(p.type) + ", but the answer gives " +
                               truncateUtf8(safeDump(*it), 80));
        } else if (!p.allowed.is_null() && std::find(p.allowed.begin(), p.allowed.end(), *it) == p.allowed.end()) {
            problems.push_back("the parameter '" + p.name + "' must be one of " + safeDump(p.allowed) + ", not " +
                               truncateUtf8(safeDump(*it), 80));
        }
    }
    // The schema check catches anything the checks above do not name. Compiled when first
    // needed: validation builds these for every reference to the node's outputs.
    if (problems.empty() && !m_check)
        m_check = JsonSchema::compile(schema(false));
    if (problems.empty() && m_check)
        if (const auto violations = m_check->validate(answer); !violations.empty())
            problems.push_back(JsonSchema::describe(violations));
    std::string out;
    for (const auto &problem : problems)
        out += (out.empty() ? "" : "; ") + problem;
    return out;
}

nlohmann::json ExtractionParameters::values(const nlohmann::json &answer) const
{
    nlohmann::json out = nlohmann::json::object();
    for (const auto &p : m_list)
        out[p.name] = valueOr(answer, p.name, nlohmann::json());
    return out;
}

nlohmann::json ExtractionParameters::nullValues() const { return values(nlohmann::json::object()); }

} // namespace flowdeck::engine
