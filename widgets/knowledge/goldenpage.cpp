#include "widgets/knowledge/goldenpage.h"

#include "engine/core/messages.h"
#include "engine/knowledge/knowledgestore.h"
#include "widgets/document/localized.h"
#include "widgets/knowledge/backgroundjobs.h"
#include "engine/knowledge/basesearcher.h"
#include "widgets/knowledge/problemtext.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include <map>

namespace flowdeck::studio {

namespace {

struct TestAnswer {
    std::vector<engine::GoldenReport> reports;  // one per mode the base can search
    std::string error;
};

QString modeName(engine::SearchMode mode)
{
    switch (mode) {
    case engine::SearchMode::Keyword: return GoldenPage::tr("keyword");
    case engine::SearchMode::Vector: return GoldenPage::tr("vector");
    case engine::SearchMode::Hybrid: break;
    }
    return GoldenPage::tr("hybrid");
}

} // namespace

GoldenPage::GoldenPage(EmbeddingResolver resolver, QWidget *parent)
    : QWidget(parent), m_resolver(resolver), m_jobs(new BackgroundJobs(this))
{
    m_table = new QTableWidget(0, 4);
    m_table->setObjectName("goldenTable");
    m_table->setHorizontalHeaderLabels({tr("Question"), tr("Expected document"), tr("Snippet"), tr("Last test")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_question = new QLineEdit;
    m_question->setObjectName("goldenQuestion");
    m_question->setPlaceholderText(tr("A question users ask"));
    m_document = new QComboBox;
    m_document->setObjectName("goldenDocument");
    m_snippet = new QLineEdit;
    m_snippet->setObjectName("goldenSnippet");
    m_snippet->setPlaceholderText(tr("Words the answer passage contains"));
    m_add = new QPushButton(tr("Add Question"));
    m_add->setObjectName("addGolden");
    m_remove = new QPushButton(tr("Remove"));
    m_remove->setObjectName("removeGolden");
    m_k = new QSpinBox;
    m_k->setObjectName("goldenK");
    m_k->setRange(1, 50);
    m_k->setValue(5);
    m_k->setPrefix(tr("k = "));
    m_run = new QPushButton(tr("Run Test"));
    m_run->setObjectName("runGolden");
    m_run->setToolTip(tr("Search every question and score where its expected passage comes: hit@k and MRR"));
    m_scores = new QLabel(tr("Add questions whose answers you know, then run the test after each change of settings."));
    m_scores->setObjectName("goldenScores");
    m_scores->setWordWrap(true);
    m_scores->setTextFormat(Qt::PlainText);
    auto *form = new QFormLayout;
    form->addRow(tr("Question"), m_question);
    form->addRow(tr("Expected document"), m_document);
    form->addRow(tr("Snippet"), m_snippet);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    buttons->addWidget(m_k);
    buttons->addWidget(m_run);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_scores);
    connect(m_add, &QPushButton::clicked, this, &GoldenPage::addQuestion);
    connect(m_remove, &QPushButton::clicked, this, &GoldenPage::removeSelected);
    connect(m_run, &QPushButton::clicked, this, &GoldenPage::runTest);
    setBase({});
}

bool GoldenPage::busy() const { return m_jobs->running() > 0; }

void GoldenPage::setBase(const std::filesystem::path &folder)
{
    m_folder = folder;
    for (QWidget *w : std::initializer_list<QWidget *>{m_add, m_remove, m_run})
        w->setEnabled(!folder.empty());
    refresh();
}

void GoldenPage::refresh()
{
    m_table->setRowCount(0);
    const QString chosen = m_document->currentText();
    m_document->clear();
    if (m_folder.empty())
        return;
    auto store = engine::KnowledgeStore::open(m_folder, engine::KnowledgeStore::Mode::ReadOnly);
    if (!store.ok())
        return;
    if (auto docs = store.value()->documents(); docs.ok())
        for (const auto &d : docs.value())
            m_document->addItem(QString::fromStdString(d.path));
    if (!chosen.isEmpty())
        m_document->setCurrentText(chosen);
    auto questions = store.value()->goldenQuestions();
    if (!questions.ok())
        return;
    for (const auto &q : questions.value()) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        const engine::GoldenQuestion::Expected expected = q.expected.empty() ? engine::GoldenQuestion::Expected{} : q.expected.front();
        const QStringList cells = {QString::fromStdString(q.question), QString::fromStdString(expected.documentPath),
                                   QString::fromStdString(expected.snippet), QString()};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells[column]);
            item->setData(Qt::UserRole, QVariant::fromValue<qint64>(q.id));
            m_table->setItem(row, column, item);
        }
    }
}

void GoldenPage::addQuestion()
{
    const QString question = m_question->text().trimmed();
    const QString document = m_document->currentText();
    const QString snippet = m_snippet->text().trimmed();
    if (m_folder.empty())
        return;
    if (question.isEmpty() || document.isEmpty() || snippet.isEmpty())
        return m_scores->setText(tr("A golden question needs the question, the document that answers it and a snippet of the answer."));
    auto store = engine::KnowledgeStore::open(m_folder, engine::KnowledgeStore::Mode::ReadWrite);
    engine::GoldenQuestion q;
    q.question = question.toStdString();
    q.expected.push_back({document.toStdString(), snippet.toStdString()});
    auto id = store.ok() ? store.value()->addGoldenQuestion(q) : engine::Result<std::int64_t>(store.diagnostics());
    if (!id.ok())
        return m_scores->setText(localizedProblem(firstProblem(id.diagnostics(), "The question was not added.")));
    m_question->clear();
    m_snippet->clear();
    refresh();
}

void GoldenPage::removeSelected()
{
    const auto rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty() || m_folder.empty())
        return;
    auto store = engine::KnowledgeStore::open(m_folder, engine::KnowledgeStore::Mode::ReadWrite);
    if (!store.ok())
        return;
    for (const QModelIndex &row : rows)
        store.value()->removeGoldenQuestion(m_table->item(row.row(), QuestionColumn)->data(Qt::UserRole).toLongLong());
    refresh();
}

void GoldenPage::runTest()
{
    if (m_folder.empty() || busy())
        return;
    if (m_table->rowCount() == 0)
        return m_scores->setText(tr("The base has no golden questions yet: add one above."));
    m_run->setEnabled(false);
    m_scores->setText(tr("Testing…"));
    const std::filesystem::path folder = m_folder;
    const int k = m_k->value();
    m_jobs->run<TestAnswer>(
        [resolver = m_resolver, folder, k]() -> TestAnswer {
            auto settings = engine::KnowledgeSettings::load(folder);
            if (!settings.ok())
                return {{}, firstProblem(settings.diagnostics(), "The base's settings cannot be read.")};
            auto target = resolver.resolve(settings.value());
            std::optional<engine::EmbeddingTarget> embedding = target.ok() ? target.value() : std::nullopt;
            engine::BaseSearcher search;
            auto opened = search.open(folder, embedding);
            if (!opened.ok())
                return {{}, firstProblem(opened.diagnostics(), "The base cannot be opened.")};
            std::vector<engine::SearchMode> modes = {engine::SearchMode::Keyword};
            if (embedding)
                modes = {engine::SearchMode::Keyword, engine::SearchMode::Vector, engine::SearchMode::Hybrid};
            TestAnswer answer;
            for (engine::SearchMode mode : modes) {
                auto report = search.evaluate(mode, k);
                if (!report.ok())
                    return {{}, firstProblem(report.diagnostics(), "The test failed.")};
                answer.reports.push_back(std::move(report.value()));
            }
            return answer;
        },
        [this, folder](TestAnswer answer) {
            m_run->setEnabled(!m_folder.empty());
            if (folder != m_folder)
                return;
            if (answer.reports.empty()) {
                m_scores->setText(localizedProblem(answer.error));
                emit tested();
                return;
            }
            QStringList lines;
            std::map<qint64, QStringList> perQuestion;
            for (const auto &report : answer.reports) {
                lines << tr("%1: hit@%2 %3, MRR %4 over %n question(s)", nullptr, static_cast<int>(report.questions.size()))
                             .arg(modeName(report.mode))
                             .arg(report.k)
                             .arg(report.hitAtK, 0, 'f', 2)
                             .arg(report.mrr, 0, 'f', 3);
                for (const auto &q : report.questions)
                    perQuestion[q.id] << (q.rank > 0 ? tr("%1 #%2").arg(modeName(report.mode)).arg(q.rank)
                                                     : q.error.empty() ? tr("%1 missed").arg(modeName(report.mode))
                                                                       : tr("%1 failed: %2").arg(modeName(report.mode), localizedProblem(q.error)));
            }
            for (int row = 0; row < m_table->rowCount(); ++row) {
                const qint64 id = m_table->item(row, QuestionColumn)->data(Qt::UserRole).toLongLong();
                m_table->item(row, ResultColumn)->setText(perQuestion[id].join(QStringLiteral(" · ")));
            }
            m_scores->setText(lines.join('\n'));
            emit tested();
        });
}

} // namespace flowdeck::studio
