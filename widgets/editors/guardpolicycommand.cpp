#include "widgets/editors/guardpolicycommand.h"

#include "widgets/document/commands.h"
#include "widgets/document/graphdocument.h"

namespace flowdeck::studio {

SetGuardPolicyCommand::SetGuardPolicyCommand(GraphDocument *doc, std::string pointer, nlohmann::json value, bool merge,
                                             const QString &text)
    : m_doc(doc), m_pointer(std::move(pointer)), m_value(std::move(value)), m_before(doc->workflow().guard), m_merge(merge)
{
    setText(text);
}

void SetGuardPolicyCommand::redo()
{
    nlohmann::json guard = m_before.is_object() ? m_before : nlohmann::json::object();
    setAtPointer(guard, m_pointer, m_value);
    m_doc->setGuard(std::move(guard));
}

void SetGuardPolicyCommand::undo() { m_doc->setGuard(m_before); }

bool SetGuardPolicyCommand::mergeWith(const QUndoCommand *other)
{
    const auto *edit = static_cast<const SetGuardPolicyCommand *>(other);
    if (!m_merge || !edit->m_merge || edit->m_doc != m_doc || edit->m_pointer != m_pointer)
        return false;
    m_value = edit->m_value;
    return true;
}

} // namespace flowdeck::studio
