#include "widgets/debug/pincommand.h"

#include <QCoreApplication>

namespace flowdeck {
namespace studio {

PinOutputCommand::PinOutputCommand(GraphDocument *doc, std::string nodeId, nlohmann::json pin)
    : m_doc(doc), m_node(std::move(nodeId)), m_pin(std::move(pin))
{
    if (const auto *n = doc->node(m_node))
        m_before = n->pin;
    const QString name = QString::fromStdString(m_node);
    setText(m_pin.is_null() ? QCoreApplication::translate("Commands", "Unpin %1").arg(name) : QCoreApplication::translate("Commands", "Pin Output of %1").arg(name));
}

void PinOutputCommand::redo() { m_doc->setNodePin(m_node, m_pin); }

void PinOutputCommand::undo() { m_doc->setNodePin(m_node, m_before); }

} // namespace studio
} // namespace flowdeck
