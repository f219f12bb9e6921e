#pragma once

#include "widgets/document/graphdocument.h"

#include <QUndoCommand>

namespace flowdeck {
namespace studio {

// Pins a node's output as test data ({"outputs", "port"}), or unpins it with a null pin.
// Studio runs replay a pinned node instead of running it; deploy bundles leave pins out.
class PinOutputCommand : public QUndoCommand {
public:
    PinOutputCommand(GraphDocument *doc, std::string nodeId, nlohmann::json pin);
    void redo() override;
    void undo() override;

private:
    GraphDocument *m_doc;
    std::string m_node;
    nlohmann::json m_pin, m_before;
};

} // namespace studio
} // namespace flowdeck
