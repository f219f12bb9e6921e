// The main window's Help menu (shortcuts, the guide, About) and its Open Recent list.
#include "app/mainwindow.h"
#include "app/shortcutsdialog.h"

#include <QAction>
#include <QApplication>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QUrl>

namespace flowdeck {
namespace studio {

void MainWindow::fillRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value("recentFiles").toStringList();
    int number = 1;
    for (const QString &path : recent) {
        if (!QFileInfo::exists(path))
            continue;
        // "1 sales.flow.json — ~/Flowdeck/sales", with &1…&9 to pick by key.
        const QString label = QStringLiteral("%1%2  %3 — %4")
                                  .arg(number <= 9 ? QStringLiteral("&") : QString())
                                  .arg(number)
                                  .arg(QFileInfo(path).fileName(), QDir::toNativeSeparators(QFileInfo(path).absolutePath()));
        ++number;
        QAction *a = m_recentMenu->addAction(label);
        a->setData(path);
        connect(a, &QAction::triggered, this, [this, path] {
            if (maybeSave())
                openFile(path);
        });
    }
    if (m_recentMenu->isEmpty()) {
        m_recentMenu->addAction(tr("No recent projects"))->setEnabled(false);
        return;
    }
    m_recentMenu->addSeparator();
    connect(m_recentMenu->addAction(tr("&Clear List")), &QAction::triggered, this, [] { QSettings().remove("recentFiles"); });
}

void MainWindow::addRecent(const QString &path)
{
    QSettings settings;
    QStringList recent = settings.value("recentFiles").toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    settings.setValue("recentFiles", recent.mid(0, 10));
}

void MainWindow::buildHelpMenu()
{
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *shortcuts = help->addAction(tr("&Keyboard Shortcuts"), this, &MainWindow::showShortcuts);
    shortcuts->setObjectName("shortcutsAction");
    shortcuts->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));
    QAction *docs = help->addAction(tr("&Documentation"), this, [this] {
        const QString guide = documentationPath();
        if (guide.isEmpty() || !QDesktopServices::openUrl(QUrl::fromLocalFile(guide)))
            QMessageBox::information(this, tr("Documentation"),
                                     guide.isEmpty() ? tr("The guide is not installed with this copy of Flowdeck. Read "
                                                          "docs/studio.md in the Flowdeck sources, or the README.")
                                                     : tr("No program is set up to open %1. Open it in a text editor or a "
                                                          "Markdown viewer.").arg(QDir::toNativeSeparators(guide)));
    });
    docs->setObjectName("documentationAction");
    docs->setShortcut(QKeySequence::HelpContents);
    docs->setIcon(QIcon(QStringLiteral(":/icons/actions/help.svg")));
    help->addSeparator();
    QAction *about = help->addAction(tr("&About Flowdeck"), this, [this] {
        QMessageBox box(this);
        box.setWindowTitle(tr("About Flowdeck"));
        box.setIconPixmap(QIcon(QStringLiteral(":/icons/flowdeck.svg")).pixmap(64, 64));
        box.setTextFormat(Qt::RichText);
        box.setText(tr("<h3>Flowdeck %1</h3><p>Build AI apps on a canvas, run them on this computer and deploy them "
                       "with one click.</p><p>Built with Qt %2.</p>")
                        .arg(QApplication::applicationVersion().toHtmlEscaped(), QString::fromLatin1(qVersion())));
        box.exec();
    });
    about->setMenuRole(QAction::AboutRole);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt)->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::showShortcuts()
{
    auto *dialog = new ShortcutsDialog(menuBar(), this);
    dialog->setObjectName("shortcuts");
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

QString MainWindow::documentationPath()
{
    // Installed: <prefix>/share/doc/flowdeck-studio; a build tree: build/share/flowdeck/doc.
    const QDir bin(QApplication::applicationDirPath());
    for (const QString &candidate : {QStringLiteral("../share/doc/flowdeck-studio/studio.md"), QStringLiteral("../share/flowdeck/doc/studio.md")})
        if (QFileInfo::exists(bin.filePath(candidate)))
            return QFileInfo(bin.filePath(candidate)).canonicalFilePath();
    return {};
}

} // namespace studio
} // namespace flowdeck
