#pragma once

#include "engine/core/diagnostic.h"
#include "engine/nodes/nodedescriptor.h"
#include "engine/sandbox/codecall.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace flowdeck::engine {

// A code node's config (DESIGN.md §3, code), read without throwing:
//   {language: python3 | javascript, code, inputs: [{name, value}],
//    outputs: [{name, type}], limits: {cpuMs, wallMs, memoryMb, outputKb, printKb}}
// Shared by the node, its validation and the studio's "run this node" (coderun.h).
class CodeConfig {
public:
    struct Input {
        std::string name;
        nlohmann::json value;  // a template: "{{node.output}}" keeps the value's JSON type
    };
    struct Output {
        std::string name;
        std::string type;  // one of types()
    };

    // string, number, boolean, object, array[string], array[number], array[object],
    // array[boolean], array, any
    static const std::vector<std::string> &types();

    explicit CodeConfig(const nlohmann::json &config);

    std::string languageName;  // as written
    bool languageKnown = false;
    CodeLanguage language = CodeLanguage::Python;
    std::string code;
    std::vector<Input> inputs;
    std::vector<Output> outputs;
    CodeLimits limits;

    // Every problem a person must fix before the node can run, for `nodeId`.
    Diagnostics problems(const std::string &nodeId) const;
    // The declared outputs, for references ({{code1.result}}) to be checked against.
    std::vector<OutputSpec> outputSpecs() const;
    // Each declared output null: the outputs when the node fails with onError "continue".
    nlohmann::json nullOutputs() const;
    // Whether what main returned fits the declaration: a sentence naming the field and
    // both types, or empty. Null fits any type; fields beyond the declared ones are kept.
    std::string checkOutputs(const nlohmann::json &returned) const;
};

} // namespace flowdeck::engine
