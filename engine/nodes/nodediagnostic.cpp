#include "engine/nodes/nodediagnostic.h"

namespace flowdeck::engine {

Diagnostic nodeDiagnostic(const NodeSpec &node, std::string code, std::string field, std::string message,
                          std::vector<std::string> args)
{
    Diagnostic d;
    d.code = std::move(code);
    d.nodeId = node.id;
    d.field = std::move(field);
    d.message = std::move(message);
    d.args = std::move(args);
    return d;
}

} // namespace flowdeck::engine
