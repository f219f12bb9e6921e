#include "widgets/document/modelcommand.h"

#include "widgets/document/graphdocument.h"

namespace flowdeck {
namespace studio {

SetModelsCommand::SetModelsCommand(GraphDocument *doc, std::map<std::string, nlohmann::json> entries, const QString &text)
    : m_doc(doc), m_after(std::move(entries))
{
    const nlohmann::json &models = doc->workflow().models;
    for (const auto &[alias, entry] : m_after)
        m_before[alias] = models.is_object() && models.contains(alias) ? models[alias] : nlohmann::json();
    setText(text);
}

void SetModelsCommand::redo()
{
    for (const auto &[alias, entry] : m_after)
        m_doc->setModel(alias, entry);
}

void SetModelsCommand::undo()
{
    for (const auto &[alias, entry] : m_before)
        m_doc->setModel(alias, entry);
}

} // namespace studio
} // namespace flowdeck
