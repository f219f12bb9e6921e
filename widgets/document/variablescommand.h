#pragma once

#include "engine/workflow/workflow.h"

#include <QString>
#include <QUndoCommand>

#include <vector>

namespace flowdeck {
namespace studio {

class GraphDocument;

// Replaces the workflow's conversation variables (Workflow → Conversation Variables).
// Consecutive edits with the same non-empty `mergeKey` (typing in one cell) merge into
// one step.
class SetVariablesCommand : public QUndoCommand {
public:
    SetVariablesCommand(GraphDocument *doc, std::vector<engine::VariableSpec> variables, const QString &text,
                        const QString &mergeKey = {});
    void redo() override;
    void undo() override;
    int id() const override { return 7; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    GraphDocument *m_doc;
    std::vector<engine::VariableSpec> m_after, m_before;
    QString m_mergeKey;
};

} // namespace studio
} // namespace flowdeck
