#pragma once

#include <QUndoCommand>

#include <nlohmann/json.hpp>

#include <string>

namespace flowdeck::studio {

class GraphDocument;

// Sets one value in the workflow's app guard policy (its top-level "guard") at a JSON
// pointer ("/input/checks/pii", "/reply"); null removes it. Typing in one field merges
// into one step, as SetConfigFieldCommand does for a node.
class SetGuardPolicyCommand : public QUndoCommand {
public:
    SetGuardPolicyCommand(GraphDocument *doc, std::string pointer, nlohmann::json value, bool merge, const QString &text);
    void redo() override;
    void undo() override;
    int id() const override { return 18; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    GraphDocument *m_doc;
    std::string m_pointer;
    nlohmann::json m_value, m_before;
    bool m_merge;
};

} // namespace flowdeck::studio
