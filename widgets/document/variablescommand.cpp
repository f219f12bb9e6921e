#include "widgets/document/variablescommand.h"

#include "widgets/document/graphdocument.h"

namespace flowdeck {
namespace studio {

SetVariablesCommand::SetVariablesCommand(GraphDocument *doc, std::vector<engine::VariableSpec> variables,
                                         const QString &text, const QString &mergeKey)
    : m_doc(doc), m_after(std::move(variables)), m_before(doc->workflow().variables), m_mergeKey(mergeKey)
{
    setText(text);
}

void SetVariablesCommand::redo() { m_doc->setVariables(m_after); }

void SetVariablesCommand::undo() { m_doc->setVariables(m_before); }

bool SetVariablesCommand::mergeWith(const QUndoCommand *other)
{
    const auto *edit = static_cast<const SetVariablesCommand *>(other);
    if (m_mergeKey.isEmpty() || edit->m_mergeKey != m_mergeKey || edit->m_doc != m_doc)
        return false;
    m_after = edit->m_after;
    return true;
}

} // namespace studio
} // namespace flowdeck
