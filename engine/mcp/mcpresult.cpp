#include "engine/mcp/mcpresult.h"

namespace flowdeck::engine {

std::string mcpResultText(const nlohmann::json &result)
{
    std::string text;
    if (!result.is_object() || !result.contains("content") || !result["content"].is_array())
        return text;
    for (const auto &c : result["content"]) {
        if (!c.is_object() || c.value("type", "") != "text")
            continue;
        if (!text.empty())
            text += "\n";
        text += c.value("text", "");
    }
    return text;
}

} // namespace flowdeck::engine
