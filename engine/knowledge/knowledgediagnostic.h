#pragma once

#include "engine/core/diagnostic.h"

#include <string>
#include <utility>
#include <vector>

namespace flowdeck::engine {

// An error of the knowledge base: a stable code ("knowledge-..."), a full sentence, and
// the sentence's variable parts for its translation.
inline Diagnostic knowledgeDiagnostic(std::string code, std::string message, std::vector<std::string> args = {})
{
    Diagnostic d;
    d.code = std::move(code);
    d.message = std::move(message);
    d.args = std::move(args);
    return d;
}

} // namespace flowdeck::engine
