#include "engine/core/diagnostic.h"

#include <algorithm>

namespace flowdeck::engine {

nlohmann::json Diagnostic::toJson() const
{
    nlohmann::json j = {{"severity", isError() ? "error" : "warning"},
                        {"code", code},
                        {"message", message}};
    if (!nodeId.empty())
        j["node"] = nodeId;
    if (!field.empty())
        j["field"] = field;
    if (line > 0) {
        j["line"] = line;
        j["column"] = column;
    }
    return j;
}

std::string Diagnostic::toString() const
{
    std::string where;
    if (line > 0)
        where = "line " + std::to_string(line) + ", column " + std::to_string(column);
    if (!nodeId.empty())
        where += (where.empty() ? "" : ", ") + std::string("node '") + nodeId + "'";
    if (!field.empty())
        where += (where.empty() ? "" : ", ") + field;
    std::string prefix = isError() ? "error" : "warning";
    return where.empty() ? prefix + ": " + message : prefix + ": " + where + ": " + message;
}

std::string truncateUtf8(const std::string &text, std::size_t maxBytes)
{
    if (text.size() <= maxBytes)
        return text;
    std::size_t end = maxBytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
        --end;
    return text.substr(0, end);
}

std::string safeDump(const nlohmann::json &value, int indent)
{
    return value.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

bool hasErrors(const Diagnostics &diagnostics)
{
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic &d) { return d.isError(); });
}

} // namespace flowdeck::engine
