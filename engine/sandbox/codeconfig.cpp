#include "engine/sandbox/codeconfig.h"

#include "engine/core/jsonaccess.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace flowdeck::engine {

namespace {

bool isIdentifier(const std::string &name)
{
    if (name.empty() || name.size() > 64 || std::isdigit(static_cast<unsigned char>(name[0])))
        return false;
    return std::all_of(name.begin(), name.end(),
                       [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
}

// Words an input cannot be named, because it becomes a parameter of main.
const std::set<std::string> &reservedWords(CodeLanguage language)
{
    static const std::set<std::string> python = {
        "False", "None",   "True",  "and",    "as",     "assert", "async",  "await",    "break",
        "class", "continue", "def", "del",    "elif",   "else",   "except", "finally",  "for",
        "from",  "global", "if",    "import", "in",     "is",     "lambda", "nonlocal", "not",
        "or",    "pass",   "raise", "return", "try",    "while",  "with",   "yield"};
    static const std::set<std::string> javascript = {
        "arguments", "await",  "break",   "case",   "catch",      "class",     "const",   "continue",
        "debugger",  "default", "delete", "do",     "else",       "enum",      "eval",    "export",
        "extends",   "false",  "finally", "for",    "function",   "if",        "implements", "import",
        "in",        "instanceof", "interface", "let", "new",     "null",      "package", "private",
        "protected", "public", "return",  "static", "super",      "switch",    "this",    "throw",
        "true",      "try",    "typeof",  "var",    "void",       "while",     "with",    "yield"};
    return language == CodeLanguage::Python ? python : javascript;
}

Diagnostic problem(const std::string &nodeId, std::string code, std::string field, std::string message,
                   std::vector<std::string> args)
{
    Diagnostic d;
    d.code = std::move(code);
    d.nodeId = nodeId;
    d.field = std::move(field);
    d.message = std::move(message);
    d.args = std::move(args);
    return d;
}

std::string typeOf(const nlohmann::json &value)
{
    switch (value.type()) {
    case nlohmann::json::value_t::string: return "string";
    case nlohmann::json::value_t::boolean: return "boolean";
    case nlohmann::json::value_t::object: return "object";
    case nlohmann::json::value_t::array: return "array";
    case nlohmann::json::value_t::null: return "null";
    default: return value.is_number() ? "number" : "unknown";
    }
}

bool fits(const nlohmann::json &value, const std::string &type)
{
    return type == "any" || value.is_null() || typeOf(value) == type;
}

// Why `value` is not of the declared `type` (its own type, or its first wrong item), or empty.
std::string mismatch(const nlohmann::json &value, const std::string &type)
{
    if (value.is_null() || type == "any")
        return {};
    if (type.rfind("array", 0) != 0)
        return fits(value, type) ? std::string() : typeOf(value);
    if (!value.is_array())
        return typeOf(value);
    if (type == "array")
        return {};
    const std::string item = type.substr(6, type.size() - 7);
    for (std::size_t i = 0; i < value.size(); ++i)
        if (!fits(value[i], item))
            return "array with " + typeOf(value[i]) + " at [" + std::to_string(i) + "]";
    return {};
}

} // namespace

const std::vector<std::string> &CodeConfig::types()
{
    static const std::vector<std::string> list = {"string",        "number",        "boolean",        "object",
                                                  "array[string]", "array[number]", "array[object]",
                                                  "array[boolean]", "array",        "any"};
    return list;
}

CodeConfig::CodeConfig(const nlohmann::json &config)
{
    languageName = valueOr(config, "language", "python3");
    if (const auto l = codeLanguageFromName(languageName)) {
        language = *l;
        languageKnown = true;
    }
    code = textOf(config, "code");
    for (const auto &i : valueOr(config, "inputs", nlohmann::json::array()))
        if (i.is_object())
            inputs.push_back({textOf(i, "name"), valueOr(i, "value", nlohmann::json())});
    for (const auto &o : valueOr(config, "outputs", nlohmann::json::array()))
        if (o.is_object())
            outputs.push_back({textOf(o, "name"), valueOr(o, "type", "any")});
    limits = CodeLimits::fromJson(valueOr(config, "limits", nlohmann::json::object()));
}

Diagnostics CodeConfig::problems(const std::string &nodeId) const
{
    Diagnostics out;
    if (!languageKnown)
        out.push_back(problem(nodeId, "code-language", "config.language",
                              "The code node does not run the language '" + languageName +
                                  "'; choose python3 or javascript.",
                              {languageName}));
    if (code.find("main") == std::string::npos)
        out.push_back(problem(nodeId, "code-no-main", "config.code",
                              "The code has no function main; the node calls main with its inputs and uses what it "
                              "returns.",
                              {}));
    std::set<std::string> seen;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        const std::string &name = inputs[i].name;
        const std::string field = "config.inputs[" + std::to_string(i) + "].name";
        if (!isIdentifier(name) || (languageKnown && reservedWords(language).count(name)))
            out.push_back(problem(nodeId, "code-input-name", field,
                                  "The input name '" + name +
                                      "' cannot be used: a name is letters, digits and _, does not start with a "
                                      "digit and is not a word the language reserves.",
                                  {name}));
        else if (!seen.insert(name).second)
            out.push_back(problem(nodeId, "code-duplicate-input", field,
                                  "Two inputs are named '" + name + "'; each needs its own name.", {name}));
    }
    seen.clear();
    for (std::size_t i = 0; i < outputs.size(); ++i) {
        const Output &o = outputs[i];
        const std::string field = "config.outputs[" + std::to_string(i) + "]";
        if (!isIdentifier(o.name))
            out.push_back(problem(nodeId, "code-output-name", field + ".name",
                                  "The output name '" + o.name +
                                      "' cannot be used: a name is letters, digits and _ and does not start with a digit.",
                                  {o.name}));
        else if (!seen.insert(o.name).second)
            out.push_back(problem(nodeId, "code-duplicate-output", field + ".name",
                                  "Two outputs are named '" + o.name + "'; each needs its own name.", {o.name}));
        if (std::find(types().begin(), types().end(), o.type) == types().end())
            out.push_back(problem(nodeId, "code-output-type", field + ".type",
                                  "The output '" + o.name + "' has the type '" + o.type +
                                      "', which the code node does not know; use string, number, boolean, object, "
                                      "array[string], array[number], array[object], array[boolean], array or any.",
                                  {o.name, o.type}));
    }
    return out;
}

std::vector<OutputSpec> CodeConfig::outputSpecs() const
{
    std::vector<OutputSpec> specs;
    for (const auto &o : outputs)
        if (isIdentifier(o.name))
            specs.push_back({o.name, o.type.rfind("array", 0) == 0 ? "array" : o.type, "Returned by main (" + o.type + ")"});
    return specs;
}

nlohmann::json CodeConfig::nullOutputs() const
{
    nlohmann::json out = nlohmann::json::object();
    for (const auto &o : outputs)
        out[o.name] = nullptr;
    return out;
}

std::string CodeConfig::checkOutputs(const nlohmann::json &returned) const
{
    if (!returned.is_object())
        return "The code did not return an object.";
    for (const auto &o : outputs) {
        const auto it = returned.find(o.name);
        if (it == returned.end())
            return "The code returned no field '" + o.name + "', which the node declares as " + o.type + ".";
        if (const std::string actual = mismatch(*it, o.type); !actual.empty())
            return "The code's output '" + o.name + "' has the type " + actual + ", but the node declares it as " +
                   o.type + ".";
    }
    return {};
}

} // namespace flowdeck::engine
