#include "widgets/document/containercommands.h"

#include "engine/nodes/noderegistry.h"
#include "widgets/document/localized.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <unordered_map>

namespace flowdeck {
namespace studio {

namespace {

QString typeName(const std::string &type) { return typeTitle(engine::NodeRegistry::builtin().find(type), type); }

bool refuse(QString *why, const QString &text)
{
    if (why)
        *why = text;
    return false;
}

// id -> parent, built once: walking it is cheap where Workflow::findNode is a scan.
std::unordered_map<std::string, std::string> parents(const engine::Workflow &workflow)
{
    std::unordered_map<std::string, std::string> out;
    out.reserve(workflow.nodes.size());
    for (const auto &n : workflow.nodes)
        out.emplace(n.id, n.parent);
    return out;
}

} // namespace

bool isContainerNode(const engine::Workflow &workflow, const std::string &id)
{
    const auto *node = workflow.findNode(id);
    const auto *d = node ? engine::NodeRegistry::builtin().find(node->type) : nullptr;
    return d && d->container;
}

std::set<std::string> withDescendants(const engine::Workflow &workflow, const std::set<std::string> &ids)
{
    std::unordered_map<std::string, std::vector<std::string>> children;
    for (const auto &n : workflow.nodes)
        if (!n.parent.empty())
            children[n.parent].push_back(n.id);
    std::set<std::string> out = ids;
    std::vector<std::string> pending(ids.begin(), ids.end());
    while (!pending.empty()) {
        const std::string id = std::move(pending.back());
        pending.pop_back();
        if (auto it = children.find(id); it != children.end())
            for (const auto &child : it->second)
                if (out.insert(child).second)  // a circle of parents in a damaged file ends here
                    pending.push_back(child);
    }
    return out;
}

bool mayPlaceIn(const engine::Workflow &workflow, const std::string &type, const std::string &parent, QString *why)
{
    const bool loopControl = type == "break" || type == "continue";
    if (parent.empty())
        return !loopControl ||
               refuse(why, QCoreApplication::translate("Commands", "A “%1” node only works directly inside a loop; drop it into one.")
                               .arg(typeName(type)));
    const auto *container = workflow.findNode(parent);
    if (!container || !isContainerNode(workflow, parent))
        return refuse(why, QCoreApplication::translate("Commands", "Nodes can only be placed inside an iteration or a loop."));
    if (type == "start" || type == "end" || type == "human")
        return refuse(why, QCoreApplication::translate("Commands", "A “%1” node cannot run inside an iteration or loop; keep it outside.")
                               .arg(typeName(type)));
    if (loopControl && container->type != "loop")
        return refuse(why, QCoreApplication::translate("Commands", "A “%1” node only works directly inside a loop, not inside “%2”.")
                               .arg(typeName(type), nodeTitle(*container)));
    return true;
}

bool mayMoveInto(const engine::Workflow &workflow, const std::set<std::string> &ids, const std::string &parent, QString *why)
{
    if (!parent.empty()) {
        const auto up = parents(workflow);
        std::string at = parent;
        for (std::size_t depth = 0; !at.empty() && depth <= workflow.nodes.size(); ++depth) {
            if (ids.count(at))
                return refuse(why, QCoreApplication::translate("Commands",
                                                               "An iteration or loop cannot go inside itself or inside a node it holds."));
            auto it = up.find(at);
            at = it == up.end() ? std::string() : it->second;
        }
    }
    for (const auto &id : ids) {
        const auto *node = workflow.findNode(id);
        if (!node)
            return refuse(why, QCoreApplication::translate("Commands", "The node '%1' is not in this workflow.")
                                   .arg(QString::fromStdString(id)));
        if (!mayPlaceIn(workflow, node->type, parent, why))
            return false;
    }
    return true;
}

std::map<std::string, std::array<double, 2>> movesWithChildren(const engine::Workflow &workflow,
                                                               std::map<std::string, std::array<double, 2>> moves)
{
    const auto up = parents(workflow);
    std::unordered_map<std::string, std::array<double, 2>> shift;  // moved node -> how far
    for (const auto &[id, to] : moves)
        if (const auto *n = workflow.findNode(id))
            shift[id] = {to[0] - n->position[0], to[1] - n->position[1]};
    const auto listed = moves;
    for (const auto &n : workflow.nodes) {
        if (n.parent.empty() || listed.count(n.id))
            continue;
        // The innermost moved container around it carries it.
        std::string at = n.parent;
        for (std::size_t depth = 0; !at.empty() && depth <= workflow.nodes.size(); ++depth) {
            if (auto s = shift.find(at); s != shift.end()) {
                moves[n.id] = {n.position[0] + s->second[0], n.position[1] + s->second[1]};
                break;
            }
            auto it = up.find(at);
            at = it == up.end() ? std::string() : it->second;
        }
    }
    return moves;
}

MoveWithChildrenCommand::MoveWithChildrenCommand(GraphDocument *doc, std::map<std::string, std::array<double, 2>> to)
    : MoveNodesCommand(doc, movesWithChildren(doc->workflow(), std::move(to)))
{
}

ReparentCommand::ReparentCommand(GraphDocument *doc, std::set<std::string> ids, std::string parent,
                                 std::map<std::string, std::array<double, 2>> to)
    : m_doc(doc), m_ids(std::move(ids)), m_parent(std::move(parent)), m_to(movesWithChildren(doc->workflow(), std::move(to)))
{
    std::string left;
    for (const auto &id : m_ids)
        if (const auto *n = doc->node(id)) {
            m_beforeParents[id] = n->parent;
            if (!n->parent.empty())
                left = n->parent;
        }
    for (const auto &[id, pos] : m_to)
        if (const auto *n = doc->node(id))
            m_from[id] = n->position;
    const auto *into = doc->node(m_parent);
    const auto *outOf = doc->node(left);
    setText(into    ? QCoreApplication::translate("Commands", "Move into %1").arg(nodeTitle(*into))
            : outOf ? QCoreApplication::translate("Commands", "Move out of %1").arg(nodeTitle(*outOf))
                    : QCoreApplication::translate("Commands", "Move"));
}

void ReparentCommand::redo()
{
    for (const auto &[id, pos] : m_to)
        m_doc->setNodePosition(id, pos);
    for (const auto &[id, before] : m_beforeParents)
        m_doc->setNodeParent(id, m_parent);
    // Connections between a moved node and one on the other side of the edge now, last
    // first, so the recorded indices put them back in their order.
    m_removedEdges.clear();
    const auto &wf = m_doc->workflow();
    const auto up = parents(wf);
    auto parentOf = [&](const std::string &id) {
        auto it = up.find(id);
        return it == up.end() ? std::string() : it->second;
    };
    for (std::size_t i = wf.edges.size(); i-- > 0;) {
        const engine::EdgeSpec e = wf.edges[i];
        if ((m_ids.count(e.from) || m_ids.count(e.to)) && parentOf(e.from) != parentOf(e.to)) {
            m_doc->removeEdge(e);
            m_removedEdges.emplace_back(e, i);
        }
    }
}

void ReparentCommand::undo()
{
    for (auto it = m_removedEdges.rbegin(); it != m_removedEdges.rend(); ++it)
        m_doc->insertEdge(it->first, it->second);
    for (const auto &[id, before] : m_beforeParents)
        m_doc->setNodeParent(id, before);
    for (const auto &[id, pos] : m_from)
        m_doc->setNodePosition(id, pos);
}

nlohmann::json renameReferences(const nlohmann::json &config, const std::map<std::string, std::string> &renamed)
{
    if (config.is_object() || config.is_array()) {
        nlohmann::json out = config;
        for (auto &value : out)
            value = renameReferences(value, renamed);
        return out;
    }
    if (!config.is_string())
        return config;
    // The root of each {{...}}: the name up to the first '.', '[', space or '}'.
    static const QRegularExpression root(QStringLiteral("\\{\\{(\\s*)([^\\s.\\[\\}]+)"));
    const QString text = QString::fromStdString(config.get<std::string>());
    QString out;
    qsizetype last = 0;
    for (auto it = root.globalMatch(text); it.hasNext();) {
        const auto match = it.next();
        auto found = renamed.find(match.captured(2).toStdString());
        if (found == renamed.end())
            continue;
        out += text.mid(last, match.capturedStart(2) - last) + QString::fromStdString(found->second);
        last = match.capturedEnd(2);
    }
    if (last == 0)
        return config;
    return (out + text.mid(last)).toStdString();
}

} // namespace studio
} // namespace flowdeck
