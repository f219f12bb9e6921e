#pragma once

#include "engine/history/versiondiff.h"

#include <QDialog>
#include <QMessageBox>
#include <QPointer>

#include <functional>
#include <memory>

class QLabel;
class QPushButton;
class QTextBrowser;
class QTreeWidget;

namespace flowdeck {
namespace studio {

class ProjectVersions;

// File → History…: the versions of the open workflow's project (time, kind, message,
// deploy target, short id), newest first under a row for the files as they are now.
// Selecting one version shows what changed since it; two, what changed between them:
// per file, nodes added, removed and moved, fields before → after, prompts as a coloured
// line diff. Restore puts the project's files back as they were in the selected version
// (after a confirmation; the current files stay in the history as a version first).
class HistoryDialog : public QDialog {
    Q_OBJECT

public:
    HistoryDialog(const QString &workflowFile, QWidget *parent = nullptr);
    ~HistoryDialog() override;

    // Reads the versions again (after a save or a deploy); keeps the selection when it can.
    void reload();
    // Asked before a restore (the main window: save or discard unsaved changes); false stops it.
    void setBeforeRestore(std::function<bool()> ask) { m_beforeRestore = std::move(ask); }

    QTreeWidget *versionList() const { return m_list; }  // row 0: the current files; each row's data: the version id
    QTextBrowser *diffView() const { return m_diff; }
    QPushButton *restoreButton() const { return m_restore; }
    QLabel *summary() const { return m_summary; }
    QMessageBox *restoreQuestion() const { return m_question; }
    // What the view shows: the file differences between the selected versions.
    const std::vector<engine::FileDiff> &shownDiff() const { return m_shown; }
    const QString &workflowFile() const { return m_file; }

signals:
    // The project's files were restored to `versionId`; the open workflow should be read again.
    void restored(const QString &versionId);

private:
    void selectionChanged();
    void showDiff(const std::string &from, const std::string &to);
    QString fileHtml(const engine::FileDiff &file, const std::string &from, const std::string &to) const;
    void askToRestore();
    void restore(const std::string &versionId);

    QString m_file;
    std::unique_ptr<ProjectVersions> m_versions;
    QTreeWidget *m_list;
    QTextBrowser *m_diff;
    QLabel *m_summary;
    QPushButton *m_restore;
    QPointer<QMessageBox> m_question;
    std::vector<engine::FileDiff> m_shown;
    std::function<bool()> m_beforeRestore;
};

} // namespace studio
} // namespace flowdeck
