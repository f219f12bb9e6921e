#pragma once

#include "engine/core/diagnostic.h"

#include <nlohmann/json.hpp>

#include <memory>
#include <string>

namespace flowdeck::engine {

// A compiled JSON Schema (valijson) that reports violations as diagnostics.
class JsonSchema {
public:
    // Returns nullptr and fills `error` when the schema itself is malformed.
    static std::shared_ptr<const JsonSchema> compile(const nlohmann::json &schema,
                                                     std::string *error = nullptr);
    ~JsonSchema();

    struct Violation {
        std::string path;  // e.g. "nodes[2].config.prompt"; empty for the root
        std::string message;
    };
    // The deepest violations only: valijson also reports every enclosing level.
    std::vector<Violation> validate(const nlohmann::json &document) const;
    // "path: message; path: message", with "arguments" for the root.
    static std::string describe(const std::vector<Violation> &violations);

    const nlohmann::json &source() const { return m_source; }

private:
    JsonSchema() = default;
    struct Compiled;
    nlohmann::json m_source;
    std::unique_ptr<Compiled> m_compiled;
};

} // namespace flowdeck::engine
