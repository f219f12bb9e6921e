#pragma once

#include "engine/core/diagnostic.h"

#include <QString>

#include <string>

namespace flowdeck::studio {

// The first diagnostic's sentence, or `fallback` when there is none (engine English).
std::string firstProblem(const engine::Diagnostics &diagnostics, const char *fallback);
// An engine sentence in the studio's language (engine/core/messages.h).
QString localizedProblem(const std::string &english);

} // namespace flowdeck::studio
