#include "engine/import/difyyaml.h"

#include "engine/core/jsonread.h"

#include <yaml-cpp/yaml.h>

#include <cerrno>
#include <cstdlib>
#include <regex>

namespace flowdeck::engine::dify {

namespace {

// Plain (unquoted) scalars resolve as PyYAML's safe loader resolves them, since Dify
// writes and reads its DSL with it: yes/no/on/off are booleans, ids stay text when they
// would not survive as a number.
bool isYamlBool(const std::string &s, bool &value)
{
    static const char *const kTrue[] = {"true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON"};
    static const char *const kFalse[] = {"false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF"};
    for (const char *t : kTrue)
        if (s == t)
            return value = true, true;
    for (const char *f : kFalse)
        if (s == f)
            return value = false, true;
    return false;
}

nlohmann::json plainScalar(const std::string &s)
{
    if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL")
        return nullptr;
    bool b = false;
    if (isYamlBool(s, b))
        return b;
    if (s.size() > 40)
        return s;
    static const std::regex kInt("[-+]?(0|[1-9][0-9]*)");
    static const std::regex kFloat("[-+]?([0-9]+\\.[0-9]*|\\.[0-9]+|[0-9]+)([eE][-+]?[0-9]+)?");
    if (std::regex_match(s, kInt)) {
        errno = 0;
        char *end = nullptr;
        const long long v = std::strtoll(s.c_str(), &end, 10);
        if (errno == 0 && end && *end == '\0')
            return v;
        return s;  // too large: kept as written (an id, most likely)
    }
    if (std::regex_match(s, kFloat) && (s.find('.') != std::string::npos || s.find_first_of("eE") != std::string::npos)) {
        errno = 0;
        char *end = nullptr;
        const double v = std::strtod(s.c_str(), &end);
        if (errno == 0 && end && *end == '\0')
            return v;
    }
    return s;
}

class Converter {
public:
    Converter(const YamlLimits &limits, YamlError &error) : m_limits(limits), m_error(error) {}

    bool convert(const YAML::Node &node, nlohmann::json &out, std::size_t depth)
    {
        if (++m_values > m_limits.maxValues)
            return fail(node, "the document expands to more than " + std::to_string(m_limits.maxValues) +
                                  " values (are aliases repeating one another?)");
        if (depth > m_limits.maxDepth)
            return fail(node, "it nests more than " + std::to_string(m_limits.maxDepth) + " levels deep");
        switch (node.Type()) {
        case YAML::NodeType::Undefined:
        case YAML::NodeType::Null:
            out = nullptr;
            return true;
        case YAML::NodeType::Scalar: {
            const std::string &text = node.Scalar();
            if ((m_text += text.size()) > m_limits.maxTextBytes)
                return fail(node, "its text expands to more than " + std::to_string(m_limits.maxTextBytes >> 20) +
                                      " MiB (are aliases repeating one another?)");
            // Text that is not UTF-8 could not be written out as JSON: bad bytes become U+FFFD.
            const std::string valid = isValidUtf8(text) ? text : validUtf8(text);
            out = node.Tag() == "?" ? plainScalar(valid) : nlohmann::json(valid);
            return true;
        }
        case YAML::NodeType::Sequence:
            out = nlohmann::json::array();
            for (const auto &item : node) {
                nlohmann::json value;
                if (!convert(item, value, depth + 1))
                    return false;
                out.push_back(std::move(value));
            }
            return true;
        case YAML::NodeType::Map:
            out = nlohmann::json::object();
            for (const auto &pair : node) {
                nlohmann::json key;
                if (!convert(pair.first, key, depth + 1))
                    return false;
                std::string name = key.is_string() ? key.get<std::string>() : key.is_null() ? std::string() : key.dump();
                nlohmann::json value;
                if (!convert(pair.second, value, depth + 1))
                    return false;
                out[name] = std::move(value);
            }
            return true;
        }
        out = nullptr;
        return true;
    }

private:
    bool fail(const YAML::Node &node, const std::string &why)
    {
        const YAML::Mark mark = node.Mark();
        m_error.line = mark.line >= 0 ? static_cast<std::size_t>(mark.line) + 1 : 0;
        m_error.column = mark.column >= 0 ? static_cast<std::size_t>(mark.column) + 1 : 0;
        m_error.message = "The file cannot be read: " + why + ".";
        return false;
    }

    const YamlLimits &m_limits;
    YamlError &m_error;
    std::size_t m_values = 0;
    std::size_t m_text = 0;
};

} // namespace

std::string YamlError::describe() const
{
    if (line == 0)
        return message;
    return "line " + std::to_string(line) + ", column " + std::to_string(column) + ": " + message;
}

nlohmann::json yamlToJson(std::string_view text, YamlError &error, const YamlLimits &limits)
{
    error = {};
    if (text.size() > limits.maxBytes) {
        error.message = "The file is " + std::to_string(text.size() >> 20) + " MiB; a Dify app file is at most " +
                        std::to_string(limits.maxBytes >> 20) + " MiB.";
        return nlohmann::json::value_t::discarded;
    }
    try {
        const YAML::Node root = YAML::Load(std::string(text));
        nlohmann::json out;
        Converter converter(limits, error);
        if (!converter.convert(root, out, 0))
            return nlohmann::json::value_t::discarded;
        return out;
    } catch (const YAML::Exception &e) {
        error.line = e.mark.line >= 0 ? static_cast<std::size_t>(e.mark.line) + 1 : 0;
        error.column = e.mark.column >= 0 ? static_cast<std::size_t>(e.mark.column) + 1 : 0;
        error.message = "The file is not valid YAML: " + (e.msg.empty() ? std::string("it cannot be parsed") : e.msg) + ".";
    } catch (const std::exception &e) {
        error.message = std::string("The file cannot be read: ") + e.what() + ".";
    } catch (...) {
        error.message = "The file cannot be read.";
    }
    return nlohmann::json::value_t::discarded;
}

} // namespace flowdeck::engine::dify
