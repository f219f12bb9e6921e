#include "engine/import/difyyaml.h"

#include "engine/core/jsonread.h"

#include <yaml-cpp/yaml.h>

#include <cerrno>
#include <cstdio>
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

// `text` as UTF-8: the bytes yaml-cpp leaves for the escapes \_ and \N (0xA0, 0x85) as the
// characters they stand for, any other byte that begins no UTF-8 character as U+FFFD.
std::string repairedUtf8(std::string_view text)
{
    std::string out;
    out.reserve(text.size() + 8);
    bool afterCharacter = true;  // the byte before ended a character (not a bad byte)
    for (std::size_t i = 0; i < text.size();) {
        std::size_t n = 1;
        const auto lead = static_cast<unsigned char>(text[i]);
        if (lead >= 0x80) {
            n = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
            const bool invalid = n == 0 || i + n > text.size() || !isValidUtf8(text.substr(i, n));
            const bool escape = invalid && afterCharacter && (lead == 0xA0 || lead == 0x85);
            afterCharacter = !invalid || escape;
            if (escape) {
                out += static_cast<char>(0xC0 | (lead >> 6));
                out += static_cast<char>(0x80 | (lead & 0x3F));
                ++i;
                continue;
            }
            if (invalid) {  // any other bad byte: U+FFFD
                out += "\xEF\xBF\xBD";
                ++i;
                continue;
            }
        }
        afterCharacter = true;
        out.append(text.substr(i, n));
        i += n;
    }
    return out;
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
            // Text that is not UTF-8 could not be written out as JSON. yaml-cpp writes the
            // escapes \_ (U+00A0) and \N (U+0085) as single Latin-1 bytes: such a byte is read
            // as the character it stands for.
            const std::string valid = isValidUtf8(text) ? text : repairedUtf8(text);
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

int hexValue(std::string_view text, std::size_t at)
{
    if (at + 4 > text.size())
        return -1;
    int v = 0;
    for (std::size_t i = at; i < at + 4; ++i) {
        const char c = text[i];
        const int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0)
            return -1;
        v = v * 16 + d;
    }
    return v;
}

// JSON-style surrogate pairs (\ud83c\udf10, as a JSON encoder writes an emoji) that YAML
// does not take, as one \U escape; a lone surrogate as U+FFFD. Used only on a document that
// failed with "invalid unicode": elsewhere a backslash may mean itself.
std::string joinedSurrogates(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\\' || i + 1 >= text.size()) {
            out += text[i];
            continue;
        }
        if (text[i + 1] != 'u') {  // another escape, "\\" among them: kept as it is
            out.append(text.substr(i, 2));
            ++i;
            continue;
        }
        const int high = hexValue(text, i + 2);
        if (high < 0xD800 || high > 0xDFFF) {
            out += text[i];
            continue;
        }
        const int low = high <= 0xDBFF && i + 7 < text.size() && text[i + 6] == '\\' && text[i + 7] == 'u' ? hexValue(text, i + 8) : -1;
        if (low >= 0xDC00 && low <= 0xDFFF) {
            char joined[16];
            std::snprintf(joined, sizeof joined, "\\U%08X", 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00));
            out += joined;
            i += 11;
        } else {
            out += "\\uFFFD";
            i += 5;
        }
    }
    return out;
}

nlohmann::json parsed(const std::string &text, YamlError &error, const YamlLimits &limits)
{
    const YAML::Node root = YAML::Load(text);
    nlohmann::json out;
    Converter converter(limits, error);
    if (!converter.convert(root, out, 0))
        return nlohmann::json::value_t::discarded;
    return out;
}

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
        try {
            return parsed(std::string(text), error, limits);
        } catch (const YAML::Exception &e) {
            // Only a JSON document (an export answer) is rewritten: elsewhere "\\ud83d" may
            // be a program's own text, in a block or single-quoted scalar.
            const std::size_t first = text.find_first_not_of(" \t\r\n");
            if (e.msg.find("invalid unicode") == std::string::npos || first == std::string_view::npos || text[first] != '{')
                throw;
            const std::string joined = joinedSurrogates(text);
            if (joined == text)
                throw;
            return parsed(joined, error, limits);  // an emoji written the way JSON writes it
        }
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
