#pragma once

// libgit2 handles owned by std::unique_ptr, the library's one-time start, and its last
// error as text (private to engine/history).
#include <git2.h>

#include <memory>
#include <string>

namespace flowdeck::engine::history {

template <typename T, void (*Free)(T *)>
struct GitFree {
    void operator()(T *p) const { Free(p); }
};
template <typename T, void (*Free)(T *)>
using GitPtr = std::unique_ptr<T, GitFree<T, Free>>;

using RepositoryPtr = GitPtr<git_repository, git_repository_free>;
using IndexPtr = GitPtr<git_index, git_index_free>;
using CommitPtr = GitPtr<git_commit, git_commit_free>;
using TreePtr = GitPtr<git_tree, git_tree_free>;
using TreeEntryPtr = GitPtr<git_tree_entry, git_tree_entry_free>;
using BlobPtr = GitPtr<git_blob, git_blob_free>;
using SignaturePtr = GitPtr<git_signature, git_signature_free>;
using RevwalkPtr = GitPtr<git_revwalk, git_revwalk_free>;
using ReferencePtr = GitPtr<git_reference, git_reference_free>;

// git_libgit2_init once per process (thread-safe; never shut down: other objects may
// still be alive at exit).
void startLibgit2();

// The last libgit2 error of this thread as a sentence fragment ("failed to resolve path
// '…'"), or `fallback` when there is none.
std::string lastGitError(const char *fallback = "an unknown error");

// The commit a full id, a prefix of at least 4 hex digits, or "HEAD" names; the libgit2
// error code (GIT_ENOTFOUND, GIT_EAMBIGUOUS, …) when none.
int lookupCommit(git_repository *repo, const std::string &idOrPrefix, CommitPtr &out);

// A path inside the folder written with '/', without ".", "..", empty parts or .git;
// empty when `path` is not one.
std::string cleanRelativePath(const std::string &path);

} // namespace flowdeck::engine::history
