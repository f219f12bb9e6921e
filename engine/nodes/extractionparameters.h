#pragma once

#include "engine/core/diagnostic.h"
#include "engine/core/jsonschema.h"

#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <vector>

namespace flowdeck::engine {

// The typed parameters an extractor node asks a model to fill (DESIGN.md §3), read from
// its config: the JSON Schema sent to the model, and the check of what came back.
struct ExtractionParameter {
    std::string name;
    std::string type;  // string, number, boolean, object, array[string], array[number], array[object]
    std::string description;
    bool required = false;
    nlohmann::json allowed;  // the "enum" values, or null
};

class ExtractionParameters {
public:
    static const std::vector<std::string> &types();
    static bool isKnownType(const std::string &type);
    // The output type ("string", "number", "boolean", "object", "array") of a parameter type.
    static std::string outputType(const std::string &type);

    explicit ExtractionParameters(const nlohmann::json &config);  // config.parameters; bad entries skipped

    const std::vector<ExtractionParameter> &list() const { return m_list; }

    // For the model: every parameter a key (optional ones nullable), closed objects.
    nlohmann::json modelSchema() const;
    // Whether the provider's strict mode can hold the model to the schema: free-form
    // objects cannot be described closed, as strict mode needs.
    bool strictPossible() const;
    // The parameters as lines for a prompt: "- "city" (text, required): where it happens."
    std::string describe() const;

    // What is wrong with a model's answer, in a sentence fragment ("the required
    // parameter 'city' is missing"), or empty when it fits.
    std::string problemWith(const nlohmann::json &answer) const;
    // The output values: each parameter's value from the answer, null when absent.
    nlohmann::json values(const nlohmann::json &answer) const;
    // Each parameter null.
    nlohmann::json nullValues() const;

private:
    nlohmann::json schema(bool forModel) const;

    std::vector<ExtractionParameter> m_list;
    mutable std::shared_ptr<const JsonSchema> m_check;  // required ones present, every value of its type
};

} // namespace flowdeck::engine
