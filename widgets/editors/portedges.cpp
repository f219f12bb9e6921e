#include "widgets/editors/portedges.h"

#include "widgets/document/commands.h"
#include "widgets/document/graphdocument.h"
#include "widgets/editors/nodeeditors.h"

#include <vector>

namespace flowdeck::studio {

void setConfigWithPorts(const NodeEditorContext &context, const QString &text, const std::string &pointer,
                        nlohmann::json value, const std::map<std::string, std::string> &ports)
{
    GraphDocument *doc = context.doc;
    std::vector<engine::EdgeSpec> gone, moved;
    for (const auto &e : doc->workflow().edges) {
        const auto it = e.from == context.nodeId ? ports.find(e.fromPort) : ports.end();
        if (it == ports.end() || it->first == it->second)
            continue;
        gone.push_back(e);
        if (!it->second.empty())
            moved.push_back({e.from, e.to, it->second});
    }
    if (gone.empty())
        return context.edit(pointer, std::move(value), false);
    context.macro(text, [&] {
        for (const auto &e : gone)
            doc->undoStack()->push(new DisconnectCommand(doc, e));
        doc->undoStack()->push(new SetConfigFieldCommand(doc, context.nodeId, pointer, value, false));
        for (const auto &e : moved)
            doc->undoStack()->push(new ConnectCommand(doc, e));
    });
}

} // namespace flowdeck::studio
