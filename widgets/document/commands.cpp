#include "widgets/document/commands.h"
#include "widgets/document/containercommands.h"
#include "engine/core/jsonaccess.h"
#include "engine/core/jsonread.h"

#include "engine/workflow/workflowfile.h"

#include <QCoreApplication>

#include <algorithm>

namespace flowdeck {
namespace studio {

// --- add ---------------------------------------------------------------------------

AddNodeCommand::AddNodeCommand(GraphDocument *doc, engine::NodeSpec node) : m_doc(doc), m_node(std::move(node))
{
    setText(QCoreApplication::translate("Commands", "Add %1").arg(QString::fromStdString(m_node.type)));
}

void AddNodeCommand::redo() { m_doc->insertNode(m_node, m_doc->workflow().nodes.size()); }

void AddNodeCommand::undo() { m_doc->removeNode(m_node.id); }

// --- delete ------------------------------------------------------------------------

DeleteCommand::DeleteCommand(GraphDocument *doc, std::set<std::string> nodeIds, std::vector<engine::EdgeSpec> edges)
    : m_doc(doc), m_nodeIds(withDescendants(doc->workflow(), nodeIds)), m_edges(std::move(edges))  // a container goes with what it holds
{
    setText(m_nodeIds.empty() ? QCoreApplication::translate("Commands", "Delete connection")
                              : QCoreApplication::translate("Commands", "Delete %n node(s)", nullptr,
                                                            static_cast<int>(m_nodeIds.size())));
}

void DeleteCommand::redo()
{
    m_removedEdges.clear();
    m_removedNodes.clear();
    const auto &wf = m_doc->workflow();
    // Edges first, last index first, so the recorded indices restore the order exactly.
    std::vector<std::size_t> edgeIndices;
    for (std::size_t i = 0; i < wf.edges.size(); ++i) {
        const auto &e = wf.edges[i];
        const bool touches = m_nodeIds.count(e.from) || m_nodeIds.count(e.to);
        const bool listed = std::any_of(m_edges.begin(), m_edges.end(), [&](const auto &x) { return sameEdge(x, e); });
        if (touches || listed)
            edgeIndices.push_back(i);
    }
    for (auto it = edgeIndices.rbegin(); it != edgeIndices.rend(); ++it) {
        engine::EdgeSpec e = wf.edges[*it];
        m_doc->removeEdge(e);
        m_removedEdges.emplace_back(std::move(e), *it);
    }
    std::vector<std::size_t> nodeIndices;
    for (const auto &id : m_nodeIds)
        if (auto i = m_doc->nodeIndex(id); i != std::string::npos)
            nodeIndices.push_back(i);
    std::sort(nodeIndices.rbegin(), nodeIndices.rend());
    for (std::size_t i : nodeIndices) {
        const std::string id = wf.nodes[i].id;
        if (auto removed = m_doc->removeNode(id))
            m_removedNodes.push_back(std::move(*removed));
    }
}

void DeleteCommand::undo()
{
    for (auto it = m_removedNodes.rbegin(); it != m_removedNodes.rend(); ++it)
        m_doc->insertNode(it->first, it->second);
    for (auto it = m_removedEdges.rbegin(); it != m_removedEdges.rend(); ++it)
        m_doc->insertEdge(it->first, it->second);
}

// --- move --------------------------------------------------------------------------

MoveNodesCommand::MoveNodesCommand(GraphDocument *doc, std::map<std::string, std::array<double, 2>> to, const QString &text)
    : m_doc(doc), m_to(std::move(to))
{
    for (const auto &[id, pos] : m_to)
        if (const auto *n = doc->node(id))
            m_from[id] = n->position;
    setText(text.isEmpty() ? QCoreApplication::translate("Commands", "Move") : text);
}

void MoveNodesCommand::redo()
{
    for (const auto &[id, pos] : m_to)
        m_doc->setNodePosition(id, pos);
}

void MoveNodesCommand::undo()
{
    for (const auto &[id, pos] : m_from)
        m_doc->setNodePosition(id, pos);
}

bool MoveNodesCommand::mergeWith(const QUndoCommand *other)
{
    const auto *move = static_cast<const MoveNodesCommand *>(other);
    if (move->m_doc != m_doc || move->m_to.size() != m_to.size())
        return false;
    for (const auto &[id, pos] : move->m_to)
        if (!m_to.count(id))
            return false;
    m_to = move->m_to;
    return true;
}

// --- connect / disconnect ------------------------------------------------------------

ConnectCommand::ConnectCommand(GraphDocument *doc, engine::EdgeSpec edge) : m_doc(doc), m_edge(std::move(edge))
{
    setText(QCoreApplication::translate("Commands", "Connect"));
}

void ConnectCommand::redo() { m_doc->insertEdge(m_edge, m_doc->workflow().edges.size()); }

void ConnectCommand::undo() { m_doc->removeEdge(m_edge); }

bool ConnectCommand::allowed(const GraphDocument &doc, const engine::EdgeSpec &edge, QString *why)
{
    auto refuse = [why](const QString &text) {
        if (why)
            *why = text;
        return false;
    };
    const auto &wf = doc.workflow();
    if (!wf.findNode(edge.from) || !wf.findNode(edge.to))
        return refuse(QCoreApplication::translate("Commands", "Both ends of a connection must be nodes of this workflow."));
    if (edge.from == edge.to)
        return refuse(QCoreApplication::translate("Commands", "A node cannot be connected to itself."));
    for (const auto &e : wf.edges)
        if (sameEdge(e, edge))
            return refuse(QCoreApplication::translate("Commands", "These nodes are already connected."));
    // If `to` already runs before `from`, the new edge would close a cycle.
    if (wf.findNode(edge.from)->parent != wf.findNode(edge.to)->parent)
        return refuse(QCoreApplication::translate("Commands", "Nodes inside an iteration or loop connect only to each other; "
                                                              "connect the container itself instead."));
    if (wf.upstreamOf(edge.from).count(edge.to))
        return refuse(QCoreApplication::translate("Commands", "This connection would make a loop; workflows run from start to end."));
    return true;
}

DisconnectCommand::DisconnectCommand(GraphDocument *doc, engine::EdgeSpec edge) : m_doc(doc), m_edge(std::move(edge))
{
    setText(QCoreApplication::translate("Commands", "Disconnect"));
}

void DisconnectCommand::redo()
{
    if (auto i = m_doc->removeEdge(m_edge))
        m_index = *i;
}

void DisconnectCommand::undo() { m_doc->insertEdge(m_edge, m_index); }

// --- config --------------------------------------------------------------------------

SetConfigFieldCommand::SetConfigFieldCommand(GraphDocument *doc, std::string nodeId, std::string pointer, nlohmann::json value,
                                             bool merge)
    : m_doc(doc), m_nodeId(std::move(nodeId)), m_pointer(std::move(pointer)), m_value(std::move(value)), m_merge(merge)
{
    if (const auto *n = doc->node(m_nodeId))
        m_before = n->config;
    setText(QCoreApplication::translate("Commands", "Edit %1").arg(QString::fromStdString(m_pointer.substr(m_pointer.rfind('/') + 1))));
}

void SetConfigFieldCommand::redo()
{
    nlohmann::json config = m_before.is_object() ? m_before : nlohmann::json::object();
    setAtPointer(config, m_pointer, m_value);
    m_doc->setNodeConfig(m_nodeId, std::move(config));
}

void SetConfigFieldCommand::undo() { m_doc->setNodeConfig(m_nodeId, m_before); }

bool SetConfigFieldCommand::mergeWith(const QUndoCommand *other)
{
    const auto *edit = static_cast<const SetConfigFieldCommand *>(other);
    if (!m_merge || !edit->m_merge || edit->m_doc != m_doc || edit->m_nodeId != m_nodeId || edit->m_pointer != m_pointer)
        return false;
    m_value = edit->m_value;
    return true;
}

SetPluginsCommand::SetPluginsCommand(GraphDocument *doc, std::map<std::string, nlohmann::json> entries, const QString &text)
    : m_doc(doc), m_after(std::move(entries))
{
    const nlohmann::json &plugins = doc->workflow().plugins;
    for (const auto &[alias, entry] : m_after)
        m_before[alias] = plugins.is_object() && plugins.contains(alias) ? plugins[alias] : nlohmann::json();
    setText(text);
}

void SetPluginsCommand::redo()
{
    for (const auto &[alias, entry] : m_after)
        m_doc->setPlugin(alias, entry);
}

void SetPluginsCommand::undo()
{
    for (const auto &[alias, entry] : m_before)
        m_doc->setPlugin(alias, entry);
}

// --- names, disabling --------------------------------------------------------------------

RenameNodeCommand::RenameNodeCommand(GraphDocument *doc, std::string nodeId, std::string title, std::string language)
    : m_doc(doc), m_nodeId(std::move(nodeId)), m_title(std::move(title)), m_language(std::move(language))
{
    if (const auto *n = doc->node(m_nodeId)) {
        m_beforeTitle = n->title;
        m_beforeI18n = n->i18n;
    }
    setText(QCoreApplication::translate("Commands", "Rename %1").arg(QString::fromStdString(m_nodeId)));
}

void RenameNodeCommand::redo()
{
    if (m_language.empty() || m_language == "en")
        return m_doc->setNodeTitle(m_nodeId, m_title);
    nlohmann::json i18n = m_beforeI18n.is_object() ? m_beforeI18n : nlohmann::json::object();
    setAtPointer(i18n, "/" + pointerToken(m_language) + "/title", m_title.empty() ? nlohmann::json() : nlohmann::json(m_title));
    if (i18n.contains(m_language) && i18n[m_language].empty())
        i18n.erase(m_language);
    m_doc->setNodeI18n(m_nodeId, std::move(i18n));
}

void RenameNodeCommand::undo()
{
    if (m_language.empty() || m_language == "en")
        return m_doc->setNodeTitle(m_nodeId, m_beforeTitle);
    m_doc->setNodeI18n(m_nodeId, m_beforeI18n);
}

SetNodesDisabledCommand::SetNodesDisabledCommand(GraphDocument *doc, std::set<std::string> nodeIds, bool disabled)
    : m_doc(doc), m_disabled(disabled)
{
    for (const auto &id : nodeIds)
        if (const auto *n = doc->node(id))
            m_before[id] = n->disabled;
    const int count = static_cast<int>(m_before.size());
    setText(disabled ? QCoreApplication::translate("Commands", "Disable %n node(s)", nullptr, count)
                     : QCoreApplication::translate("Commands", "Enable %n node(s)", nullptr, count));
}

void SetNodesDisabledCommand::redo()
{
    for (const auto &[id, before] : m_before)
        m_doc->setNodeDisabled(id, m_disabled);
}

void SetNodesDisabledCommand::undo()
{
    for (const auto &[id, before] : m_before)
        m_doc->setNodeDisabled(id, before);
}

nlohmann::json defaultNodeConfig(const nlohmann::json &schema)
{
    nlohmann::json config = nlohmann::json::object();
    const auto properties = engine::valueOr(schema, "properties", nlohmann::json::object());
    for (const auto &[name, property] : properties.items())
        if (property.contains("default"))
            config[name] = property["default"];
    for (const auto &name : engine::valueOr(schema, "required", nlohmann::json::array())) {
        if (!name.is_string() || config.contains(name.get<std::string>()))
            continue;
        const auto property = properties.value(name.get<std::string>(), nlohmann::json::object());
        const auto type = engine::valueOr(property, "type", nlohmann::json("string"));
        config[name.get<std::string>()] = type == "array"    ? nlohmann::json::array()
                                          : type == "object" ? nlohmann::json::object()
                                          : type == "boolean" ? nlohmann::json(false)
                                          : type == "number" || type == "integer" ? nlohmann::json(0)
                                                                                  : nlohmann::json("");
    }
    return config;
}

void setAtPointer(nlohmann::json &target, const std::string &pointer, nlohmann::json value)
{
    const nlohmann::json::json_pointer ptr(pointer);
    if (!value.is_null())
        target[ptr] = std::move(value);
    else if (target.contains(ptr))
        target[ptr.parent_pointer()].erase(ptr.back());
}

std::string pointerToken(const std::string &key)
{
    std::string out;
    for (char c : key)
        out += c == '~' ? std::string("~0") : c == '/' ? std::string("~1") : std::string(1, c);
    return out;
}

// --- copy / paste --------------------------------------------------------------------

std::string copySelection(const GraphDocument &doc, const std::set<std::string> &selected)
{
    const std::set<std::string> nodeIds = withDescendants(doc.workflow(), selected);  // a container with what it holds
    engine::Workflow part;
    part.id = "clipboard";
    part.name = "clipboard";
    part.mode = doc.workflow().mode;
    for (const auto &n : doc.workflow().nodes)
        if (nodeIds.count(n.id))
            part.nodes.push_back(n);
    for (const auto &e : doc.workflow().edges)
        if (nodeIds.count(e.from) && nodeIds.count(e.to))
            part.edges.push_back(e);
    auto j = engine::workflowToJson(part);
    return nlohmann::ordered_json{{"format", "flowdeck.clipboard"}, {"nodes", j["nodes"]}, {"edges", j["edges"]}}.dump(2);
}

PasteCommand::PasteCommand(GraphDocument *doc, const std::string &clipboard, std::array<double, 2> offset) : m_doc(doc)
{
    setText(QCoreApplication::translate("Commands", "Paste"));
    const auto j = engine::parseJson(clipboard);
    if (!j.is_object() || j.value("format", "") != "flowdeck.clipboard")
        return;
    nlohmann::json asDocument = {{"format", engine::kFormatName}, {"formatVersion", engine::kFormatVersion},
                                 {"id", "clipboard"}, {"name", "clipboard"}, {"mode", doc->workflow().mode},
                                 {"nodes", j.value("nodes", nlohmann::json::array())},
                                 {"edges", j.value("edges", nlohmann::json::array())}};
    auto parsed = engine::parseWorkflow(asDocument.dump());
    if (!parsed)
        return;
    std::map<std::string, std::string> renamed;
    std::set<std::string> taken;
    for (const auto &n : doc->workflow().nodes)
        taken.insert(n.id);
    for (auto node : parsed->nodes) {
        std::string id;
        for (int k = 1;; ++k) {
            id = node.type + "_" + std::to_string(k);
            std::replace_if(id.begin(), id.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)) && c != '_'; }, '_');
            if (!taken.count(id))
                break;
        }
        taken.insert(id);
        renamed[node.id] = id;
        node.id = id;
        node.position = {node.position[0] + offset[0], node.position[1] + offset[1]};
        m_nodes.push_back(std::move(node));
    }
    // Pasted nodes read each other under their new ids; a node inside a pasted container
    // goes inside the copy, one inside a container of this workflow stays in it.
    for (auto &node : m_nodes) {
        node.config = renameReferences(node.config, renamed);
        if (auto it = renamed.find(node.parent); it != renamed.end())
            node.parent = it->second;
        else if (!node.parent.empty() && !mayPlaceIn(doc->workflow(), node.type, node.parent, nullptr))
            node.parent.clear();
    }
    for (auto edge : parsed->edges) {
        edge.from = renamed[edge.from];
        edge.to = renamed[edge.to];
        m_edges.push_back(std::move(edge));
    }
}

void PasteCommand::placeInside(const std::string &parent)
{
    std::set<std::string> pasted;
    for (const auto &n : m_nodes)
        pasted.insert(n.id);
    for (auto &n : m_nodes)
        if (!pasted.count(n.parent))
            n.parent = mayPlaceIn(m_doc->workflow(), n.type, parent, nullptr) ? parent : std::string();
}

std::vector<std::string> PasteCommand::pastedIds() const
{
    std::vector<std::string> ids;
    for (const auto &n : m_nodes)
        ids.push_back(n.id);
    return ids;
}

void PasteCommand::redo()
{
    for (const auto &n : m_nodes)
        m_doc->insertNode(n, m_doc->workflow().nodes.size());
    for (const auto &e : m_edges)
        m_doc->insertEdge(e, m_doc->workflow().edges.size());
}

void PasteCommand::undo()
{
    for (auto it = m_edges.rbegin(); it != m_edges.rend(); ++it)
        m_doc->removeEdge(*it);
    for (auto it = m_nodes.rbegin(); it != m_nodes.rend(); ++it)
        m_doc->removeNode(it->id);
}

// --- layout --------------------------------------------------------------------------

// AutoLayoutCommand::layout is in autolayout.cpp.

AutoLayoutCommand::AutoLayoutCommand(GraphDocument *doc) : MoveNodesCommand(doc, layout(doc->workflow()), QCoreApplication::translate("Commands", "Arrange")) {}

} // namespace studio
} // namespace flowdeck
