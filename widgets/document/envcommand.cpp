#include "widgets/document/envcommand.h"

#include "widgets/document/graphdocument.h"

namespace flowdeck {
namespace studio {

SetEnvCommand::SetEnvCommand(GraphDocument *doc, std::vector<engine::EnvSpec> env, const QString &text,
                             const QString &mergeKey)
    : m_doc(doc), m_after(std::move(env)), m_before(doc->workflow().env), m_mergeKey(mergeKey)
{
    setText(text);
}

void SetEnvCommand::redo() { m_doc->setEnv(m_after); }

void SetEnvCommand::undo() { m_doc->setEnv(m_before); }

bool SetEnvCommand::mergeWith(const QUndoCommand *other)
{
    const auto *edit = static_cast<const SetEnvCommand *>(other);
    if (m_mergeKey.isEmpty() || edit->m_mergeKey != m_mergeKey || edit->m_doc != m_doc)
        return false;
    m_after = edit->m_after;
    return true;
}

} // namespace studio
} // namespace flowdeck
