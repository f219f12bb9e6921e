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

// A line diff (shortest edit script by Myers' algorithm). Bounded: when the two sides
// (after their common head and tail) need more than kMaxDiffEdits edits, or the search
// would take more than kMaxDiffWork steps, the middle is given as all removed then all
// added; time and memory stay bounded for any input (two 1 MB texts: milliseconds).
inline constexpr std::size_t kMaxDiffEdits = 1000;
inline constexpr std::size_t kMaxDiffWork = 20'000'000;
std::vector<DiffLine> diffLines(std::string_view before, std::string_view after);

// [{"kind": "node_added", "node", "field", "before", "after", "lines": [{"op": "+", "text"}], "summary"}]
nlohmann::json changesToJson(const std::vector<WorkflowChange> &changes);
std::string changeKindName(WorkflowChange::Kind kind);  // "node_added", "prompt_changed", ...
// One English sentence ("Prompt of node summary changed (config.prompt).").
std::string describeChange(const WorkflowChange &change);

} // namespace flowdeck::engine
