#pragma once

#include "engine/workflow/workflow.h"

#include <QString>
#include <QUndoCommand>

#include <vector>

namespace flowdeck {
namespace studio {

class GraphDocument;

// Replaces one part of the workflow as a whole: the start node's inputs, the conversation
// variables, the environment variables, a chat app's opening. Consecutive edits with the
// same non-empty `mergeKey` (typing in one field or cell) merge into one undo step; `Id`
// keeps each part's edits apart.
template <typename Part, int Id>
class SetWorkflowPartCommand : public QUndoCommand {
public:
    SetWorkflowPartCommand(GraphDocument *doc, Part value, const QString &text, const QString &mergeKey = {});
    void redo() override;
    void undo() override;
    int id() const override { return Id; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    GraphDocument *m_doc;
    Part m_after, m_before;
    QString m_mergeKey;
};

using SetInputsCommand = SetWorkflowPartCommand<std::vector<engine::InputSpec>, 3>;
using SetVariablesCommand = SetWorkflowPartCommand<std::vector<engine::VariableSpec>, 7>;
using SetEnvCommand = SetWorkflowPartCommand<std::vector<engine::EnvSpec>, 32>;
using SetOpeningCommand = SetWorkflowPartCommand<engine::OpeningSpec, 33>;

extern template class SetWorkflowPartCommand<std::vector<engine::InputSpec>, 3>;
extern template class SetWorkflowPartCommand<std::vector<engine::VariableSpec>, 7>;
extern template class SetWorkflowPartCommand<std::vector<engine::EnvSpec>, 32>;
extern template class SetWorkflowPartCommand<engine::OpeningSpec, 33>;

} // namespace studio
} // namespace flowdeck
