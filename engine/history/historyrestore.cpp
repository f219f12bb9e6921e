// ProjectHistory::restore: a version's files written back in two steps (every new content
// beside its target first, then renamed into place), then a "restore" version.
#include "engine/history/historystate.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace flowdeck::engine {

namespace fs = std::filesystem;
using namespace history;

namespace {

struct Staged {
    fs::path target;
    fs::path temp;
};

// Writes `content` to `temp` with `mode`, synced; the reason when it cannot.
std::string writeTemp(const fs::path &temp, const char *data, std::size_t size, unsigned mode)
{
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
    if (fd < 0)
        return std::strerror(errno);
    for (std::size_t done = 0; done < size;) {
        const ssize_t n = ::write(fd, data + done, size - done);
        if (n < 0) {
            const int err = errno;
            ::close(fd);
            return std::strerror(err);
        }
        done += static_cast<std::size_t>(n);
    }
    ::fchmod(fd, mode);
    const bool synced = ::fsync(fd) == 0;
    const int err = errno;
    if (::close(fd) != 0 || !synced)
        return std::strerror(synced ? errno : err);
    return {};
}

// Whether every folder between `root` and `path` is a real folder (or missing), so that a
// symbolic link in the project cannot send a restored file somewhere else.
bool staysInside(const fs::path &root, const std::string &relative)
{
    fs::path at = root;
    const fs::path rel(relative);
    for (auto part = rel.begin(); part != rel.end(); ++part) {
        at /= *part;
        std::error_code ec;
        const auto status = fs::symlink_status(at, ec);
        if (ec || status.type() == fs::file_type::not_found)
            return true;
        const bool last = std::next(part) == rel.end();
        if (status.type() == fs::file_type::symlink || (!last && status.type() != fs::file_type::directory) ||
            (last && status.type() != fs::file_type::regular))
            return false;
    }
    return true;
}

} // namespace

Result<VersionInfo> ProjectHistory::restore(const std::string &versionId, const std::string &relativePath)
{
    using R = Result<VersionInfo>;
    std::lock_guard lock(m_state->mutex);
    State &state = *m_state;
    auto commit = state.commitLocked(versionId);
    if (!commit)
        return R(commit.diagnostics());
    const VersionInfo version = versionOf(commit.value().get());
    auto wanted = state.blobsLocked(commit.value().get());

    std::vector<std::string> removals;  // versioned now, not in that version
    if (!relativePath.empty()) {
        const std::string path = cleanRelativePath(relativePath);
        const auto it = wanted.find(path);
        if (path.empty() || it == wanted.end())
            return R::failure(historyProblem("history-no-file",
                                             "Version " + version.shortId() + " has no file '" + relativePath + "'.",
                                             {version.shortId(), relativePath}));
        wanted = {*it};
    } else {
        CommitPtr head;
        if (lookupCommit(state.repo.get(), "HEAD", head) == 0)
            for (const auto &[path, blob] : state.blobsLocked(head.get()))
                if (!wanted.count(path))
                    removals.push_back(path);
    }

    auto fail = [&](const std::string &path, const std::string &why, const std::vector<Staged> &staged) {
        std::error_code ec;
        for (const auto &s : staged)
            fs::remove(s.temp, ec);
        return R::failure(historyProblem("history-restore-failed",
                                         "The files of version " + version.shortId() + " could not be restored (" + path +
                                             "): " + why + ". Nothing was changed.",
                                         {version.shortId(), path, why}));
    };
    auto failPartly = [&](const std::string &path, const std::string &why, const std::vector<Staged> &staged) {
        std::error_code ec;
        for (const auto &s : staged)
            fs::remove(s.temp, ec);
        return R::failure(historyProblem("history-restore-partial",
                                         "Restoring version " + version.shortId() + " stopped at " + path + ": " + why +
                                             ". Some files were already restored; restore the version again.",
                                         {version.shortId(), path, why}));
    };

    std::vector<Staged> staged;
    for (const auto &[path, blob] : wanted) {
        if (!staysInside(state.folder, path))
            return fail(path, "a folder or link of that name is in the way", staged);
        git_blob *raw = nullptr;
        if (git_blob_lookup(&raw, state.repo.get(), &blob.first) != 0)
            return fail(path, lastGitError(), staged);
        BlobPtr content(raw);
        const fs::path target = state.folder / fs::path(path);
        std::error_code ec;
        fs::create_directories(target.parent_path(), ec);
        if (ec)
            return fail(path, ec.message(), staged);
        const fs::path temp = target.parent_path() / ("." + target.filename().string() + ".restoring");
        const std::string error = writeTemp(temp, static_cast<const char *>(git_blob_rawcontent(raw)),
                                            static_cast<std::size_t>(git_blob_rawsize(raw)),
                                            blob.second == GIT_FILEMODE_BLOB_EXECUTABLE ? 0755 : 0644);
        if (!error.empty()) {
            fs::remove(temp, ec);
            return fail(path, error, staged);
        }
        staged.push_back({target, temp});
    }
    for (const auto &s : staged) {
        if (::rename(s.temp.c_str(), s.target.c_str()) != 0) {
            // Not expected (same folder, same disk).
            return failPartly(s.target.string(), std::strerror(errno), staged);
        }
    }
    for (const auto &path : removals) {
        std::error_code ec;
        fs::remove(state.folder / fs::path(path), ec);
    }
    const std::string message = relativePath.empty() ? "Restored version " + version.shortId()
                                                     : "Restored " + cleanRelativePath(relativePath) + " from version " +
                                                           version.shortId();
    return state.recordLocked(message, "restore", {});
}

} // namespace flowdeck::engine
