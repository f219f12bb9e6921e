// AutoLayoutCommand::layout: the graph in layers (longest path from what starts it), left
// to right; an iteration or loop is a block as large as its own inside, laid out the same
// way within its frame.
#include "widgets/document/commands.h"

#include "engine/nodes/noderegistry.h"

#include <queue>
#include <unordered_map>

namespace flowdeck {
namespace studio {

namespace {

constexpr double kColumn = 280, kRow = 140;  // a card and the room around it
// As the canvas draws a frame (containeritem.h): padding, the header and summary above,
// and its smallest size, plus the room around it.
constexpr double kPadding = 24, kTop = 52, kMinBlockWidth = 320 + 60, kMinBlockHeight = 170 + 82;

struct Block {
    double width = kColumn, height = kRow;
};

using Positions = std::map<std::string, std::array<double, 2>>;
using Members = std::unordered_map<std::string, std::vector<const engine::NodeSpec *>>;  // scope -> its nodes

// Lays out the nodes directly in `scope` ("" is the top level) from (0, 0), each container
// with what it holds; returns the room it all takes.
Block layoutScope(const engine::Workflow &workflow, const Members &members, const std::string &scope, Positions &out,
                  int depth)
{
    auto found = members.find(scope);
    if (found == members.end() || depth > 64)  // 64: a circle of parents in a damaged file
        return {};
    const auto &nodes = found->second;
    std::map<std::string, int> indegree, layer;
    std::map<std::string, std::vector<std::string>> next;
    for (const auto *n : nodes)
        indegree[n->id] = 0;
    for (const auto &e : workflow.edges) {
        if (!indegree.count(e.from) || !indegree.count(e.to))
            continue;  // another scope's (connections stay inside one)
        ++indegree[e.to];
        next[e.from].push_back(e.to);
    }
    std::queue<std::string> ready;
    for (const auto *n : nodes)  // document order keeps the layout stable
        if (indegree[n->id] == 0) {
            ready.push(n->id);
            layer[n->id] = 0;
        }
    while (!ready.empty()) {
        const std::string id = ready.front();
        ready.pop();
        for (const auto &to : next[id]) {
            layer[to] = std::max(layer[to], layer[id] + 1);
            if (--indegree[to] == 0)
                ready.push(to);
        }
    }
    int deepest = 0;
    for (const auto &[id, l] : layer)
        deepest = std::max(deepest, l);
    // Each node's block: a card's cell, or a container's frame around its own layout.
    std::map<std::string, Block> blocks;
    std::map<int, double> columnWidth;
    for (const auto *n : nodes) {
        Block block;
        const auto *d = engine::NodeRegistry::builtin().find(n->type);
        if (d && d->container) {
            const Block inside = layoutScope(workflow, members, n->id, out, depth + 1);
            block = {std::max(kMinBlockWidth, inside.width + 2 * kPadding), std::max(kMinBlockHeight, inside.height + kTop + kPadding)};
        }
        blocks[n->id] = block;
        const int l = layer.count(n->id) ? layer[n->id] : deepest + 1;  // nodes on a cycle go last
        layer[n->id] = l;
        columnWidth[l] = std::max(columnWidth[l], block.width);
    }
    std::map<int, double> columnLeft, columnFilled;
    double left = 0;
    for (const auto &[l, width] : columnWidth) {
        columnLeft[l] = left;
        left += width;
    }
    Block room{left, 0};
    for (const auto *n : nodes) {
        const int l = layer[n->id];
        const std::array<double, 2> at{columnLeft[l], columnFilled[l]};
        columnFilled[l] += blocks[n->id].height;
        room.height = std::max(room.height, columnFilled[l]);
        out[n->id] = at;
        // What it holds (at any depth) was laid out from (0, 0): it moves into the frame.
        std::vector<std::string> inside{n->id};
        for (std::size_t i = 0; i < inside.size() && i <= workflow.nodes.size(); ++i)
            if (auto m = members.find(inside[i]); m != members.end())
                for (const auto *child : m->second) {
                    auto &p = out[child->id];
                    p = {p[0] + at[0] + kPadding, p[1] + at[1] + kTop};
                    inside.push_back(child->id);
                }
    }
    return room;
}

} // namespace

std::map<std::string, std::array<double, 2>> AutoLayoutCommand::layout(const engine::Workflow &workflow)
{
    Members members;
    for (const auto &n : workflow.nodes)
        members[n.parent].push_back(&n);
    Positions out;
    layoutScope(workflow, members, "", out, 0);
    return out;
}

} // namespace studio
} // namespace flowdeck
