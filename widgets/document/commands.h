#pragma once

#include "widgets/document/graphdocument.h"

#include "widgets/document/workflowpartcommand.h"

#include <QUndoCommand>

#include <map>
#include <set>

namespace flowdeck {
namespace studio {

// Every edit of a GraphDocument. Each does its work in redo(), holds the document and
// ids (never scene items), and restores exactly what it changed in undo(), so do, undo,
// redo gives back the identical JSON.

class AddNodeCommand : public QUndoCommand {
public:
    AddNodeCommand(GraphDocument *doc, engine::NodeSpec node);
    void redo() override;
    void undo() override;

private:
    GraphDocument *m_doc;
    engine::NodeSpec m_node;
};

// Deletes nodes (with every edge touching them and every node inside them) and edges.
class DeleteCommand : public QUndoCommand {
public:
    DeleteCommand(GraphDocument *doc, std::set<std::string> nodeIds, std::vector<engine::EdgeSpec> edges = {});
    void redo() override;
    void undo() override;

private:
    GraphDocument *m_doc;
    std::set<std::string> m_nodeIds;
    std::vector<engine::EdgeSpec> m_edges;
    std::vector<std::pair<engine::NodeSpec, std::size_t>> m_removedNodes;
    std::vector<std::pair<engine::EdgeSpec, std::size_t>> m_removedEdges;
};

// Moves nodes to new positions; consecutive moves of the same nodes merge into one step.
class MoveNodesCommand : public QUndoCommand {
public:
    MoveNodesCommand(GraphDocument *doc, std::map<std::string, std::array<double, 2>> to, const QString &text = {});
    void redo() override;
    void undo() override;
    int id() const override { return 1; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    GraphDocument *m_doc;
    std::map<std::string, std::array<double, 2>> m_from, m_to;
};

class ConnectCommand : public QUndoCommand {
public:
    ConnectCommand(GraphDocument *doc, engine::EdgeSpec edge);
    void redo() override;
    void undo() override;
    // Whether `edge` may be added: both nodes exist, not a self-loop, not already there,
    // and it closes no cycle. False with a sentence for the user in `why`.
    static bool allowed(const GraphDocument &doc, const engine::EdgeSpec &edge, QString *why);

private:
    GraphDocument *m_doc;
    engine::EdgeSpec m_edge;
};

class DisconnectCommand : public QUndoCommand {
public:
    DisconnectCommand(GraphDocument *doc, engine::EdgeSpec edge);
    void redo() override;
    void undo() override;

private:
    GraphDocument *m_doc;
    engine::EdgeSpec m_edge;
    std::size_t m_index = 0;
};

// Sets one field of a node's config (a JSON pointer such as "/prompt" or
// "/arguments/path"); a null value removes the field. Typing in one field merges.
class SetConfigFieldCommand : public QUndoCommand {
public:
    // `merge` false keeps the edit a step of its own (adding a case, choosing a tool).
    SetConfigFieldCommand(GraphDocument *doc, std::string nodeId, std::string pointer, nlohmann::json value,
                          bool merge = true);
    void redo() override;
    void undo() override;
    int id() const override { return 2; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    GraphDocument *m_doc;
    std::string m_nodeId, m_pointer;
    nlohmann::json m_value, m_before;
    bool m_merge;
};

// Adds, replaces or removes (null) entries of the workflow's "plugins": one step for
// a server added from the catalog or every server of an imported mcpServers file.
class SetPluginsCommand : public QUndoCommand {
public:
    SetPluginsCommand(GraphDocument *doc, std::map<std::string, nlohmann::json> entries, const QString &text);
    void redo() override;
    void undo() override;

private:
    GraphDocument *m_doc;
    std::map<std::string, nlohmann::json> m_after, m_before;
};

// Renames a node: its title, or with `language` "zh" its Chinese title (i18n.zh.title).
// An empty title goes back to the node type's name.
class RenameNodeCommand : public QUndoCommand {
public:
    RenameNodeCommand(GraphDocument *doc, std::string nodeId, std::string title, std::string language = {});
    void redo() override;
    void undo() override;

private:
    GraphDocument *m_doc;
    std::string m_nodeId, m_title, m_language;
    std::string m_beforeTitle;
    nlohmann::json m_beforeI18n;
};

// Disables or enables nodes: a disabled node passes control on without running.
class SetNodesDisabledCommand : public QUndoCommand {
public:
    SetNodesDisabledCommand(GraphDocument *doc, std::set<std::string> nodeIds, bool disabled);
    void redo() override;
    void undo() override;

private:
    GraphDocument *m_doc;
    std::map<std::string, bool> m_before;
    bool m_disabled;
};

// Pastes nodes copied by copySelection() under fresh ids, shifted by `offset`.
class PasteCommand : public QUndoCommand {
public:
    PasteCommand(GraphDocument *doc, const std::string &clipboard, std::array<double, 2> offset);
    void redo() override;
    void undo() override;
    bool valid() const { return !m_nodes.empty(); }
    std::vector<std::string> pastedIds() const;
    // Puts the pasted nodes that are not inside another pasted node inside the container
    // `parent` ("" = top level), each where its type may be (else at the top level).
    void placeInside(const std::string &parent);

private:
    GraphDocument *m_doc;
    std::vector<engine::NodeSpec> m_nodes;
    std::vector<engine::EdgeSpec> m_edges;
};

// Lays the graph out in layers (longest path from the start), left to right. A move
// of every node that never merges with a drag.
class AutoLayoutCommand : public MoveNodesCommand {
public:
    explicit AutoLayoutCommand(GraphDocument *doc);
    int id() const override { return -1; }
    static std::map<std::string, std::array<double, 2>> layout(const engine::Workflow &workflow);
};

// Sets the value at a JSON pointer inside `target` (creating what lies between); a
// null value removes it.
void setAtPointer(nlohmann::json &target, const std::string &pointer, nlohmann::json value);

// A key as one token of a JSON pointer ("a/b" -> "a~1b").
std::string pointerToken(const std::string &key);

// A new node's config: the schema's defaults, and empty values for required fields.
nlohmann::json defaultNodeConfig(const nlohmann::json &schema);

// The clipboard text for some nodes, the nodes inside them and the edges between them
// (a JSON document).
std::string copySelection(const GraphDocument &doc, const std::set<std::string> &nodeIds);

} // namespace studio
} // namespace flowdeck
