#pragma once

#include "engine/history/projecthistory.h"

#include <QString>

#include <memory>
#include <optional>
#include <string>

namespace flowdeck {
namespace studio {

// The studio's side of a project's version history (engine/history/projecthistory.h):
// the history of a workflow file is that of its folder. The studio creates one silently at
// the first save, except where it would get in the way: the home folder, the root, a
// folder inside someone's own Git repository (a nested repository would confuse theirs).
// Every failure is a sentence; nothing here stops a save.
class ProjectVersions {
public:
    explicit ProjectVersions(const QString &workflowFile);
    ~ProjectVersions();

    const QString &folder() const { return m_folder; }
    // The workflow file inside the folder, '/' separated ("support.flow.json").
    const std::string &relativePath() const { return m_relativePath; }
    bool exists() const;  // the folder keeps a history already
    // Why the studio does not create a history in this folder, or empty.
    QString refusal() const;

    // The history, opened (and with `create`, made where there is none and none is
    // refused); nullptr with problem() saying why.
    engine::ProjectHistory *open(bool create);
    engine::ProjectHistory *history() const { return m_history.get(); }  // once opened
    const QString &problem() const { return m_problem; }

    // Records the folder's files as a version; nullopt with problem() when it could not.
    std::optional<engine::VersionInfo> record(const QString &message, const std::string &kind, const QString &target = {},
                                              bool create = false);

private:
    QString m_file, m_folder, m_problem;
    std::string m_relativePath;
    std::unique_ptr<engine::ProjectHistory> m_history;
};

// A version's kind as the user reads it: Saved, Deployed, Restored, Imported (else the word).
QString versionKindLabel(const std::string &kind);
// A version's time in the user's local short format.
QString versionTimeText(std::int64_t secondsSinceEpoch);
// The first message of engine diagnostics, in the studio's language.
QString firstProblem(const engine::Diagnostics &diagnostics);

// After an explicit save of `workflowFile`: records a "save" version (the first save makes
// the history). Returns what the status bar adds to "Saved …": the version, or why the
// history is off. `message` empty: "Saved <workflow name>".
QString recordSavedVersion(const QString &workflowFile, const QString &workflowName, const QString &message);

} // namespace studio
} // namespace flowdeck
