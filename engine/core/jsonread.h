#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <istream>
#include <string>
#include <string_view>

namespace flowdeck::engine {

// How deep a JSON document from outside may nest. Deeper documents are refused while
// parsing, before anything recursive (copying, writing, schema checks) can exhaust
// the stack: 128 is far beyond any real workflow, bundle, MCP message or model answer.
inline constexpr std::size_t kMaxJsonDepth = 128;

struct JsonReadError {
    enum class Kind { None, Syntax, TooDeep, NumberTooLarge };
    Kind kind = Kind::None;
    std::size_t offset = 0;  // byte offset of the problem in the text
    std::size_t line = 0;    // 1-based
    std::size_t column = 0;  // 1-based, in characters
    std::string message;     // "the number 1e400 is too large", "it nests more than 128 levels deep", ...
    explicit operator bool() const { return kind != Kind::None; }
    // "line 3, column 17: the number 1e400 is too large"
    std::string describe() const;
};

// Parses JSON that came from outside (a file, an HTTP body, a peer's message) and never
// throws: a document that is not JSON, nests deeper than `maxDepth` or holds a number
// too large for a double gives a discarded value (is_discarded()) and, with `error`,
// what was wrong and where.
nlohmann::json parseJson(std::string_view text, JsonReadError *error = nullptr, std::size_t maxDepth = kMaxJsonDepth);
nlohmann::json parseJson(std::istream &in, JsonReadError *error = nullptr, std::size_t maxDepth = kMaxJsonDepth);
// The same, keeping the keys in the order they were written.
nlohmann::ordered_json parseOrderedJson(std::string_view text, JsonReadError *error = nullptr,
                                        std::size_t maxDepth = kMaxJsonDepth);

// The 1-based line and column (in characters) of byte `offset` of `text`.
void lineAndColumn(std::string_view text, std::size_t offset, std::size_t &line, std::size_t &column);

// Whether `text` is well-formed UTF-8, and a copy with each bad byte replaced by U+FFFD.
bool isValidUtf8(std::string_view text);
std::string validUtf8(std::string_view text);

// The deepest nesting of brackets in `text` (outside strings), stopping early once past
// `limit`; with `where`, the offset of the first bracket that went past it.
std::size_t jsonDepth(std::string_view text, std::size_t limit, std::size_t *where = nullptr);

} // namespace flowdeck::engine
