#include "widgets/knowledge/searchpage.h"

#include "engine/core/messages.h"
#include "engine/knowledge/knowledgesettings.h"
#include "widgets/document/localized.h"
#include "widgets/knowledge/backgroundjobs.h"
#include "engine/knowledge/basesearcher.h"
#include "widgets/knowledge/problemtext.h"
#include "widgets/knowledge/traceview.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace flowdeck::studio {

namespace {

struct Answer {
    std::optional<engine::SearchOutcome> outcome;
    std::string error;
};

} // namespace

SearchPage::SearchPage(EmbeddingResolver resolver, QWidget *parent)
    : QWidget(parent), m_resolver(resolver), m_jobs(new BackgroundJobs(this))
{
    m_query = new QLineEdit;
    m_query->setObjectName("searchQuery");
    m_query->setPlaceholderText(tr("Ask what a workflow would ask, e.g. How many days of annual leave?"));
    m_mode = new QComboBox;
    m_mode->setObjectName("searchMode");
    m_mode->addItem(tr("Hybrid"), static_cast<int>(engine::SearchMode::Hybrid));
    m_mode->addItem(tr("Keyword"), static_cast<int>(engine::SearchMode::Keyword));
    m_mode->addItem(tr("Vector"), static_cast<int>(engine::SearchMode::Vector));
    m_topK = new QSpinBox;
    m_topK->setObjectName("searchTopK");
    m_topK->setRange(1, 50);
    m_topK->setValue(5);
    m_topK->setPrefix(tr("top "));
    m_threshold = new QDoubleSpinBox;
    m_threshold->setObjectName("searchThreshold");
    m_threshold->setRange(0, 1);
    m_threshold->setSingleStep(0.05);
    m_threshold->setPrefix(tr("score ≥ "));
    m_searchButton = new QPushButton(tr("Search"));
    m_searchButton->setObjectName("searchButton");
    m_searchButton->setDefault(true);
    auto *row = new QHBoxLayout;
    row->addWidget(m_query, 1);
    row->addWidget(m_mode);
    row->addWidget(m_topK);
    row->addWidget(m_threshold);
    row->addWidget(m_searchButton);
    m_status = new QLabel;
    m_status->setObjectName("searchStatus");
    m_status->setWordWrap(true);
    m_results = new QTreeWidget;
    m_results->setObjectName("searchResults");
    m_results->setHeaderLabels({tr("#"), tr("Score"), tr("Document"), tr("Where"), tr("Passage")});
    m_results->setRootIsDecorated(false);
    m_results->setWordWrap(true);
    m_results->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_results->header()->setStretchLastSection(true);
    m_trace = new TraceView;
    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(m_results);
    split->addWidget(m_trace);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(m_status);
    layout->addWidget(split, 1);
    connect(m_searchButton, &QPushButton::clicked, this, &SearchPage::search);
    connect(m_query, &QLineEdit::returnPressed, this, &SearchPage::search);
    setBase({});
}

void SearchPage::setBase(const std::filesystem::path &folder)
{
    m_folder = folder;
    m_searchButton->setEnabled(!folder.empty());
    m_results->clear();
    m_trace->clear();
    m_status->clear();
}

bool SearchPage::busy() const { return m_jobs->running() > 0; }

void SearchPage::search()
{
    const QString query = m_query->text().trimmed();
    if (m_folder.empty() || query.isEmpty() || busy())
        return;
    engine::SearchRequest request;
    request.query = query.toStdString();
    request.mode = static_cast<engine::SearchMode>(m_mode->currentData().toInt());
    request.topK = m_topK->value();
    request.scoreThreshold = m_threshold->value();
    m_searchButton->setEnabled(false);
    m_status->setText(tr("Searching…"));
    const std::filesystem::path folder = m_folder;
    m_jobs->run<Answer>(
        [resolver = m_resolver, folder, request]() -> Answer {
            auto settings = engine::KnowledgeSettings::load(folder);
            auto target = settings.ok() ? resolver.resolve(settings.value())
                                        : engine::Result<std::optional<engine::EmbeddingTarget>>(settings.diagnostics());
            // Keyword search needs no vectors: a profile that cannot be used does not stop it.
            std::optional<engine::EmbeddingTarget> embedding = target.ok() ? target.value() : std::nullopt;
            if (!target.ok() && request.mode != engine::SearchMode::Keyword)
                return {std::nullopt, firstProblem(target.diagnostics(), "The base cannot be searched.")};
            engine::BaseSearcher search;
            auto opened = search.open(folder, embedding);
            if (!opened.ok())
                return {std::nullopt, firstProblem(opened.diagnostics(), "The base cannot be opened.")};
            auto outcome = search.search(request);
            if (!outcome.ok())
                return {std::nullopt, firstProblem(outcome.diagnostics(), "The search failed.")};
            return {std::move(outcome.value()), {}};
        },
        [this, folder](Answer answer) {
            m_searchButton->setEnabled(!m_folder.empty());
            if (folder != m_folder)
                return;  // another base is shown now
            m_results->clear();
            if (!answer.outcome) {
                m_trace->clear();
                m_status->setText(localizedProblem(answer.error));
                emit searched();
                return;
            }
            const std::string language = studioLanguage().toStdString();
            int rank = 1;
            for (const auto &hit : answer.outcome->hits) {
                const QString text = QString::fromStdString(hit.matchedText.empty() ? hit.text : hit.matchedText);
                auto *item = new QTreeWidgetItem({QString::number(rank++), QString::number(hit.score, 'f', 3),
                                                  QString::fromStdString(hit.documentPath),
                                                  QString::fromStdString(hit.location.describe(language)), text.simplified().left(300)});
                item->setToolTip(TextColumn, text.left(2000));
                item->setData(RankColumn, Qt::UserRole, QVariant::fromValue<qint64>(hit.chunkId));
                m_results->addTopLevelItem(item);
            }
            QString status = answer.outcome->hits.empty()
                                 ? tr("Nothing found. The trace below says why each candidate was dropped.")
                                 : tr("%n passage(s) found.", nullptr, static_cast<int>(answer.outcome->hits.size()));
            if (answer.outcome->trace.mode == "keyword" && m_mode->currentData().toInt() != static_cast<int>(engine::SearchMode::Keyword))
                status += ' ' + tr("This base has no embedding profile, so it was searched by keyword.");
            m_status->setText(status);
            m_trace->setTrace(answer.outcome->trace.toJson());
            emit searched();
        });
}

} // namespace flowdeck::studio
