#pragma once

#include "engine/workflow/workflow.h"

#include <QString>
#include <QUndoCommand>

#include <vector>

namespace flowdeck {
namespace studio {

class GraphDocument;

// Replaces the workflow's environment variables (Workflow Settings → Environment
// Variables). Consecutive edits with the same non-empty `mergeKey` (typing in one cell)
// merge into one step.
class SetEnvCommand : public QUndoCommand {
public:
    SetEnvCommand(GraphDocument *doc, std::vector<engine::EnvSpec> env, const QString &text, const QString &mergeKey = {});
    void redo() override;
    void undo() override;
    int id() const override { return 32; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    GraphDocument *m_doc;
    std::vector<engine::EnvSpec> m_after, m_before;
    QString m_mergeKey;
};

} // namespace studio
} // namespace flowdeck
