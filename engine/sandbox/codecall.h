#pragma once

#include "engine/nodes/noderesult.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace flowdeck::engine {

enum class CodeLanguage { Python, JavaScript };

// "python3" and "javascript", as a code node's config names them.
const char *codeLanguageName(CodeLanguage language);
std::optional<CodeLanguage> codeLanguageFromName(std::string_view name);

// What one call of a code node may use (DESIGN.md §3, code). Set per node; the
// defaults suit a script that reshapes data.
struct CodeLimits {
    int cpuMs = 5000;     // processor time of the call
    int wallMs = 10000;   // time on the clock, waiting included
    int memoryMb = 256;   // the interpreter's memory for the code
    int outputKb = 1024;  // the returned object, as JSON
    int printKb = 256;    // what print() / console.log write

    nlohmann::json toJson() const;
    // The limits in `config` ({cpuMs, wallMs, ...}); absent or unusable fields keep the default.
    static CodeLimits fromJson(const nlohmann::json &config);
};

// One call: run `code`'s main with `inputs` (by name).
struct CodeCall {
    CodeLanguage language = CodeLanguage::Python;
    std::string code;
    nlohmann::json inputs = nlohmann::json::object();
    CodeLimits limits;
};

enum class CodeLimit { None, Cpu, Wall, Memory, Output, Print };
const char *codeLimitName(CodeLimit limit);  // "cpu", "wall", "memory", "output", "print"

// How a call ended. On success `outputs` is the object main returned; otherwise
// `error` is a sentence for the user, with the code's `line` when one is known.
struct CodeOutcome {
    bool ok = false;
    nlohmann::json outputs = nlohmann::json::object();
    std::string logs;  // what the code printed
    ErrorKind errorKind = ErrorKind::None;
    std::string error;
    int line = 0;
    CodeLimit limitHit = CodeLimit::None;
    double elapsedMs = 0;
    std::string sandbox;  // the confinement the worker ran under, e.g. "landlock-7,userns,netns,seccomp"
    int worker = 0;       // the process id of the worker that ran it (0: none did)

    static CodeOutcome failure(ErrorKind kind, std::string message, int line = 0);
    // The sentence for a limit that was hit, naming the limit and its value.
    static CodeOutcome limit(CodeLimit which, const CodeLimits &limits);
    nlohmann::json toJson() const;
};

} // namespace flowdeck::engine
