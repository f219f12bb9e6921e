#pragma once

#include "engine/run/runevent.h"
#include "engine/run/workflowrun.h"
#include "engine/workflow/workflow.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace flowdeck::engine {

// Every node's inputs and outputs of one run (DESIGN.md §11), built from its events and
// bounded: a value whose JSON is larger than `maxValueBytes` is kept as
// {"truncated": true, "bytes": N, "preview": "<first 2 KB>"}, and once the trace holds
// `maxTotalBytes` every further value is cut the same way. The studio replays from it and
// the runtime keeps it with the run's record.
//   {"nodes": {id: {type, status, inputs, outputs, port, error, elapsedMs, replayed,
//                   truncated, scope}}, "order": [ids in start order], "truncated": bool}
// status: running, done, failed, skipped. A node inside an iteration or loop keeps its
// last item's values and a "scope" {container, index}.
class RunTrace {
public:
    explicit RunTrace(std::size_t maxValueBytes = 256 * 1024, std::size_t maxTotalBytes = 8 * 1024 * 1024);

    void add(const RunEvent &event);
    nlohmann::json toJson() const;
    // What toJson wrote (a stored run, a runtime's answer); wrong fields are skipped.
    static RunTrace fromJson(const nlohmann::json &trace);

    // The outputs to replay to run from `nodeId` again: every top-level node of this trace
    // that finished with its outputs whole, except `nodeId` and what runs after it in `workflow`.
    std::map<std::string, ReplayedNode> replayBefore(const Workflow &workflow, const std::string &nodeId) const;
    // Every finished top-level node whose outputs are whole (for running one node alone).
    std::map<std::string, ReplayedNode> replayAll() const;
    const nlohmann::json *node(const std::string &nodeId) const;
    bool empty() const { return m_nodes.empty(); }

private:
    nlohmann::json bounded(const nlohmann::json &value, bool &cut);
    nlohmann::json &entry(const RunEvent &event);

    std::size_t m_maxValueBytes;
    std::size_t m_maxTotalBytes;
    std::size_t m_total = 0;
    bool m_truncated = false;
    nlohmann::json m_nodes = nlohmann::json::object();
    std::vector<std::string> m_order;
};

} // namespace flowdeck::engine
