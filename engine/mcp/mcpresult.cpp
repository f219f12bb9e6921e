#include "engine/mcp/mcpresult.h"
#include "engine/core/jsonaccess.h"

namespace flowdeck::engine {

std::string mcpResultText(const nlohmann::json &result)
{
    std::string text;
    if (!result.is_object() || !result.contains("content") || !result["content"].is_array())
        return text;
    for (const auto &c : result["content"]) {
        if (!c.is_object() || engine::valueOr(c, "type", "") != "text")
            continue;
        if (!text.empty())
            text += "\n";
        text += engine::valueOr(c, "text", "");
    }
    return text;
}

} // namespace flowdeck::engine
