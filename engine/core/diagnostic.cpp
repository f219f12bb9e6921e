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

bool hasErrors(const Diagnostics &diagnostics)
{
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic &d) { return d.isError(); });
}

} // namespace flowdeck::engine
