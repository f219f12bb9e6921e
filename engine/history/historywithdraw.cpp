// Taking back the version a failed deploy recorded (DESIGN.md §11): a deploy is recorded
// before its upload, so the bundle carries the version id; when the upload or the smoke
// check fails, the history must not say the project was deployed.
#include "engine/history/historystate.h"

namespace flowdeck::engine {

using namespace history;

Result<bool> ProjectHistory::withdrawDeploy(const std::string &versionId)
{
    std::lock_guard lock(m_state->mutex);
    git_repository *repo = m_state->repo.get();
    const std::string where = m_state->folder.string();
    auto failed = [&] {
        const std::string why = lastGitError();
        return Result<bool>::failure(historyProblem(
            "history-record-failed", "The version of " + where + " could not be recorded: " + why + ".", {where, why}));
    };
    git_reference *rawHead = nullptr;
    const int headState = git_repository_head(&rawHead, repo);
    if (headState == GIT_EUNBORNBRANCH || headState == GIT_ENOTFOUND)
        return false;  // no version at all
    if (headState != 0)
        return failed();
    ReferencePtr head(rawHead);
    git_commit *rawCommit = nullptr;
    if (git_commit_lookup(&rawCommit, repo, git_reference_target(head.get())) != 0)
        return failed();
    CommitPtr commit(rawCommit);
    const VersionInfo info = versionOf(commit.get());
    if (info.id != versionId || info.kind != "deploy")
        return false;
    if (git_commit_parentcount(commit.get()) == 0) {  // the project's first version: none before it
        if (git_reference_delete(head.get()) != 0)
            return failed();
        return true;
    }
    git_reference *moved = nullptr;
    if (git_reference_set_target(&moved, head.get(), git_commit_parent_id(commit.get(), 0),
                                 "Flowdeck: the deploy failed; its version is taken back") != 0)
        return failed();
    git_reference_free(moved);
    return true;
}

} // namespace flowdeck::engine
