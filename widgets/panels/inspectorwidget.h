#pragma once

#include <QWidget>

#include "engine/workflow/workflow.h"

#include <nlohmann/json.hpp>

#include <filesystem>

class QFormLayout;
class QLabel;
class QScrollArea;

namespace flowdeck {
namespace studio {

class GraphDocument;
class ServerDirectory;

// A form for the selected node, built from its type's config schema: text fields,
// multi-line editors for prompts and templates, number boxes, check boxes, choice
// lists, and JSON for the rest. Each edit is a SetConfigFieldCommand.
class InspectorWidget : public QWidget {
    Q_OBJECT

public:
    explicit InspectorWidget(GraphDocument *doc, QWidget *parent = nullptr);
    // Where an mcp.tool node's tool picker finds the tools of its plugin server.
    void setServers(ServerDirectory *servers);
    void showNode(const QString &id);  // empty: nothing selected
    const QString &nodeId() const { return m_nodeId; }
    QWidget *editorFor(const QString &field) const;  // the editor of a config field, for tests
    // The open workflow's file: knowledge nodes list the bases in the folder beside it.
    void setProjectFile(const QString &flowFile);

signals:
    // The knowledge node's *Manage…*: open the Knowledge Bases panel (on `base`, if any).
    void manageKnowledge(const QString &base);

private:
    void rebuild();
    void buildForm();  // the form of the shown node, for rebuild()
    // Title (rename), id (read-only, copyable) and whether the node runs.
    void addIdentityRows(const engine::NodeSpec &node, const QString &typeTitle);
    QWidget *outputFormatEditor(const std::string &field, const nlohmann::json &value);
    QWidget *makeEditor(const std::string &field, const nlohmann::json &property, const nlohmann::json &value,
                        bool multiline);
    void apply(const std::string &field, nlohmann::json value);
    void applyAt(const std::string &pointer, nlohmann::json value, bool merge);
    QWidget *specialEditor(const std::string &type, const std::string &field, const nlohmann::json &config);
    void chooseTool(const QString &tool, const nlohmann::json &schema);
    void removeCase(const std::string &caseId);
    void rebuildSoon();
    QStringList referenceCandidates() const;  // what {{ can complete to in the shown node
    QWidget *structuredEditor(const std::string &field, const nlohmann::json &property, const nlohmann::json &value);

    GraphDocument *m_doc;
    ServerDirectory *m_servers = nullptr;
    QString m_nodeId;
    engine::NodeSpec m_shown;  // the node as the form shows it: other changes rebuild the form
    QLabel *m_heading;
    QFormLayout *m_form;
    QWidget *m_formHost = nullptr;
    QScrollArea *m_scroll;
    bool m_applying = false;
    std::filesystem::path m_knowledgeFolder;
};

} // namespace studio
} // namespace flowdeck
