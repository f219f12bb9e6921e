#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace flowdeck::engine {

// One problem found while loading or validating a workflow, written for a person who
// is not a programmer: where it is (node, field, line) and what to do about it.
struct Diagnostic {
    enum class Severity { Error, Warning };

    Severity severity = Severity::Error;
    std::string code;     // stable identifier, e.g. "dangling-edge"
    std::string nodeId;   // empty when the problem is not about one node
    std::string field;    // e.g. "config.prompt", "edges[2].to"
    std::string message;  // a full sentence
    std::vector<std::string> args;  // the message's variable parts, for its translation (core/messages.h)
    int line = 0;         // 1-based; 0 when unknown
    int column = 0;

    bool isError() const { return severity == Severity::Error; }
    nlohmann::json toJson() const;
    std::string toString() const;  // "node 'x', config.prompt: message"
};

using Diagnostics = std::vector<Diagnostic>;

bool hasErrors(const Diagnostics &diagnostics);

// At most `maxBytes` of `text`, never cutting a UTF-8 character in half.
std::string truncateUtf8(const std::string &text, std::size_t maxBytes);
// JSON text that never throws: invalid UTF-8 bytes become U+FFFD.
std::string safeDump(const nlohmann::json &value, int indent = -1);

} // namespace flowdeck::engine
