#pragma once

// What a ProjectHistory holds, shared by its files (private to engine/history).
#include "engine/history/gitobjects.h"
#include "engine/history/projecthistory.h"

#include <map>
#include <mutex>

namespace flowdeck::engine {

struct ProjectHistory::State {
    std::filesystem::path folder;
    history::RepositoryPtr repo;
    mutable std::mutex mutex;  // libgit2 objects of one repository are not for two threads at once

    // Records under the lock (held by the caller).
    Result<VersionInfo> recordLocked(const std::string &message, const std::string &kind, const std::string &target);
    // The commit `id` names, or the sentence why there is none.
    Result<history::CommitPtr> commitLocked(const std::string &id) const;
    // Every regular file of a commit's tree: path -> (blob id, file mode).
    std::map<std::string, std::pair<git_oid, git_filemode_t>> blobsLocked(git_commit *commit) const;
};

namespace history {

VersionInfo versionOf(git_commit *commit);
Diagnostic historyProblem(const char *code, std::string message, std::vector<std::string> args);

} // namespace history

} // namespace flowdeck::engine
