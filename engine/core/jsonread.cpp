#include "engine/core/jsonread.h"

#include <iterator>
#include <vector>

namespace flowdeck::engine {

namespace {

// A SAX handler that builds the document like nlohmann's own, refusing to go deeper
// than the limit and keeping the first error with its byte position.
template <typename BasicJson>
class LimitedBuilder {
public:
    using number_integer_t = typename BasicJson::number_integer_t;
    using number_unsigned_t = typename BasicJson::number_unsigned_t;
    using number_float_t = typename BasicJson::number_float_t;
    using string_t = typename BasicJson::string_t;
    using binary_t = typename BasicJson::binary_t;

    LimitedBuilder(BasicJson &root, std::size_t maxDepth) : m_root(root), m_maxDepth(maxDepth) {}

    bool null() { return add(nullptr) != nullptr; }
    bool boolean(bool v) { return add(v) != nullptr; }
    bool number_integer(number_integer_t v) { return add(v) != nullptr; }
    bool number_unsigned(number_unsigned_t v) { return add(v) != nullptr; }
    bool number_float(number_float_t v, const string_t &) { return add(v) != nullptr; }
    bool string(string_t &v) { return add(std::move(v)) != nullptr; }
    bool binary(binary_t &v) { return add(BasicJson::binary(std::move(v))) != nullptr; }
    bool start_object(std::size_t) { return open(BasicJson::object()); }
    bool key(string_t &k)
    {
        m_key = std::move(k);
        return true;
    }
    bool end_object()
    {
        m_stack.pop_back();
        return true;
    }
    bool start_array(std::size_t) { return open(BasicJson::array()); }
    bool end_array()
    {
        m_stack.pop_back();
        return true;
    }
    bool parse_error(std::size_t position, const std::string &token, const nlohmann::detail::exception &e)
    {
        m_errorAt = position;
        m_token = token;
        m_errorId = e.id;
        m_errorText = e.what();
        return false;
    }

    bool tooDeep() const { return m_tooDeep; }
    std::size_t errorAt() const { return m_errorAt; }
    int errorId() const { return m_errorId; }
    const std::string &token() const { return m_token; }
    const std::string &errorText() const { return m_errorText; }

private:
    template <typename Value>
    BasicJson *add(Value &&v)
    {
        if (m_stack.empty()) {
            m_root = BasicJson(std::forward<Value>(v));
            return &m_root;
        }
        BasicJson &parent = *m_stack.back();
        if (parent.is_array()) {
            parent.push_back(BasicJson(std::forward<Value>(v)));
            return &parent.back();
        }
        BasicJson &slot = parent[m_key];
        slot = BasicJson(std::forward<Value>(v));
        return &slot;
    }

    bool open(BasicJson container)
    {
        if (m_stack.size() >= m_maxDepth) {
            m_tooDeep = true;
            return false;
        }
        BasicJson *added = add(std::move(container));
        m_stack.push_back(added);
        return true;
    }

    BasicJson &m_root;
    std::size_t m_maxDepth;
    std::vector<BasicJson *> m_stack;
    string_t m_key;
    bool m_tooDeep = false;
    std::size_t m_errorAt = 0;
    int m_errorId = 0;
    std::string m_token, m_errorText;
};

template <typename BasicJson>
BasicJson parseLimited(std::string_view text, JsonReadError *error, std::size_t maxDepth)
{
    BasicJson root;
    LimitedBuilder<BasicJson> builder(root, maxDepth);
    bool ok = false;
    try {
        ok = BasicJson::sax_parse(text.begin(), text.end(), &builder, nlohmann::json::input_format_t::json, true);
    } catch (const std::exception &) {
        ok = false;  // sax_parse reports through parse_error; this is a last guard
    }
    if (ok)
        return root;
    if (error) {
        JsonReadError &e = *error;
        if (builder.tooDeep()) {
            e.kind = JsonReadError::Kind::TooDeep;
            jsonDepth(text, maxDepth, &e.offset);
            e.message = "it nests more than " + std::to_string(maxDepth) + " levels deep";
        } else if (builder.errorId() == 406) {
            e.kind = JsonReadError::Kind::NumberTooLarge;
            const std::string &number = builder.token();
            e.offset = builder.errorAt() >= number.size() ? builder.errorAt() - number.size() : 0;
            e.message = "the number " + number + " is too large";
        } else {
            e.kind = JsonReadError::Kind::Syntax;
            e.offset = builder.errorAt() > 0 ? std::min(builder.errorAt() - 1, text.size()) : 0;
            std::string what = builder.errorText();
            if (auto at = what.find("syntax error while parsing "); at != std::string::npos && what.find(" - ", at) != std::string::npos)
                what = what.substr(what.find(" - ", at) + 3);
            else if (auto colon = what.find(": ", what.find("column")); colon != std::string::npos)
                what = what.substr(colon + 2);
            e.message = what.empty() ? "it is not valid JSON" : what;
        }
        lineAndColumn(text, e.offset, e.line, e.column);
    }
    return BasicJson(BasicJson::value_t::discarded);
}

} // namespace

void lineAndColumn(std::string_view text, std::size_t offset, std::size_t &line, std::size_t &column)
{
    line = 1;
    column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++column;  // characters, not bytes: a Chinese character is one column
        }
    }
}

std::string JsonReadError::describe() const
{
    return "line " + std::to_string(line) + ", column " + std::to_string(column) + ": " + message;
}

namespace {

// The length of the well-formed UTF-8 sequence at text[i], or 0 when it is not one.
std::size_t sequenceAt(std::string_view text, std::size_t i)
{
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char c = b(i);
    if (c < 0x80)
        return 1;
    std::size_t n = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF)
        n = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        lo = c == 0xE0 ? 0xA0 : 0x80;
        hi = c == 0xED ? 0x9F : 0xBF;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        lo = c == 0xF0 ? 0x90 : 0x80;
        hi = c == 0xF4 ? 0x8F : 0xBF;
    } else
        return 0;
    if (i + n > text.size() || b(i + 1) < lo || b(i + 1) > hi)
        return 0;
    for (std::size_t k = 2; k < n; ++k)
        if (b(i + k) < 0x80 || b(i + k) > 0xBF)
            return 0;
    return n;
}

} // namespace

bool isValidUtf8(std::string_view text)
{
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t n = sequenceAt(text, i);
        if (n == 0)
            return false;
        i += n;
    }
    return true;
}

std::string validUtf8(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t n = sequenceAt(text, i);
        if (n == 0) {
            out += "\xEF\xBF\xBD";
            ++i;
        } else {
            out.append(text.substr(i, n));
            i += n;
        }
    }
    return out;
}

std::size_t jsonDepth(std::string_view text, std::size_t limit, std::size_t *where)
{
    std::size_t depth = 0, deepest = 0;
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            if (++depth > deepest) {
                deepest = depth;
                if (deepest > limit) {
                    if (where)
                        *where = i;
                    return deepest;
                }
            }
        } else if ((c == '}' || c == ']') && depth > 0) {
            --depth;
        }
    }
    return deepest;
}

nlohmann::json parseJson(std::string_view text, JsonReadError *error, std::size_t maxDepth)
{
    return parseLimited<nlohmann::json>(text, error, maxDepth);
}

nlohmann::json parseJson(std::istream &in, JsonReadError *error, std::size_t maxDepth)
{
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    return parseLimited<nlohmann::json>(text, error, maxDepth);
}

nlohmann::ordered_json parseOrderedJson(std::string_view text, JsonReadError *error, std::size_t maxDepth)
{
    return parseLimited<nlohmann::ordered_json>(text, error, maxDepth);
}

} // namespace flowdeck::engine
