#include "widgets/history/historydialog.h"

#include "engine/workflow/workflowfile.h"
#include "widgets/history/changetext.h"
#include "widgets/history/projectversions.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace flowdeck {
namespace studio {

namespace {

enum Column { Time, Kind, Message, Target, Id };

// A workflow as it is in `version` (empty: the file in the folder now); an empty one when it cannot be read.
engine::Workflow workflowAt(engine::ProjectHistory &history, const std::string &version, const std::string &path)
{
    std::string text;
    if (version.empty()) {
        QFile file(QDir(QString::fromStdString(history.folder().string())).filePath(QString::fromStdString(path)));
        if (file.open(QIODevice::ReadOnly))
            text = file.readAll().toStdString();
    } else if (auto content = history.fileAt(version, path)) {
        text = content.value();
    }
    auto parsed = engine::parseWorkflow(text);
    return parsed ? parsed.value() : engine::Workflow{};
}

} // namespace

HistoryDialog::HistoryDialog(const QString &workflowFile, QWidget *parent)
    : QDialog(parent), m_file(workflowFile), m_versions(std::make_unique<ProjectVersions>(workflowFile))
{
    setWindowTitle(tr("History — %1").arg(QFileInfo(workflowFile).fileName()));
    m_list = new QTreeWidget;
    m_list->setObjectName("versions");
    m_list->setHeaderLabels({tr("Time"), tr("Kind"), tr("Message"), tr("Deployed to"), tr("Version")});
    m_list->setRootIsDecorated(false);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setAlternatingRowColors(true);
    m_list->header()->setSectionResizeMode(Message, QHeaderView::Stretch);
    m_list->header()->setStretchLastSection(false);
    m_diff = new QTextBrowser;
    m_diff->setObjectName("diff");
    m_diff->setOpenLinks(false);
    m_summary = new QLabel;
    m_summary->setObjectName("summary");
    m_summary->setWordWrap(true);
    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(m_list);
    split->addWidget(m_diff);
    split->setStretchFactor(1, 2);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    m_restore = buttons->addButton(tr("&Restore This Version…"), QDialogButtonBox::ActionRole);
    m_restore->setObjectName("restore");
    m_restore->setEnabled(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addWidget(m_summary);
    layout->addWidget(buttons);
    resize(900, 680);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_restore, &QPushButton::clicked, this, &HistoryDialog::askToRestore);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &HistoryDialog::selectionChanged);
    reload();
}

HistoryDialog::~HistoryDialog() = default;

void HistoryDialog::reload()
{
    QStringList selected;
    for (QTreeWidgetItem *item : m_list->selectedItems())
        selected << item->data(Id, Qt::UserRole).toString();
    const QSignalBlocker quiet(m_list);
    m_list->clear();
    engine::ProjectHistory *history = m_versions->open(false);
    if (!history) {
        m_summary->setText(tr("No versions: %1.").arg(m_versions->problem()));
        m_diff->clear();
        m_shown.clear();
        m_restore->setEnabled(false);
        return;
    }
    auto *now = new QTreeWidgetItem(m_list, {tr("Now"), QString(), tr("The files as they are now"), QString(), QString()});
    QFont italic = now->font(Message);
    italic.setItalic(true);
    now->setFont(Message, italic);
    now->setData(Id, Qt::UserRole, QString());
    for (const auto &v : history->list()) {
        auto *item = new QTreeWidgetItem(m_list, {versionTimeText(v.time), versionKindLabel(v.kind), QString::fromStdString(v.message),
                                                  QString::fromStdString(v.target), QString::fromStdString(v.shortId())});
        item->setData(Id, Qt::UserRole, QString::fromStdString(v.id));
        item->setToolTip(Id, QString::fromStdString(v.id));
        item->setToolTip(Message, QString::fromStdString(v.message));
    }
    for (int c = Time; c <= Id; ++c)
        if (c != Message)
            m_list->resizeColumnToContents(c);
    for (int i = 0; i < m_list->topLevelItemCount(); ++i)
        if (selected.contains(m_list->topLevelItem(i)->data(Id, Qt::UserRole).toString()))
            m_list->topLevelItem(i)->setSelected(true);
    selectionChanged();
}

void HistoryDialog::selectionChanged()
{
    QList<QTreeWidgetItem *> rows = m_list->selectedItems();
    std::sort(rows.begin(), rows.end(), [this](QTreeWidgetItem *a, QTreeWidgetItem *b) {
        return m_list->indexOfTopLevelItem(a) < m_list->indexOfTopLevelItem(b);  // newest first
    });
    auto id = [](QTreeWidgetItem *row) { return row->data(Id, Qt::UserRole).toString().toStdString(); };
    engine::ProjectHistory *history = m_versions->open(false);
    const bool oneVersion = rows.size() == 1 && !id(rows.front()).empty();
    bool hasFile = false;
    if (oneVersion && history) {
        const auto files = history->filesAt(id(rows.front()));
        hasFile = std::find(files.begin(), files.end(), m_versions->relativePath()) != files.end();
    }
    m_restore->setEnabled(hasFile);
    m_restore->setToolTip(oneVersion && !hasFile ? tr("This version has no %1.").arg(QFileInfo(m_file).fileName()) : QString());
    m_diff->clear();
    m_shown.clear();
    if (rows.size() == 1 && !id(rows.front()).empty())
        return showDiff(id(rows.front()), {});
    if (rows.size() == 2 && !id(rows.back()).empty())
        return showDiff(id(rows.back()), id(rows.front()));
    m_summary->setText(rows.size() > 2 ? tr("Select at most two versions to compare them.")
                                       : tr("Select a version to see what changed since it, or two (Ctrl+click) to compare them."));
}

void HistoryDialog::showDiff(const std::string &from, const std::string &to)
{
    engine::ProjectHistory *history = m_versions->open(false);
    if (!history)
        return;
    auto diffs = engine::diffVersions(*history, from, to);
    if (!diffs) {
        m_summary->setText(firstProblem(diffs.diagnostics()));
        return;
    }
    m_shown = std::move(diffs.value());
    // The open workflow first, then the other files in order.
    std::stable_partition(m_shown.begin(), m_shown.end(), [this](const engine::FileDiff &f) { return f.path == m_versions->relativePath(); });
    auto shortId = [history](const std::string &id) {
        const auto v = history->find(id);
        return v ? QString::fromStdString(v->shortId()) : QString::fromStdString(id.substr(0, 8));
    };
    const QString fromText = shortId(from), toText = to.empty() ? tr("now") : shortId(to);
    if (m_shown.empty()) {
        m_summary->setText(tr("No differences between %1 and %2.").arg(fromText, toText));
        m_diff->setHtml(QStringLiteral("<p>%1</p>").arg(tr("The files are the same.").toHtmlEscaped()));
        return;
    }
    m_summary->setText(tr("Changes from %1 to %2: %n file(s).", nullptr, static_cast<int>(m_shown.size())).arg(fromText, toText));
    QString html;
    for (const auto &file : m_shown)
        html += fileHtml(file, from, to);
    m_diff->setHtml(html);
}

QString HistoryDialog::fileHtml(const engine::FileDiff &file, const std::string &from, const std::string &to) const
{
    const QString status = file.status == "added" ? tr("added") : file.status == "removed" ? tr("removed") : tr("changed");
    QString html = QStringLiteral("<h3>%1 <span style=\"font-weight: normal; color: #6e7781;\">— %2</span></h3>")
                       .arg(QString::fromStdString(file.path).toHtmlEscaped(), status);
    if (!file.problem.empty())
        html += QStringLiteral("<p style=\"color: #b35900;\">%1</p>").arg(QString::fromStdString(file.problem).toHtmlEscaped());
    if (!file.workflow)
        return html;
    if (file.changes.empty())
        return html + QStringLiteral("<p>%1</p>").arg(tr("Only its formatting changed.").toHtmlEscaped());
    engine::ProjectHistory *history = m_versions->history();
    const engine::Workflow before = history ? workflowAt(*history, from, file.path) : engine::Workflow{};
    const engine::Workflow after = history ? workflowAt(*history, to, file.path) : engine::Workflow{};
    return html + changesHtml(file.changes, nodeNamer(after, before));
}

void HistoryDialog::askToRestore()
{
    const QList<QTreeWidgetItem *> rows = m_list->selectedItems();
    engine::ProjectHistory *history = m_versions->open(false);
    if (rows.size() != 1 || !history)
        return;
    const std::string id = rows.front()->data(Id, Qt::UserRole).toString().toStdString();
    const auto version = history->find(id);
    if (!version)
        return;
    // What the restore would change: the difference between that version and now.
    QStringList files;
    if (auto diffs = engine::diffVersions(*history, id, {}))
        for (const auto &f : diffs.value())
            files << QStringLiteral("• %1 — %2").arg(QString::fromStdString(f.path),
                                                     f.status == "added"     ? tr("removed (it is not in that version)")
                                                     : f.status == "removed" ? tr("brought back")
                                                                             : tr("put back as it was"));
    const int shown = 8;
    if (files.size() > shown)
        files = files.mid(0, shown) << tr("… and %n more", nullptr, static_cast<int>(files.size() - shown));
    auto *box = new QMessageBox(QMessageBox::Question, tr("Restore This Version?"),
                                tr("Restore the project to version %1 (%2, “%3”)?")
                                    .arg(QString::fromStdString(version->shortId()), versionTimeText(version->time),
                                         QString::fromStdString(version->message)),
                                QMessageBox::NoButton, this);
    box->setObjectName("restoreQuestion");
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText((files.isEmpty() ? tr("The files are the same as now.") : files.join('\n')) + "\n\n" +
                            tr("The current files are kept in the history first, so you can come back to them. The restored "
                               "workflow replaces the one on the canvas; Edit → Undo does not undo a restore."));
    QPushButton *yes = box->addButton(tr("&Restore"), QMessageBox::AcceptRole);
    yes->setObjectName("confirmRestore");
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(qobject_cast<QPushButton *>(box->button(QMessageBox::Cancel)));
    m_question = box;
    connect(box, &QMessageBox::finished, this, [this, box, yes, id] {
        if (box->clickedButton() == yes)
            restore(id);
    });
    box->open();
}

void HistoryDialog::restore(const std::string &versionId)
{
    if (m_beforeRestore && !m_beforeRestore())
        return;  // the user kept their unsaved changes
    engine::ProjectHistory *history = m_versions->open(false);
    if (!history)
        return;
    const auto version = history->find(versionId);
    if (!version)
        return;
    // Files changed since the last version (outside the studio, say) are kept as a version of their own first.
    if (!m_versions->record(tr("Before restoring version %1").arg(QString::fromStdString(version->shortId())), "save")) {
        QMessageBox::warning(this, tr("Not restored"),
                             tr("The current files could not be kept in the history, so nothing was restored: %1")
                                 .arg(m_versions->problem()));
        return;
    }
    auto done = history->restore(versionId);
    if (!done) {
        QMessageBox::warning(this, tr("Not restored"), tr("Version %1 could not be restored; the files were not changed: %2")
                                                           .arg(QString::fromStdString(version->shortId()), firstProblem(done.diagnostics())));
        return;
    }
    m_list->clearSelection();
    reload();
    m_summary->setText(tr("Restored version %1 as version %2.")
                           .arg(QString::fromStdString(version->shortId()), QString::fromStdString(done->shortId())));
    emit restored(QString::fromStdString(versionId));
}

} // namespace studio
} // namespace flowdeck
