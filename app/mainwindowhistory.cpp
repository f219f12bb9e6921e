// The main window's side of version history and Dify import (widgets/history): the File
// menu's Save Version…, History… and Import → Dify App…, and a version for each save.
#include "app/mainwindow.h"

#include "widgets/document/graphdocument.h"
#include "widgets/document/localized.h"
#include "widgets/history/difyimportflow.h"
#include "widgets/history/historydialog.h"
#include "widgets/history/importreportdialog.h"
#include "widgets/history/projectversions.h"
#include "widgets/run/serverdirectory.h"

#include <QAction>
#include <QFileInfo>
#include <QInputDialog>
#include <QMenu>
#include <QStatusBar>

namespace flowdeck {
namespace studio {

void MainWindow::buildHistoryActions(QMenu *file)
{
    QAction *saveVersion = file->addAction(tr("Save &Version…"), this, [this] {
        bool ok = false;
        const QString message = QInputDialog::getText(this, tr("Save Version"), tr("What changed (one line, for the history):"),
                                                      QLineEdit::Normal, {}, &ok);
        if (ok)
            m_path.isEmpty() ? saveAs(message) : saveTo(m_path, message);
    });
    saveVersion->setObjectName("saveVersionAction");
    saveVersion->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_S));
    QAction *history = file->addAction(tr("&History…"), this, [this] { openHistory(); });
    history->setObjectName("historyAction");
    history->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    QMenu *import = file->addMenu(tr("&Import"));
    import->setObjectName("importMenu");
    import->addAction(tr("&Dify App…"), this, [this] { importDifyApp(); })->setObjectName("importDifyAction");
    QAction *report = import->addAction(tr("Last Import &Report"), this, [this] {
        if (auto *dialog = findChild<ImportReportDialog *>("importReport")) {
            dialog->show();
            dialog->raise();
        }
    });
    report->setObjectName("importReportAction");
    connect(import, &QMenu::aboutToShow, report, [this, report] { report->setEnabled(findChild<ImportReportDialog *>("importReport")); });
}

HistoryDialog *MainWindow::openHistory()
{
    if (m_path.isEmpty()) {
        statusBar()->showMessage(tr("Save the workflow in a project folder first: its versions are kept there."), 6000);
        return nullptr;
    }
    auto *dialog = findChild<HistoryDialog *>("history");
    if (dialog && dialog->workflowFile() != m_path) {
        delete dialog;
        dialog = nullptr;
    }
    if (!dialog) {
        dialog = new HistoryDialog(m_path, this);
        dialog->setObjectName("history");
        dialog->setBeforeRestore([this] { return maybeSave(); });
        connect(dialog, &HistoryDialog::restored, this, [this](const QString &version) {
            if (openFile(m_path))
                statusBar()->showMessage(tr("Restored version %1 of %2.").arg(version.left(8), QFileInfo(m_path).fileName()), 6000);
        });
    } else {
        dialog->reload();
    }
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
    return dialog;
}

QString MainWindow::recordSave(const QString &path, const QString &message)
{
    const QString note = recordSavedVersion(path, workflowName(m_doc->workflow()), message);
    if (auto *dialog = findChild<HistoryDialog *>("history"); dialog && dialog->workflowFile() == path)
        dialog->reload();
    return note;
}

bool MainWindow::importDifyApp()
{
    if (!maybeSave())
        return false;
    const ImportedDifyApp imported = studio::importDifyApp(this, m_runner, m_keys, m_servers->catalog());
    if (imported.workflowFile.isEmpty())
        return false;
    // One report at a time: the newest replaces the one before.
    for (auto *old : findChildren<ImportReportDialog *>("importReport"))
        if (old != imported.report)
            delete old;
    // Someone else's app: its code, plugins and secrets wait for the user's approval
    // (workspace trust), although it was written into the user's own projects folder.
    if (!openFile(imported.workflowFile, true))
        return false;
    if (imported.report) {
        imported.report->show();
        imported.report->raise();
    }
    statusBar()->showMessage(tr("Imported into %1.").arg(QFileInfo(imported.workflowFile).absolutePath()), 6000);
    return true;
}

} // namespace studio
} // namespace flowdeck
