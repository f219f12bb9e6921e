#pragma once

#include "engine/workflow/workflow.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace flowdeck::engine {

struct DiffLine {
    char op = ' ';  // ' ' kept, '+' added, '-' removed
    std::string text;
};

// One structural difference between two versions of a workflow (DESIGN.md §11).
struct WorkflowChange {
    enum class Kind { NodeAdded, NodeRemoved, NodeMoved, NodeChanged, PromptChanged, EdgeAdded, EdgeRemoved, SettingChanged };
    Kind kind = Kind::NodeChanged;
    std::string node;   // the node id; for edges "from -> to"; empty for settings
    std::string field;  // "config.prompt", "title", "position", "models.default.model", "inputs", "fromPort"...
    nlohmann::json before, after;  // the values (null when none)
    std::vector<DiffLine> lines;   // PromptChanged (and any multi-line text): a line diff
};

// Nodes added, removed (whole node as before/after), moved (> 1 px), changed (title, type,
// parent, disabled, onError, retry, timeoutMs, pin, each config key by dotted path); prompts
// (config keys prompt, system, text, template, instructions, code, and any string with a
// newline, at any depth) as PromptChanged with a line diff; edges added/removed (with
// fromPort); workflow settings: name, description, mode, inputs, models, plugins,
// variables, env, guard, notes (models/plugins by dotted path, lists as a whole).
// Ordered: settings, then nodes in the order of `after` (removed ones in the order of
// `before`), then edges.
std::vector<WorkflowChange> diffWorkflows(const Workflow &before, const Workflow &after);

// A line diff (longest common subsequence by Myers' algorithm). Bounded: past
// kMaxDiffEdits edits, or when either side has more than kMaxDiffLines lines, the middle
// (after the common head and tail) is given as all removed then all added.
inline constexpr std::size_t kMaxDiffEdits = 2000;
inline constexpr std::size_t kMaxDiffLines = 200000;
std::vector<DiffLine> diffLines(std::string_view before, std::string_view after);

// [{"kind": "node_added", "node", "field", "before", "after", "lines": [{"op": "+", "text"}], "summary"}]
nlohmann::json changesToJson(const std::vector<WorkflowChange> &changes);
std::string changeKindName(WorkflowChange::Kind kind);  // "node_added", "prompt_changed", ...
// One English sentence ("Prompt of node summary changed (config.prompt).").
std::string describeChange(const WorkflowChange &change);

} // namespace flowdeck::engine
