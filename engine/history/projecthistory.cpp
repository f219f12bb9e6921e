#include "engine/history/projecthistory.h"

#include "engine/core/atomicfile.h"
#include "engine/history/historystate.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <set>

namespace flowdeck::engine {

namespace fs = std::filesystem;
using namespace history;

namespace {

// What a project's versions leave out: written as the .gitignore of a new history, and
// applied in memory to every repository (one made by someone else included).
constexpr const char *kIgnoreRules =
    "# Flowdeck keeps this project's versions in .git; these files are not part of a version.\n"
    "# Run caches and traces\n"
    ".flowdeck/\n"
    "# Knowledge databases: data, rebuilt with `flowdeck kb`; the settings (kb.json) are versioned\n"
    "knowledge/*/knowledge.db\n"
    "*.db-wal\n*.db-shm\n*.db-journal\n*.sqlite-wal\n*.sqlite-shm\n*.sqlite-journal\n"
    "# Files being written or restored\n"
    "*.tmp-*\n.*.restoring\n*~\n"
    ".DS_Store\nThumbs.db\n";

constexpr std::chrono::minutes kStaleLock{5};
const std::set<std::string> kKinds = {"save", "deploy", "restore", "import"};

std::string firstLine(const std::string &text)
{
    const auto end = text.find('\n');
    std::string line = text.substr(0, end);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
        line.pop_back();
    return line;
}

std::string oneLine(std::string text)
{
    std::replace_if(text.begin(), text.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
    return text;
}

std::string trimmed(const std::string &text)
{
    const auto begin = text.find_first_not_of(" \t\r\n");
    if (begin == std::string::npos)
        return {};
    return text.substr(begin, text.find_last_not_of(" \t\r\n") - begin + 1);
}

std::string defaultMessage(const std::string &kind, const std::string &target)
{
    if (kind == "deploy")
        return target.empty() ? "Deployed" : "Deployed to " + oneLine(target);
    if (kind == "restore")
        return "Restored";
    if (kind == "import")
        return "Imported";
    return "Saved";
}

} // namespace

namespace history {

Diagnostic historyProblem(const char *code, std::string message, std::vector<std::string> args)
{
    Diagnostic d;
    d.code = code;
    d.message = std::move(message);
    d.args = std::move(args);
    return d;
}

VersionInfo versionOf(git_commit *commit)
{
    VersionInfo info;
    char id[GIT_OID_HEXSZ + 1] = {};
    git_oid_tostr(id, sizeof id, git_commit_id(commit));
    info.id = id;
    const char *raw = git_commit_message(commit);
    const std::string message = raw ? raw : "";
    info.message = firstLine(message.substr(std::min(message.find_first_not_of("\r\n"), message.size())));
    info.time = static_cast<std::int64_t>(git_commit_time(commit));
    git_message_trailer_array trailers = {};
    if (git_message_trailers(&trailers, message.c_str()) == 0) {
        for (std::size_t i = 0; i < trailers.count; ++i) {
            const std::string key = trailers.trailers[i].key ? trailers.trailers[i].key : "";
            const std::string value = trailers.trailers[i].value ? trailers.trailers[i].value : "";
            if (key == "Flowdeck-Kind")
                info.kind = value;
            else if (key == "Flowdeck-Target")
                info.target = value;
        }
        git_message_trailer_array_free(&trailers);
    }
    return info;
}

} // namespace history

std::string VersionInfo::shortId() const { return id.substr(0, 8); }

ProjectHistory::ProjectHistory(std::unique_ptr<State> state) : m_state(std::move(state)) {}
ProjectHistory::~ProjectHistory() = default;

const fs::path &ProjectHistory::folder() const { return m_state->folder; }

bool ProjectHistory::hasHistory(const fs::path &folder)
{
    std::error_code ec;
    return fs::exists(folder / ".git", ec);
}

Result<std::unique_ptr<ProjectHistory>> ProjectHistory::open(const fs::path &folderIn)
{
    using R = Result<std::unique_ptr<ProjectHistory>>;
    startLibgit2();
    std::error_code ec;
    fs::path folder = fs::absolute(folderIn, ec).lexically_normal();
    if (!folder.has_filename())
        folder = folder.parent_path();
    const std::string where = folder.string();
    if (ec || !fs::is_directory(folder, ec))
        return R::failure(historyProblem("history-no-folder", "The project folder " + where + " does not exist.", {where}));

    git_repository *raw = nullptr;
    if (hasHistory(folder)) {
        // Only the folder's own repository: never one of a folder above it.
        const int rc = git_repository_open_ext(&raw, folder.c_str(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr);
        // libgit2 1.5 refuses a repository of another user (not root) but reports a missing
        // safe.directory setting instead of GIT_EOWNER: the owner is checked here.
        struct stat gitDir {};
        const bool othersRepository = rc != 0 && ::stat((folder / ".git").c_str(), &gitDir) == 0 &&
                                      gitDir.st_uid != ::geteuid() && gitDir.st_uid != 0;
        if (rc == GIT_EOWNER || othersRepository)
            return R::failure(historyProblem("history-not-owner",
                                             "The version history of " + where +
                                                 " belongs to another user of this computer, so it is not used (a safety rule "
                                                 "of git). Open the project as that user, or make its .git folder yours.",
                                             {where}));
        // Its files must be this folder's (a core.worktree setting could name another one).
        const char *workdir = rc == 0 ? git_repository_workdir(raw) : nullptr;
        const bool elsewhere = workdir && !fs::equivalent(fs::path(workdir), folder, ec);
        if (rc != 0 || !workdir || elsewhere) {
            const std::string why = rc != 0 ? lastGitError()
                                    : !workdir ? std::string("it is a bare repository")
                                               : "its files are kept in another folder (" + std::string(workdir) + ")";
            git_repository_free(raw);
            return R::failure(historyProblem("history-damaged",
                                             "The version history of " + where + " (its .git) is damaged or cannot be read: " +
                                                 why + ". The project's files are not affected; move the .git folder away to "
                                                       "start a new history.",
                                             {where, why}));
        }
    } else {
        auto notWritable = [&](const std::string &why) {
            return R::failure(historyProblem("history-not-writable",
                                             "The project folder " + where + " is not writable, so its versions cannot be kept: " +
                                                 why + ".",
                                             {where, why}));
        };
        if (::access(folder.c_str(), W_OK) != 0)
            return notWritable("permission denied");
        git_repository_init_options options = GIT_REPOSITORY_INIT_OPTIONS_INIT;
        options.flags = GIT_REPOSITORY_INIT_NO_REINIT;
        options.initial_head = "main";
        if (git_repository_init_ext(&raw, folder.c_str(), &options) != 0)
            return notWritable(lastGitError());
        std::string error;
        if (!fs::exists(folder / ".gitignore", ec) && !writeFileAtomically(folder / ".gitignore", kIgnoreRules, error)) {
            git_repository_free(raw);
            fs::remove_all(folder / ".git", ec);
            return notWritable(error);
        }
    }
    auto state = std::make_unique<State>();
    state->folder = folder;
    state->repo.reset(raw);
    git_ignore_add_rule(raw, kIgnoreRules);
    return R(std::unique_ptr<ProjectHistory>(new ProjectHistory(std::move(state))));
}

Result<VersionInfo> ProjectHistory::record(const std::string &message, const std::string &kind, const std::string &target)
{
    std::lock_guard lock(m_state->mutex);
    return m_state->recordLocked(message, kind, target);
}

Result<VersionInfo> ProjectHistory::State::recordLocked(const std::string &messageIn, const std::string &kind,
                                                        const std::string &target)
{
    using R = Result<VersionInfo>;
    const std::string where = folder.string();
    if (!kKinds.count(kind))
        return R::failure(historyProblem("history-kind",
                                         "'" + kind + "' is not a kind of version; use save, deploy, restore or import.", {kind}));
    auto failed = [&](const std::string &why, int rc = 0) {
        if (rc == GIT_ELOCKED)
            return R::failure(historyProblem("history-busy",
                                             "Another program is recording a version of " + where +
                                                 " right now; try again in a moment.",
                                             {where}));
        return R::failure(historyProblem("history-record-failed",
                                         "The version of " + where + " could not be recorded: " + why + ".", {where, why}));
    };

    // A lock left by a program that stopped while recording (minutes old) would block every
    // record from now on; one being written now is seconds old.
    std::error_code ec;
    const fs::path lock = fs::path(git_repository_path(repo.get())) / "index.lock";
    if (const auto written = fs::last_write_time(lock, ec); !ec && fs::file_time_type::clock::now() - written > kStaleLock)
        fs::remove(lock, ec);

    git_index *rawIndex = nullptr;
    if (git_repository_index(&rawIndex, repo.get()) != 0)
        return failed(lastGitError());
    IndexPtr index(rawIndex);
    if (git_index_read(index.get(), 1) != 0)
        return failed(lastGitError());

    // Every file that is not ignored; a large one only when it is versioned already.
    struct Walk {
        const fs::path *folder;
        git_index *index;
        Diagnostics skipped;
        void skip(const char *code, std::string message, std::vector<std::string> args)
        {
            skipped.push_back(historyProblem(code, std::move(message), std::move(args)));
            skipped.back().severity = Diagnostic::Severity::Warning;
        }
    } walk{&folder, index.get(), {}};
    auto addOne = [](const char *path, const char *, void *payload) -> int {
        auto *w = static_cast<Walk *>(payload);
        const std::string name = path;
        if (!name.empty() && name.back() == '/') {
            // A folder with a repository of its own (a plugin cloned with git): it keeps its own history.
            const std::string folder = name.substr(0, name.size() - 1);
            w->skip("history-nested-repository",
                    folder + " has a version history of its own (a .git folder); its files are not part of this project's versions.",
                    {folder});
            return 1;
        }
        std::error_code ec;
        const auto size = fs::file_size(*w->folder / path, ec);
        if (!ec && size > kMaxVersionedFileBytes && !git_index_get_bypath(w->index, path, 0)) {
            const std::string megabytes = std::to_string(kMaxVersionedFileBytes / (1024 * 1024));
            w->skip("history-file-too-large", name + " was not versioned: it is larger than " + megabytes + " MB.", {name, megabytes});
            return 1;
        }
        return 0;
    };
    int rc = git_index_add_all(index.get(), nullptr, GIT_INDEX_ADD_DEFAULT, addOne, &walk);
    if (rc == 0)
        rc = git_index_update_all(index.get(), nullptr, nullptr, nullptr);
    if (rc == 0)
        rc = git_index_write(index.get());
    if (rc != 0)
        return failed(lastGitError(), rc);
    git_oid treeId;
    if (git_index_write_tree(&treeId, index.get()) != 0)
        return failed(lastGitError());

    CommitPtr parent;
    git_oid headId;
    const int headState = git_reference_name_to_id(&headId, repo.get(), "HEAD");
    if (headState == 0) {
        git_commit *raw = nullptr;
        if (git_commit_lookup(&raw, repo.get(), &headId) != 0)
            return failed(lastGitError());
        parent.reset(raw);
        const bool unchanged = git_oid_equal(git_commit_tree_id(raw), &treeId);
        if (unchanged && (kind == "save" || kind == "import"))
            return R(versionOf(raw), std::move(walk.skipped));
    } else if (headState != GIT_ENOTFOUND && headState != GIT_EUNBORNBRANCH) {
        return failed(lastGitError());
    }
    git_tree *rawTree = nullptr;
    if (git_tree_lookup(&rawTree, repo.get(), &treeId) != 0)
        return failed(lastGitError());
    TreePtr tree(rawTree);

    git_signature *rawSignature = nullptr;
    if (git_signature_default(&rawSignature, repo.get()) != 0 &&
        git_signature_now(&rawSignature, "Flowdeck", "flowdeck@localhost") != 0)
        return failed(lastGitError());
    SignaturePtr signature(rawSignature);

    std::string text = trimmed(messageIn);
    if (text.empty())
        text = defaultMessage(kind, target);
    text += "\n\nFlowdeck-Kind: " + kind + "\n";
    if (!target.empty())
        text += "Flowdeck-Target: " + oneLine(target) + "\n";
    const git_commit *parents[] = {parent.get()};
    git_oid commitId;
    rc = git_commit_create(&commitId, repo.get(), "HEAD", signature.get(), signature.get(), nullptr, text.c_str(), tree.get(),
                           parent ? 1 : 0, parent ? parents : nullptr);
    if (rc != 0)
        return failed(lastGitError(), rc);
    git_commit *created = nullptr;
    if (git_commit_lookup(&created, repo.get(), &commitId) != 0)
        return failed(lastGitError());
    CommitPtr owned(created);
    return R(versionOf(created), std::move(walk.skipped));
}

std::vector<VersionInfo> ProjectHistory::list(std::size_t limit) const
{
    std::lock_guard lock(m_state->mutex);
    std::vector<VersionInfo> versions;
    git_revwalk *raw = nullptr;
    if (git_revwalk_new(&raw, m_state->repo.get()) != 0)
        return versions;
    RevwalkPtr walk(raw);
    git_revwalk_simplify_first_parent(walk.get());
    if (git_revwalk_push_head(walk.get()) != 0)
        return versions;  // no version yet
    git_oid id;
    while (versions.size() < limit && git_revwalk_next(&id, walk.get()) == 0) {
        git_commit *commit = nullptr;
        if (git_commit_lookup(&commit, m_state->repo.get(), &id) != 0)
            break;  // a damaged history: what could be read
        CommitPtr owned(commit);
        versions.push_back(versionOf(commit));
    }
    return versions;
}

Result<CommitPtr> ProjectHistory::State::commitLocked(const std::string &id) const
{
    CommitPtr commit;
    const int rc = lookupCommit(repo.get(), id, commit);
    if (rc == 0)
        return Result<CommitPtr>(std::move(commit));
    if (rc == GIT_EAMBIGUOUS)
        return Result<CommitPtr>::failure(
            historyProblem("history-ambiguous-version", "'" + id + "' matches more than one version; give more of its id.", {id}));
    if (rc == GIT_ENOTFOUND)
        return Result<CommitPtr>::failure(historyProblem(
            "history-unknown-version", "There is no version '" + id + "' in this project's history.", {id}));
    const std::string why = lastGitError();
    return Result<CommitPtr>::failure(historyProblem(
        "history-read-failed", "The version history of " + folder.string() + " could not be read: " + why + ".", {folder.string(), why}));
}

Result<VersionInfo> ProjectHistory::resolve(const std::string &idOrPrefix) const
{
    std::lock_guard lock(m_state->mutex);
    auto commit = m_state->commitLocked(idOrPrefix);
    if (!commit)
        return Result<VersionInfo>(commit.diagnostics());
    return Result<VersionInfo>(versionOf(commit.value().get()));
}

std::optional<VersionInfo> ProjectHistory::find(const std::string &idOrPrefix) const
{
    auto version = resolve(idOrPrefix);
    return version ? std::optional<VersionInfo>(std::move(version).value()) : std::nullopt;
}

std::optional<VersionInfo> ProjectHistory::head() const { return find("HEAD"); }

std::map<std::string, std::pair<git_oid, git_filemode_t>> ProjectHistory::State::blobsLocked(git_commit *commit) const
{
    std::map<std::string, std::pair<git_oid, git_filemode_t>> blobs;
    git_tree *raw = nullptr;
    if (git_commit_tree(&raw, commit) != 0)
        return blobs;
    TreePtr tree(raw);
    auto visit = [](const char *root, const git_tree_entry *entry, void *payload) -> int {
        const git_filemode_t mode = git_tree_entry_filemode(entry);
        if (mode == GIT_FILEMODE_BLOB || mode == GIT_FILEMODE_BLOB_EXECUTABLE) {
            const std::string path = cleanRelativePath(std::string(root) + git_tree_entry_name(entry));
            if (!path.empty())  // a hostile tree's "../x" is never a file of the project
                (*static_cast<std::map<std::string, std::pair<git_oid, git_filemode_t>> *>(payload))[path] = {
                    *git_tree_entry_id(entry), mode};
        }
        return 0;
    };
    git_tree_walk(tree.get(), GIT_TREEWALK_PRE, visit, &blobs);
    return blobs;
}

Result<std::string> ProjectHistory::fileAt(const std::string &versionId, const std::string &relativePath) const
{
    using R = Result<std::string>;
    std::lock_guard lock(m_state->mutex);
    auto commit = m_state->commitLocked(versionId);
    if (!commit)
        return R(commit.diagnostics());
    const std::string path = cleanRelativePath(relativePath);
    const VersionInfo version = versionOf(commit.value().get());
    const auto blobs = m_state->blobsLocked(commit.value().get());
    const auto it = path.empty() ? blobs.end() : blobs.find(path);
    if (it == blobs.end())
        return R::failure(historyProblem("history-no-file", "Version " + version.shortId() + " has no file '" + relativePath + "'.",
                                         {version.shortId(), relativePath}));
    git_blob *raw = nullptr;
    if (git_blob_lookup(&raw, m_state->repo.get(), &it->second.first) != 0) {
        const std::string why = lastGitError();
        return R::failure(historyProblem("history-read-failed",
                                         "The version history of " + m_state->folder.string() + " could not be read: " + why + ".",
                                         {m_state->folder.string(), why}));
    }
    BlobPtr blob(raw);
    return R(std::string(static_cast<const char *>(git_blob_rawcontent(raw)), static_cast<std::size_t>(git_blob_rawsize(raw))));
}

std::vector<std::string> ProjectHistory::filesAt(const std::string &versionId) const
{
    std::lock_guard lock(m_state->mutex);
    std::vector<std::string> files;
    auto commit = m_state->commitLocked(versionId);
    if (commit)
        for (const auto &[path, blob] : m_state->blobsLocked(commit.value().get()))
            files.push_back(path);
    return files;
}

std::vector<std::string> ProjectHistory::workingFiles() const
{
    std::lock_guard lock(m_state->mutex);
    std::vector<std::string> files;
    git_index *rawIndex = nullptr;
    IndexPtr index(git_repository_index(&rawIndex, m_state->repo.get()) == 0 ? rawIndex : nullptr);
    if (index)
        git_index_read(index.get(), 0);
    std::error_code ec;
    fs::recursive_directory_iterator it(m_state->folder, fs::directory_options::none, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
        const std::string path = it->path().lexically_relative(m_state->folder).generic_string();
        int ignored = 0;
        const bool nested = it->is_directory(ec) && fs::exists(it->path() / ".git", ec);
        if (path == ".git" || nested || git_ignore_path_is_ignored(&ignored, m_state->repo.get(), path.c_str()) != 0 || ignored) {
            if (it->is_directory(ec))
                it.disable_recursion_pending();
            continue;
        }
        if (!it->is_regular_file(ec) || it->is_symlink(ec))
            continue;
        const bool tracked = index && git_index_get_bypath(index.get(), path.c_str(), 0);
        if (it->file_size(ec) > kMaxVersionedFileBytes && !tracked)
            continue;
        files.push_back(path);
    }
    std::sort(files.begin(), files.end());
    return files;
}

} // namespace flowdeck::engine
