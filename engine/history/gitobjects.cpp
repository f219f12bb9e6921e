#include "engine/history/gitobjects.h"

#include <algorithm>
#include <cctype>
#include <mutex>
#include <sstream>
#include <vector>

namespace flowdeck::engine::history {

void startLibgit2()
{
    static std::once_flag once;
    std::call_once(once, [] { git_libgit2_init(); });
}

std::string lastGitError(const char *fallback)
{
    const git_error *error = git_error_last();
    return error && error->message && *error->message ? std::string(error->message) : std::string(fallback);
}

int lookupCommit(git_repository *repo, const std::string &idOrPrefix, CommitPtr &out)
{
    git_commit *commit = nullptr;
    if (idOrPrefix == "HEAD") {
        git_oid head;
        if (const int rc = git_reference_name_to_id(&head, repo, "HEAD"); rc != 0)
            return rc == GIT_EUNBORNBRANCH ? GIT_ENOTFOUND : rc;
        if (const int rc = git_commit_lookup(&commit, repo, &head); rc != 0)
            return rc;
        out.reset(commit);
        return 0;
    }
    const std::size_t length = idOrPrefix.size();
    const bool hex = std::all_of(idOrPrefix.begin(), idOrPrefix.end(), [](unsigned char c) { return std::isxdigit(c); });
    if (!hex || length < 4 || length > GIT_OID_HEXSZ)
        return GIT_ENOTFOUND;
    git_oid oid;
    if (git_oid_fromstrn(&oid, idOrPrefix.data(), length) != 0)
        return GIT_ENOTFOUND;
    if (const int rc = git_commit_lookup_prefix(&commit, repo, &oid, length); rc != 0)
        return rc;
    out.reset(commit);
    return 0;
}

std::string cleanRelativePath(const std::string &path)
{
    if (path.empty() || path.front() == '/' || path.find('\0') != std::string::npos)
        return {};
    std::vector<std::string> parts;
    std::stringstream in(path);
    for (std::string part; std::getline(in, part, '/');) {
        if (part.empty() || part == ".")
            continue;
        if (part == ".." || part == ".git")
            return {};
        parts.push_back(part);
    }
    std::string out;
    for (const auto &part : parts)
        out += (out.empty() ? "" : "/") + part;
    return out;
}

} // namespace flowdeck::engine::history
