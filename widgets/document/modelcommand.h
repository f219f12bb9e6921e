#pragma once

#include <QUndoCommand>

#include <nlohmann/json.hpp>

#include <map>
#include <string>

namespace flowdeck {
namespace studio {

class GraphDocument;

// Sets entries of the workflow's "models" (which provider and model each declared
// model uses): one step for one model's choice, or for every model bound at once.
class SetModelsCommand : public QUndoCommand {
public:
    SetModelsCommand(GraphDocument *doc, std::map<std::string, nlohmann::json> entries, const QString &text);
    void redo() override;
    void undo() override;

private:
    GraphDocument *m_doc;
    std::map<std::string, nlohmann::json> m_after, m_before;
};

} // namespace studio
} // namespace flowdeck
