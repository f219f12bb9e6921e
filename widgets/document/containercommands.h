#pragma once

#include "widgets/document/commands.h"

#include <map>
#include <set>
#include <string>

namespace flowdeck {
namespace studio {

// Iteration and loop nodes are containers: a node whose "parent" names one runs inside
// it (DESIGN.md §3). These are the edits that put nodes in and take them out, and the
// rules the canvas checks before it does.

// Whether the node `id` is an iteration or loop.
bool isContainerNode(const engine::Workflow &workflow, const std::string &id);
// `ids` and every node inside them, at any depth.
std::set<std::string> withDescendants(const engine::Workflow &workflow, const std::set<std::string> &ids);

// Whether a node of `type` may sit directly inside `parent` ("" is the top level). False
// with a sentence for the user in `why`: start, end and human nodes stay at the top
// level, break and continue only go directly inside a loop.
bool mayPlaceIn(const engine::Workflow &workflow, const std::string &type, const std::string &parent, QString *why);
// The same for moving the nodes `ids` into `parent`; also refuses putting a container
// inside itself or inside a node it holds.
bool mayMoveInto(const engine::Workflow &workflow, const std::set<std::string> &ids, const std::string &parent,
                 QString *why);

// Positions for moving `moves` (new places of some nodes) with the nodes inside each
// moved container, shifted as their container is. Nodes already listed keep theirs.
std::map<std::string, std::array<double, 2>> movesWithChildren(const engine::Workflow &workflow,
                                                               std::map<std::string, std::array<double, 2>> moves);

// Moves nodes, and the nodes inside each moved container with it, as one step. Drags
// of the same nodes merge, as MoveNodesCommand's do.
class MoveWithChildrenCommand : public MoveNodesCommand {
public:
    MoveWithChildrenCommand(GraphDocument *doc, std::map<std::string, std::array<double, 2>> to);
};

// Puts the nodes `ids` inside the container `parent` ("" takes them out to the top
// level) and moves them (and what they hold) to `to`, in one step. Connections that
// would cross the container's edge afterwards are removed with it, as the engine runs
// no such connection; undo brings them back.
class ReparentCommand : public QUndoCommand {
public:
    ReparentCommand(GraphDocument *doc, std::set<std::string> ids, std::string parent,
                    std::map<std::string, std::array<double, 2>> to);
    void redo() override;
    void undo() override;
    // The connections the last redo() removed.
    int removedEdges() const { return static_cast<int>(m_removedEdges.size()); }

private:
    GraphDocument *m_doc;
    std::set<std::string> m_ids;
    std::string m_parent;
    std::map<std::string, std::string> m_beforeParents;
    std::map<std::string, std::array<double, 2>> m_from, m_to;
    std::vector<std::pair<engine::EdgeSpec, std::size_t>> m_removedEdges;
};

// Rewrites {{old.x}} references to {{new.x}} in every string of a config, for nodes
// pasted under new ids (a pasted iteration's nodes read {{iteration_2.item}}).
nlohmann::json renameReferences(const nlohmann::json &config, const std::map<std::string, std::string> &renamed);

} // namespace studio
} // namespace flowdeck
