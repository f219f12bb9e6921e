#include "widgets/document/workflowpartcommand.h"

#include "widgets/document/graphdocument.h"

namespace flowdeck {
namespace studio {

namespace {

// Each part: where it is in the workflow, and how the document is told it changed.
const std::vector<engine::InputSpec> &partOf(const engine::Workflow &wf, const std::vector<engine::InputSpec> *) { return wf.inputs; }
const std::vector<engine::VariableSpec> &partOf(const engine::Workflow &wf, const std::vector<engine::VariableSpec> *) { return wf.variables; }
const std::vector<engine::EnvSpec> &partOf(const engine::Workflow &wf, const std::vector<engine::EnvSpec> *) { return wf.env; }
const engine::OpeningSpec &partOf(const engine::Workflow &wf, const engine::OpeningSpec *) { return wf.opening; }

void setPart(GraphDocument *doc, const std::vector<engine::InputSpec> &v) { doc->setInputs(v); }
void setPart(GraphDocument *doc, const std::vector<engine::VariableSpec> &v) { doc->setVariables(v); }
void setPart(GraphDocument *doc, const std::vector<engine::EnvSpec> &v) { doc->setEnv(v); }
void setPart(GraphDocument *doc, const engine::OpeningSpec &v) { doc->setOpening(v); }

} // namespace

template <typename Part, int Id>
SetWorkflowPartCommand<Part, Id>::SetWorkflowPartCommand(GraphDocument *doc, Part value, const QString &text,
                                                         const QString &mergeKey)
    : m_doc(doc), m_after(std::move(value)), m_before(partOf(doc->workflow(), static_cast<const Part *>(nullptr))),
      m_mergeKey(mergeKey)
{
    setText(text);
}

template <typename Part, int Id>
void SetWorkflowPartCommand<Part, Id>::redo()
{
    setPart(m_doc, m_after);
}

template <typename Part, int Id>
void SetWorkflowPartCommand<Part, Id>::undo()
{
    setPart(m_doc, m_before);
}

template <typename Part, int Id>
bool SetWorkflowPartCommand<Part, Id>::mergeWith(const QUndoCommand *other)
{
    const auto *edit = static_cast<const SetWorkflowPartCommand *>(other);
    if (m_mergeKey.isEmpty() || edit->m_mergeKey != m_mergeKey || edit->m_doc != m_doc)
        return false;
    m_after = edit->m_after;
    return true;
}

template class SetWorkflowPartCommand<std::vector<engine::InputSpec>, 3>;
template class SetWorkflowPartCommand<std::vector<engine::VariableSpec>, 7>;
template class SetWorkflowPartCommand<std::vector<engine::EnvSpec>, 32>;
template class SetWorkflowPartCommand<engine::OpeningSpec, 33>;

} // namespace studio
} // namespace flowdeck
