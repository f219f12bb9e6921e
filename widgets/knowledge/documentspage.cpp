#include "widgets/knowledge/documentspage.h"

#include "engine/core/messages.h"
#include "engine/knowledge/knowledgestore.h"
#include "widgets/document/localized.h"
#include "widgets/knowledge/ingestjob.h"
#include "widgets/knowledge/problemtext.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace flowdeck::studio {

namespace {

constexpr int kChunkIdRole = Qt::UserRole;
constexpr int kPassagesShown = 500;

QString statusText(engine::DocumentStatus status)
{
    switch (status) {
    case engine::DocumentStatus::Indexed: return DocumentsPage::tr("indexed");
    case engine::DocumentStatus::Failed: return DocumentsPage::tr("failed");
    case engine::DocumentStatus::Pending: break;
    }
    return DocumentsPage::tr("waiting");
}

QTableWidget *table(const QStringList &headers, const QString &objectName)
{
    auto *t = new QTableWidget(0, static_cast<int>(headers.size()));
    t->setObjectName(objectName);
    t->setHorizontalHeaderLabels(headers);
    t->verticalHeader()->hide();
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    t->horizontalHeader()->setStretchLastSection(true);
    return t;
}

} // namespace

DocumentsPage::DocumentsPage(EmbeddingResolver resolver, QWidget *parent)
    : QWidget(parent), m_job(new IngestJob(resolver, this))
{
    m_addFiles = new QPushButton(tr("Add Files…"));
    m_addFiles->setObjectName("addFiles");
    m_addFolder = new QPushButton(tr("Add Folder…"));
    m_addFolder->setObjectName("addFolder");
    m_addUrl = new QPushButton(tr("Add Web Page…"));
    m_addUrl->setObjectName("addWebPage");
    m_remove = new QPushButton(tr("Remove"));
    m_remove->setObjectName("removeDocument");
    m_remove->setToolTip(tr("Remove the selected documents, their passages and their stored copies"));
    m_cancel = new QPushButton(tr("Cancel"));
    m_cancel->setObjectName("cancelIngest");
    m_cancel->setToolTip(tr("Stop after the document being read; what is stored stays, and adding again goes on from there"));
    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : {m_addFiles, m_addFolder, m_addUrl, m_remove})
        buttons->addWidget(b);
    buttons->addStretch(1);
    buttons->addWidget(m_cancel);
    m_status = new QLabel(tr("Drop files or folders here, or add them with the buttons: text, Markdown, HTML, PDF, "
                             "Word, Excel, CSV and PowerPoint."));
    m_status->setObjectName("ingestStatus");
    m_status->setWordWrap(true);
    m_overall = new QProgressBar;
    m_overall->setObjectName("overallProgress");
    m_overall->setFormat(tr("All: %v of %m"));
    m_file = new QProgressBar;
    m_file->setObjectName("fileProgress");
    m_file->setFormat(tr("This file: %p%"));
    m_failures = new QListWidget;
    m_failures->setObjectName("ingestFailures");
    m_failures->setMaximumHeight(80);
    m_failures->hide();
    m_documents = table({tr("Document"), tr("Type"), tr("Status"), tr("Passages"), tr("Reason and notes")}, "documentsTable");
    m_documents->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_passages = table({tr("Where"), tr("Passage")}, "passagesTable");
    m_passages->setSelectionMode(QAbstractItemView::SingleSelection);
    m_passageText = new QPlainTextEdit;
    m_passageText->setObjectName("passageText");
    m_passageText->setReadOnly(true);
    m_passageText->setPlaceholderText(tr("Select a passage to read it whole."));
    auto *passageSplit = new QSplitter(Qt::Horizontal);
    passageSplit->addWidget(m_passages);
    passageSplit->addWidget(m_passageText);
    passageSplit->setStretchFactor(0, 3);
    passageSplit->setStretchFactor(1, 2);
    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(m_documents);
    split->addWidget(passageSplit);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_status);
    layout->addWidget(m_overall);
    layout->addWidget(m_file);
    layout->addWidget(m_failures);
    layout->addWidget(split, 1);

    connect(m_addFiles, &QPushButton::clicked, this, &DocumentsPage::chooseFiles);
    connect(m_addFolder, &QPushButton::clicked, this, &DocumentsPage::chooseFolder);
    connect(m_addUrl, &QPushButton::clicked, this, &DocumentsPage::askForWebPage);
    connect(m_remove, &QPushButton::clicked, this, &DocumentsPage::removeSelected);
    connect(m_cancel, &QPushButton::clicked, this, &DocumentsPage::cancel);
    connect(m_documents, &QTableWidget::itemSelectionChanged, this, &DocumentsPage::showPassages);
    connect(m_passages, &QTableWidget::itemSelectionChanged, this, [this] {
        const auto rows = m_passages->selectionModel()->selectedRows();
        m_passageText->setPlainText(rows.isEmpty() ? QString() : m_passages->item(rows.front().row(), 1)->data(Qt::UserRole + 1).toString());
    });
    connect(m_job, &IngestJob::progress, this, &DocumentsPage::onProgress);
    connect(m_job, &IngestJob::finished, this, &DocumentsPage::onFinished);
    setBusy(false);
}

void DocumentsPage::setBase(const std::filesystem::path &folder)
{
    m_folder = folder;
    setBusy(busy());
    refresh();
}

bool DocumentsPage::busy() const { return m_job->running(); }

void DocumentsPage::setBusy(bool busy)
{
    const bool base = !m_folder.empty();
    for (QPushButton *b : {m_addFiles, m_addFolder, m_addUrl, m_remove})
        b->setEnabled(base && !busy);
    m_cancel->setEnabled(busy);
    m_overall->setVisible(busy);
    m_file->setVisible(busy);
}

void DocumentsPage::refresh()
{
    const QString selected = m_documents->currentRow() >= 0 && m_documents->item(m_documents->currentRow(), PathColumn)
                                 ? m_documents->item(m_documents->currentRow(), PathColumn)->text()
                                 : QString();
    m_documents->setRowCount(0);
    if (m_folder.empty())
        return showPassages();
    auto store = engine::KnowledgeStore::open(m_folder, engine::KnowledgeStore::Mode::ReadOnly);
    auto docs = store.ok() ? store.value()->documents() : engine::Result<std::vector<engine::DocumentRecord>>(store.diagnostics());
    if (!docs.ok()) {
        m_status->setText(localizedProblem(firstProblem(docs.diagnostics(), "The base could not be read.")));
        return showPassages();
    }
    for (const auto &d : docs.value()) {
        const int row = m_documents->rowCount();
        m_documents->insertRow(row);
        QStringList notes;
        if (!d.reason.empty())
            notes << localizedProblem(d.reason);
        for (const auto &w : d.warnings)
            notes << localizedProblem(w);
        const QStringList cells = {QString::fromStdString(d.path), QString::fromStdString(d.type), statusText(d.status),
                                   QString::number(d.chunkCount), notes.join(QStringLiteral(" · "))};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells[column]);
            item->setData(Qt::UserRole, QVariant::fromValue<qint64>(d.id));
            if (column == NotesColumn)
                item->setToolTip(notes.join('\n'));
            m_documents->setItem(row, column, item);
        }
    }
    if (!selected.isEmpty())
        selectDocument(selected);
    showPassages();
}

void DocumentsPage::selectDocument(const QString &path)
{
    for (int row = 0; row < m_documents->rowCount(); ++row)
        if (m_documents->item(row, PathColumn)->text() == path)
            return m_documents->selectRow(row);
}

void DocumentsPage::showPassage(qint64 chunkId)
{
    m_wantedChunk = chunkId;
    for (int row = 0; row < m_passages->rowCount(); ++row)
        if (m_passages->item(row, 0)->data(kChunkIdRole).toLongLong() == chunkId) {
            m_passages->selectRow(row);
            m_passages->scrollToItem(m_passages->item(row, 0), QAbstractItemView::PositionAtCenter);
            m_wantedChunk = 0;
            return;
        }
}

void DocumentsPage::showPassages()
{
    m_passages->setRowCount(0);
    m_passageText->clear();
    const auto rows = m_documents->selectionModel()->selectedRows();
    if (m_folder.empty() || rows.size() != 1)
        return;
    const qint64 documentId = m_documents->item(rows.front().row(), PathColumn)->data(Qt::UserRole).toLongLong();
    auto store = engine::KnowledgeStore::open(m_folder, engine::KnowledgeStore::Mode::ReadOnly);
    if (!store.ok())
        return;
    auto chunks = store.value()->chunks(documentId, 0, kPassagesShown);
    if (!chunks.ok())
        return;
    const std::string language = studioLanguage().toStdString();
    for (const auto &c : chunks.value()) {
        if (c.isParent)
            continue;  // what a child returns, not matched itself
        const int row = m_passages->rowCount();
        m_passages->insertRow(row);
        QString where = QString::fromStdString(c.location.describe(language));
        auto *location = new QTableWidgetItem(where.isEmpty() ? tr("passage %1").arg(c.ordinal + 1) : where);
        location->setData(kChunkIdRole, QVariant::fromValue<qint64>(c.id));
        const QString text = QString::fromStdString(c.text);
        auto *preview = new QTableWidgetItem(text.simplified().left(160));
        preview->setData(Qt::UserRole + 1, text);
        m_passages->setItem(row, 0, location);
        m_passages->setItem(row, 1, preview);
    }
    if (m_wantedChunk != 0)
        showPassage(m_wantedChunk);
}

bool DocumentsPage::addPaths(const QStringList &paths) { return startJob(static_cast<int>(IngestJob::Kind::Files), paths); }

bool DocumentsPage::addUrls(const QStringList &urls) { return startJob(static_cast<int>(IngestJob::Kind::Urls), urls); }

bool DocumentsPage::reindex(bool reembed)
{
    return startJob(static_cast<int>(reembed ? IngestJob::Kind::Reembed : IngestJob::Kind::Reindex), {});
}

bool DocumentsPage::startJob(int kind, const QStringList &sources)
{
    if (m_folder.empty() || busy())
        return false;
    m_failures->clear();
    m_failures->hide();
    m_overall->setRange(0, 0);
    m_file->setRange(0, 0);
    m_jobFolder = m_folder;
    if (!m_job->start(m_folder, static_cast<IngestJob::Kind>(kind), sources))
        return false;
    m_status->setText(tr("Starting…"));
    setBusy(true);
    return true;
}

void DocumentsPage::cancel()
{
    if (!busy())
        return;
    m_job->cancel();
    m_status->setText(tr("Stopping after the current step…"));
    m_cancel->setEnabled(false);
}

void DocumentsPage::onProgress(const QString &stage, const QString &document, int index, int count, int done, int total)
{
    if (stage == "embedding") {
        m_status->setText(tr("Embedding passages: %1 of %2").arg(done).arg(total));
        m_overall->setRange(0, std::max(1, total));
        m_overall->setValue(done);
        m_file->hide();
        return;
    }
    if (stage != "reading")
        return;
    m_status->setText(tr("Reading %1 (%2 of %3)").arg(document).arg(index + 1).arg(count));
    m_overall->setRange(0, std::max(1, count));
    m_overall->setValue(index);
    m_file->show();
    m_file->setRange(0, total > 0 ? total : 0);  // no total yet: a busy bar
    if (total > 0)
        m_file->setValue(done);
}

void DocumentsPage::onFinished(const QString &error)
{
    setBusy(false);
    const engine::IngestReport &report = m_job->report();
    if (!error.isEmpty()) {
        m_status->setText(localizedProblem(error.toStdString()));
    } else {
        QString text = tr("%1 indexed, %2 unchanged, %3 failed; %n passage(s) stored.", nullptr, static_cast<int>(report.chunks))
                           .arg(report.indexed)
                           .arg(report.unchanged)
                           .arg(report.failed);
        if (report.embedded > 0)
            text += ' ' + tr("%n passage(s) embedded.", nullptr, static_cast<int>(report.embedded));
        if (!report.embeddingError.empty())
            text += ' ' + tr("Embedding stopped: %1 The passages can be searched by keyword now.").arg(localizedProblem(report.embeddingError));
        if (report.cancelled)
            text += ' ' + tr("Cancelled: what was stored stays; add the same files again to go on.");
        m_status->setText(text);
        for (const auto &item : report.items)
            if (item.outcome == engine::IngestItem::Outcome::Failed)
                m_failures->addItem(QStringLiteral("%1: %2").arg(QString::fromStdString(item.path), localizedProblem(item.reason)));
        m_failures->setVisible(m_failures->count() > 0);
    }
    if (m_jobFolder == m_folder)
        refresh();
    emit changed();
    emit finished();
}

void DocumentsPage::chooseFiles()
{
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Add files to the knowledge base"), {},
        tr("Documents (*.txt *.md *.markdown *.html *.htm *.pdf *.docx *.xlsx *.csv *.pptx);;All files (*)"));
    if (!files.isEmpty())
        addPaths(files);
}

void DocumentsPage::chooseFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Add a folder to the knowledge base"));
    if (!folder.isEmpty())
        addPaths({folder});
}

void DocumentsPage::askForWebPage()
{
    bool ok = false;
    const QString url = QInputDialog::getText(this, tr("Add Web Page"), tr("The page's address (http or https):"),
                                              QLineEdit::Normal, QStringLiteral("https://"), &ok)
                            .trimmed();
    if (!ok || url.isEmpty() || url == "https://")
        return;
    const QUrl parsed(url);
    if (!parsed.isValid() || (parsed.scheme() != "http" && parsed.scheme() != "https"))
        return (void)QMessageBox::warning(this, tr("Add Web Page"), tr("“%1” is not a web address: it must start with http:// or https://.").arg(url));
    addUrls({url});
}

void DocumentsPage::removeSelected()
{
    QStringList paths;
    for (const QModelIndex &row : m_documents->selectionModel()->selectedRows())
        paths << m_documents->item(row.row(), PathColumn)->text();
    if (paths.isEmpty() || busy())
        return;
    QStringList problems;
    for (const QString &path : paths) {
        auto removed = engine::KnowledgeIngest::remove(m_folder, path.toStdString());
        if (!removed.ok())
            problems << localizedProblem(firstProblem(removed.diagnostics(), "The document could not be removed."));
    }
    m_status->setText(problems.isEmpty() ? tr("Removed %n document(s).", nullptr, static_cast<int>(paths.size())) : problems.join('\n'));
    refresh();
    emit changed();
}

} // namespace flowdeck::studio
