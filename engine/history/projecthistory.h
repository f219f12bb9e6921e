#pragma once

#include "engine/core/result.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace flowdeck::engine {

// One version of a project folder: a commit of its repository. Flowdeck writes the kind
// and the deploy target as commit trailers ("Flowdeck-Kind: deploy", "Flowdeck-Target:
// https://…"), so plain `git log` shows them too.
struct VersionInfo {
    std::string id;        // full commit id (40 hex); shortId() gives 8
    std::string message;   // the user's message (first line)
    std::int64_t time = 0; // seconds since epoch
    std::string kind;      // "save", "deploy", "restore", "import"; empty for a commit made outside Flowdeck
    std::string target;    // deploy target (URL or "this computer"); empty otherwise
    std::string shortId() const;
};

// A project folder's version history (DESIGN.md §11): the folder is a git repository,
// read and written through libgit2, so the user needs no git installed.
//
// What a version holds: every file of the folder that is not ignored — the workflows
// (*.flow.json), READMEs, sample files, knowledge bases' settings (knowledge/<base>/kb.json).
// Not versioned (the .gitignore written when the history is created, and the same rules
// applied in memory to a repository made by someone else): knowledge databases
// (knowledge.db and their -wal/-shm/-journal files: data that can be large and is
// rebuilt by `flowdeck kb`), .flowdeck/ (run caches, traces), temporary files, and any
// file larger than kMaxVersionedFileBytes that is not versioned already (recorded with
// a warning naming it).
//
// The repository is the folder's own .git: a folder inside another repository gets its
// own (nested) history. An existing repository is used as it is (its branch, its
// .gitignore, its author settings).
//
// Thread safety: one object may be used from several threads; calls are serialized by
// an internal lock. Two objects (or two programs) on the same folder are safe for reads;
// concurrent records are serialized by git's index lock (the second fails with a sentence
// saying the history is busy; a lock older than 5 minutes, left by a program that stopped,
// is taken over). Nothing here throws.
class ProjectHistory {
public:
    static constexpr std::uint64_t kMaxVersionedFileBytes = 20ull * 1024 * 1024;

    // Opens the project folder's repository, creating it (branch "main", and a .gitignore
    // for run caches, .flowdeck/, knowledge databases, *-wal etc.) when there is none.
    // Never needs git installed. Fails with a sentence when the folder does not exist or
    // is not writable, or when its .git is damaged (it is then left untouched).
    static Result<std::unique_ptr<ProjectHistory>> open(const std::filesystem::path &folder);
    // Whether `folder` has a repository of its own (a .git folder or file), without opening it.
    static bool hasHistory(const std::filesystem::path &folder);

    ~ProjectHistory();
    ProjectHistory(const ProjectHistory &) = delete;
    ProjectHistory &operator=(const ProjectHistory &) = delete;

    const std::filesystem::path &folder() const;

    // Records the folder's current files as a version. A "save" or "import" with nothing
    // changed returns the current version without making a new one; a "deploy" or
    // "restore" is recorded even when nothing changed. An empty message gets a default
    // ("Saved", "Deployed to <target>", ...). Kinds: save, deploy, restore, import.
    Result<VersionInfo> record(const std::string &message, const std::string &kind = "save", const std::string &target = {});

    // Takes back the "deploy" version `versionId` recorded for a deploy that then failed:
    // when it is still the newest version, the history goes back to the one before it
    // (the folder's files are not touched). False, and nothing changes, when a later
    // version exists or `versionId` is not a deploy at the head.
    Result<bool> withdrawDeploy(const std::string &versionId);

    std::vector<VersionInfo> list(std::size_t limit = 500) const;  // newest first (following first parents)
    // A version by its full id, a prefix of at least 4 hex digits, or "HEAD"; an unknown or
    // ambiguous id fails with a sentence saying which.
    Result<VersionInfo> resolve(const std::string &idOrPrefix) const;
    std::optional<VersionInfo> find(const std::string &idOrPrefix) const;  // resolve() without the reason
    std::optional<VersionInfo> head() const;  // nullopt before the first version
    // A file's content in a version (path relative to the folder, with '/').
    Result<std::string> fileAt(const std::string &versionId, const std::string &relativePath) const;
    // Every file of a version, sorted ('/' separated, relative to the folder).
    std::vector<std::string> filesAt(const std::string &versionId) const;
    // The files the next record would version (not ignored; the size rule applied), sorted.
    std::vector<std::string> workingFiles() const;

    // Writes the version's files back (every file of the version — files the current
    // version has and that one has not are removed —, or only `relativePath`), then records
    // a "restore" version ("Restored version <short id>"). All new contents are written
    // beside their targets first and renamed into place only when all were written, so a
    // failure changes nothing. Files that are not versioned (ignored, untracked) are left.
    Result<VersionInfo> restore(const std::string &versionId, const std::string &relativePath = {});

private:
    struct State;
    explicit ProjectHistory(std::unique_ptr<State> state);
    std::unique_ptr<State> m_state;
};

} // namespace flowdeck::engine
