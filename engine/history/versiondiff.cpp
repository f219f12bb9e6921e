#include "engine/history/versiondiff.h"

#include "engine/core/atomicfile.h"
#include "engine/history/projecthistory.h"
#include "engine/workflow/workflowfile.h"

#include <functional>
#include <optional>
#include <set>

namespace flowdeck::engine {

namespace {

bool isWorkflowFile(const std::string &path)
{
    static const std::string suffix = ".flow.json";
    return path.size() >= suffix.size() && path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The workflow in `text` (none: the file is absent on that side); a load problem goes to `problem`.
Workflow workflowOf(const std::optional<std::string> &text, const char *side, std::string &problem)
{
    if (!text)
        return Workflow{};
    auto loaded = parseWorkflow(*text);
    if (loaded)
        return std::move(loaded).value();
    if (problem.empty()) {
        const auto &diagnostics = loaded.diagnostics();
        problem = std::string("The ") + side + " version does not load: " +
                  (diagnostics.empty() ? std::string("it is not a workflow") : diagnostics.front().toString());
    }
    return Workflow{};
}

} // namespace

Result<std::vector<FileDiff>> diffVersions(const ProjectHistory &history, const std::string &from, const std::string &to)
{
    using R = Result<std::vector<FileDiff>>;
    auto fromVersion = history.resolve(from);
    if (!fromVersion)
        return R(fromVersion.diagnostics());
    std::string toId;
    if (!to.empty()) {
        auto toVersion = history.resolve(to);
        if (!toVersion)
            return R(toVersion.diagnostics());
        toId = toVersion->id;
    }
    const std::string fromId = fromVersion->id;
    const auto fromFiles = history.filesAt(fromId);
    const auto toFiles = to.empty() ? history.workingFiles() : history.filesAt(toId);
    const std::set<std::string> inFrom(fromFiles.begin(), fromFiles.end());
    const std::set<std::string> inTo(toFiles.begin(), toFiles.end());
    std::set<std::string> all = inFrom;
    all.insert(inTo.begin(), inTo.end());

    std::function<std::optional<std::string>(const std::string &)> readTo = [&](const std::string &path) {
        return readWholeFile(history.folder() / std::filesystem::path(path));
    };
    if (!to.empty())
        readTo = [&](const std::string &path) -> std::optional<std::string> {
            auto text = history.fileAt(toId, path);
            return text ? std::optional<std::string>(std::move(text).value()) : std::nullopt;
        };

    std::vector<FileDiff> diffs;
    for (const auto &path : all) {
        std::optional<std::string> before, after;
        if (inFrom.count(path))
            if (auto text = history.fileAt(fromId, path))
                before = std::move(text).value();
        if (inTo.count(path))
            after = readTo(path);
        if (before == after)
            continue;
        FileDiff diff;
        diff.path = path;
        diff.status = !before ? "added" : !after ? "removed" : "changed";
        diff.workflow = isWorkflowFile(path);
        if (diff.workflow) {
            const Workflow a = workflowOf(before, "earlier", diff.problem);
            const Workflow b = workflowOf(after, "later", diff.problem);
            if (diff.problem.empty())
                diff.changes = diffWorkflows(a, b);
        }
        diffs.push_back(std::move(diff));
    }
    return R(std::move(diffs));
}

nlohmann::json fileDiffsToJson(const std::vector<FileDiff> &diffs)
{
    nlohmann::json out = nlohmann::json::array();
    for (const auto &diff : diffs) {
        nlohmann::json item = {{"path", diff.path}, {"status", diff.status}, {"workflow", diff.workflow},
                               {"changes", changesToJson(diff.changes)}};
        if (!diff.problem.empty())
            item["problem"] = diff.problem;
        out.push_back(std::move(item));
    }
    return out;
}

} // namespace flowdeck::engine
