#pragma once

#include "engine/core/result.h"
#include "engine/history/workflowdiff.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace flowdeck::engine {

class ProjectHistory;

// How one file differs between two versions of a project folder.
struct FileDiff {
    std::string path;                      // relative to the folder, '/' separated
    std::string status;                    // "added", "removed", "changed"
    bool workflow = false;                 // a *.flow.json file: `changes` holds its structural diff
    std::vector<WorkflowChange> changes;   // workflow files (empty when one side could not be read)
    std::string problem;                   // a workflow side that does not load: the sentence why
};

// The files that differ between version `from` and version `to` (empty `to`: the files in
// the folder now, as the next record would see them), sorted by path. Workflow files get
// a structural diff (an added or removed workflow: every node added or removed); other
// files only their status. Fails with a sentence for an unknown version.
Result<std::vector<FileDiff>> diffVersions(const ProjectHistory &history, const std::string &from, const std::string &to = {});

// {"path", "status", "workflow", "changes": changesToJson(...), "problem"?}
nlohmann::json fileDiffsToJson(const std::vector<FileDiff> &diffs);

} // namespace flowdeck::engine
