#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace flowdeck::engine::dify {

// Bounds on a YAML document from outside: its size, how deep it nests, and how much it may
// grow when aliases are expanded (a "billion laughs" file is small but expands without end).
struct YamlLimits {
    std::size_t maxBytes = 32 * 1024 * 1024;
    std::size_t maxDepth = 128;
    std::size_t maxValues = 2'000'000;          // scalars, lists and maps, aliases counted each time
    std::size_t maxTextBytes = 128 * 1024 * 1024;  // all strings together, aliases counted each time
};

struct YamlError {
    std::size_t line = 0;    // 1-based; 0 when the problem has no place
    std::size_t column = 0;  // 1-based
    std::string message;     // a sentence: what is wrong
    std::string describe() const;  // "line 3, column 7: ..."
};

// YAML (1.1 scalars, as Dify's Python writes and reads them) as JSON. Never throws: on
// failure the value is discarded (is_discarded()) and `error` says what and where.
nlohmann::json yamlToJson(std::string_view text, YamlError &error, const YamlLimits &limits = {});

} // namespace flowdeck::engine::dify
