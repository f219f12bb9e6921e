#include "widgets/knowledge/knowledgepanel.h"

#include "engine/knowledge/knowledgepack.h"
#include "engine/knowledge/knowledgesettings.h"
#include "engine/knowledge/knowledgestore.h"
#include "widgets/knowledge/basesettingspage.h"
#include "widgets/knowledge/documentspage.h"
#include "widgets/knowledge/goldenpage.h"
#include "widgets/knowledge/newbasedialog.h"
#include "widgets/knowledge/projectbases.h"
#include "widgets/knowledge/searchpage.h"

#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMimeData>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

namespace flowdeck::studio {

namespace fs = std::filesystem;

KnowledgePanel::KnowledgePanel(RunController *runner, QWidget *parent) : QDialog(parent), m_runner(runner)
{
    setObjectName("knowledgePanel");
    setWindowTitle(tr("Knowledge Bases"));
    setAcceptDrops(true);
    const EmbeddingResolver resolver(runner);
    m_where = new QLabel;
    m_where->setObjectName("knowledgeFolder");
    m_where->setWordWrap(true);
    m_where->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_bases = new QListWidget;
    m_bases->setObjectName("baseList");
    m_newBase = new QPushButton(tr("New Base…"));
    m_newBase->setObjectName("newBase");
    m_stats = new QLabel;
    m_stats->setObjectName("baseStats");
    m_stats->setWordWrap(true);
    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(new QLabel(tr("Bases")));
    leftLayout->addWidget(m_bases, 1);
    leftLayout->addWidget(m_newBase);
    leftLayout->addWidget(m_stats);
    m_documents = new DocumentsPage(resolver);
    m_search = new SearchPage(resolver);
    m_golden = new GoldenPage(resolver);
    m_settings = new BaseSettingsPage(runner);
    m_tabs = new QTabWidget;
    m_tabs->addTab(m_documents, tr("Documents"));
    m_tabs->addTab(m_search, tr("Test Search"));
    m_tabs->addTab(m_golden, tr("Golden Questions"));
    m_tabs->addTab(m_settings, tr("Settings"));
    auto *split = new QSplitter;
    split->addWidget(left);
    split->addWidget(m_tabs);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 4);
    split->setSizes({200, 800});
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_where);
    layout->addWidget(split, 1);
    resize(1100, 700);

    connect(m_newBase, &QPushButton::clicked, this, &KnowledgePanel::newBase);
    connect(m_bases, &QListWidget::currentRowChanged, this, &KnowledgePanel::showBase);
    connect(m_documents, &DocumentsPage::changed, this, [this] {
        showStats();
        m_golden->refresh();
    });
    connect(m_settings, &BaseSettingsPage::saved, this, &KnowledgePanel::showStats);
    connect(m_settings, &BaseSettingsPage::reindexRequested, this, [this](bool reembed) {
        m_tabs->setCurrentWidget(m_documents);
        m_documents->reindex(reembed);
    });
    setProjectFile({});
}

void KnowledgePanel::setProjectFile(const QString &flowFile)
{
    const fs::path folder = flowFile.isEmpty() ? fs::path() : engine::knowledgeFolderFor(flowFile.toStdString());
    if (folder == m_folder && !m_folder.empty())
        return;
    m_folder = folder;
    m_where->setText(m_folder.empty() ? tr("Save the workflow first: its knowledge bases live in a folder beside it.")
                                      : tr("Bases of this project, in %1").arg(QDir::toNativeSeparators(QString::fromStdString(m_folder.string()))));
    m_newBase->setEnabled(!m_folder.empty());
    reloadBases();
}

void KnowledgePanel::reloadBases()
{
    const QString current = currentBase();
    m_bases->clear();
    for (const std::string &name : projectBases(m_folder)) {
        auto *item = new QListWidgetItem(QString::fromStdString(name), m_bases);
        if (auto settings = engine::KnowledgeSettings::load(m_folder / name); settings.ok() && !settings->title.empty())
            item->setToolTip(QString::fromStdString(settings->title));
    }
    if (!selectBase(current) && m_bases->count() > 0)
        m_bases->setCurrentRow(0);
    if (m_bases->count() == 0)
        showBase();
}

bool KnowledgePanel::selectBase(const QString &name)
{
    const auto found = m_bases->findItems(name, Qt::MatchExactly);
    if (name.isEmpty() || found.isEmpty())
        return false;
    m_bases->setCurrentItem(found.front());
    return true;
}

QString KnowledgePanel::currentBase() const { return m_bases->currentItem() ? m_bases->currentItem()->text() : QString(); }

void KnowledgePanel::showBase()
{
    const QString name = currentBase();
    const fs::path folder = name.isEmpty() ? fs::path() : m_folder / name.toStdString();
    m_documents->setBase(folder);
    m_search->setBase(folder);
    m_golden->setBase(folder);
    m_settings->setBase(folder);
    showStats();
}

void KnowledgePanel::showStats()
{
    const QString name = currentBase();
    if (name.isEmpty()) {
        m_stats->setText(m_folder.empty() ? QString() : tr("No base yet: create one, then drop documents on it."));
        return;
    }
    auto store = engine::KnowledgeStore::open(m_folder / name.toStdString(), engine::KnowledgeStore::Mode::ReadOnly);
    auto stats = store.ok() ? store.value()->stats() : engine::Result<engine::KnowledgeStats>(store.diagnostics());
    auto settings = engine::KnowledgeSettings::load(m_folder / name.toStdString());
    if (!stats.ok())
        return m_stats->clear();
    QString text = tr("%n document(s)", nullptr, stats->documents) + '\n' +
                   tr("%n passage(s)", nullptr, static_cast<int>(stats->chunks)) + '\n' +
                   tr("%n vector(s)", nullptr, static_cast<int>(stats->vectors)) + '\n' +
                   QLocale().formattedDataSize(stats->bytesOnDisk);
    if (settings.ok())
        text += '\n' + (settings->embedding.profile.empty() ? tr("Keyword search only")
                                                           : tr("Embeddings: %1").arg(QString::fromStdString(settings->embedding.profile)));
    if (stats->failed > 0)
        text += '\n' + tr("%n failed", nullptr, stats->failed);
    m_stats->setText(text);
}

void KnowledgePanel::newBase()
{
    if (m_folder.empty())
        return;
    NewBaseDialog dialog(m_folder, m_runner, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    reloadBases();
    selectBase(dialog.createdName());
    m_tabs->setCurrentWidget(m_documents);
    emit basesChanged();
}

void KnowledgePanel::showPassage(const QString &base, const QString &document, qint64 chunkId)
{
    if (!selectBase(base))
        return;
    m_tabs->setCurrentWidget(m_documents);
    m_documents->selectDocument(document);
    m_documents->showPassage(chunkId);
}

void KnowledgePanel::dragEnterEvent(QDragEnterEvent *event)
{
    if (!currentBase().isEmpty() && !m_documents->busy() && event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void KnowledgePanel::dropEvent(QDropEvent *event)
{
    QStringList files;
    for (const QUrl &url : event->mimeData()->urls())
        if (url.isLocalFile())
            files << url.toLocalFile();
    m_tabs->setCurrentWidget(m_documents);
    if (!files.isEmpty() && m_documents->addPaths(files))
        event->acceptProposedAction();
}

} // namespace flowdeck::studio
