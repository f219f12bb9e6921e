#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace flowdeck::engine {

// The text parts of a tools/call result, joined by newlines (images and other parts skipped).
std::string mcpResultText(const nlohmann::json &result);

} // namespace flowdeck::engine
