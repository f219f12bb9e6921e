#include "widgets/panels/runconsole.h"
#include "engine/core/jsonaccess.h"
#include "engine/core/jsonread.h"

#include "widgets/canvas/graphscene.h"
#include "widgets/canvas/nodeitem.h"
#include "widgets/panels/answercharts.h"
#include "widgets/panels/detailsbox.h"
#include "widgets/panels/fileinputfield.h"
#include "widgets/panels/humaninputform.h"
#include "widgets/panels/nodestatusview.h"
#include "widgets/panels/runconsoleguard.h"
#include "widgets/document/graphdocument.h"
#include "engine/core/messages.h"
#include "widgets/document/localized.h"
#include "widgets/knowledge/citationsview.h"
#include "widgets/knowledge/traceview.h"
#include "widgets/run/runcontroller.h"
#include "widgets/settings/modelspanel.h"

#include <QComboBox>
#include <QDateTime>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QJsonDocument>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QStyle>
#include <QSplitter>
#include <QTabWidget>
#include <QTime>
#include <QTextBrowser>
#include <QToolButton>
#include <QTreeWidget>
#include <QUuid>
#include <QVBoxLayout>

namespace flowdeck {
namespace studio {

namespace {

// A knowledge node's finish event's `trace` output; empty for anything else.
nlohmann::json knowledgeTrace(const nlohmann::json &event)
{
    const nlohmann::json outputs = engine::valueOr(engine::valueOr(event, "data", nlohmann::json::object()), "outputs", nlohmann::json::object());
    return engine::valueOr(outputs, "trace", nlohmann::json::object());
}

} // namespace

RunConsole::RunConsole(GraphDocument *doc, GraphScene *scene, RunController *runner, QWidget *parent)
    : QWidget(parent), m_doc(doc), m_scene(scene), m_runner(runner)
{
    m_inputsHost = new QWidget;
    m_inputs = new QFormLayout(m_inputsHost);
    m_inputs->setContentsMargins(0, 0, 0, 0);
    m_profile = new QComboBox;
    setUpProviderBox(m_profile, doc, runner);  // the workflow's binding: Run and Deploy use the same
    m_runButton = new QPushButton(tr("Run"));
    m_runButton->setToolTip(tr("Run the workflow (F5)"));
    m_stopButton = new QPushButton(tr("Stop"));
    m_stopButton->setToolTip(tr("Stop the run (Shift+F5)"));
    m_stopButton->setEnabled(false);
    m_newConversation = new QPushButton(tr("New Conversation"));
    m_newConversation->setObjectName("newConversation");
    m_newConversation->setToolTip(tr("Start the chat afresh: conversation variables go back to their defaults"));
    m_conversation = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(new QLabel(tr("Model provider:")));
    buttons->addWidget(m_profile, 1);
    buttons->addWidget(m_newConversation);
    buttons->addWidget(m_runButton);
    buttons->addWidget(m_stopButton);
    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    // Many inputs scroll instead of making the panel (and so the window's bottom) taller.
    auto *inputsScroll = new QScrollArea;
    inputsScroll->setWidget(m_inputsHost);
    inputsScroll->setWidgetResizable(true);
    inputsScroll->setFrameShape(QFrame::NoFrame);
    inputsScroll->setMaximumHeight(110);
    inputsScroll->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    leftLayout->addWidget(inputsScroll);
    leftLayout->addLayout(buttons);
    // A waiting form takes most of the room from the answer, and scrolls when it needs more.
    m_forms = new QWidget;
    m_forms->setObjectName("humanForms");
    new QVBoxLayout(m_forms);
    m_forms->layout()->setContentsMargins(0, 0, 0, 0);
    m_formsArea = new QScrollArea;
    m_formsArea->setWidget(m_forms);
    m_formsArea->setWidgetResizable(true);
    m_formsArea->setFrameShape(QFrame::NoFrame);
    m_formsArea->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_formsArea->hide();
    leftLayout->addWidget(m_formsArea, 3);
    m_answer = new QTextBrowser;
    m_answer->setOpenExternalLinks(true);
    m_answer->setPlaceholderText(tr("The answer appears here as it streams."));
    m_answer->setMinimumHeight(60);
    m_charts = new AnswerCharts;
    // Charts sit beside the answer, not under it: a chart does not make the panel taller.
    auto *answerSplit = new QSplitter(Qt::Horizontal);
    answerSplit->setChildrenCollapsible(false);
    answerSplit->addWidget(m_answer);
    answerSplit->addWidget(m_charts);
    answerSplit->setStretchFactor(0, 1);
    answerSplit->setStretchFactor(1, 1);
    m_guardNotes = new RunGuardNotes;  // above the answer: what the content-safety policy found
    leftLayout->addWidget(m_guardNotes);
    leftLayout->addWidget(answerSplit, 1);
    // A chat's suggested questions, in one row under the opening; long or many ones scroll
    // sideways rather than widen the window.
    m_suggestions = new QWidget;
    m_suggestions->setObjectName("openingSuggestions");
    auto *suggestionsLayout = new QHBoxLayout(m_suggestions);
    suggestionsLayout->setContentsMargins(0, 0, 0, 0);
    suggestionsLayout->addStretch(1);
    m_suggestionsArea = new QScrollArea;
    m_suggestionsArea->setWidget(m_suggestions);
    m_suggestionsArea->setWidgetResizable(true);
    m_suggestionsArea->setFrameShape(QFrame::NoFrame);
    m_suggestionsArea->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_suggestionsArea->setFixedHeight(QPushButton(QStringLiteral("M")).sizeHint().height() +
                                      style()->pixelMetric(QStyle::PM_ScrollBarExtent) + 4);
    m_suggestionsArea->hide();
    leftLayout->addWidget(m_suggestionsArea);
    m_citations = new CitationsView([runner] { return runner->knowledgeFolder(); });
    leftLayout->addWidget(m_citations);
    m_error = new DetailsBox;
    m_error->setObjectName("runError");
    leftLayout->addWidget(m_error);
    m_trace = new NodeStatusView;
    m_eventView = new QPlainTextEdit;
    m_eventView->setReadOnly(true);
    m_eventView->setPlaceholderText(tr("Click a node's row to see its latest event — inputs, outputs, timing — as JSON."));
    m_log = new QPlainTextEdit;
    m_log->setObjectName("runLog");
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(5000);
    m_log->setPlaceholderText(tr("What the nodes log during a run — tool progress, retries, errors — appears here."));
    m_retrieval = new TraceView;
    m_retrieval->setObjectName("retrievalTrace");
    auto *detailTabs = new QTabWidget;
    detailTabs->addTab(m_eventView, tr("Event"));
    detailTabs->addTab(m_log, tr("Log"));
    detailTabs->addTab(m_retrieval, tr("Retrieval"));
    m_detailTabs = detailTabs;
    m_details = detailTabs;
    m_details->hide();  // behind the toggle: the node list is what most runs need
    m_detailsToggle = new QToolButton;
    m_detailsToggle->setObjectName("runDetailsToggle");
    m_detailsToggle->setText(tr("Show Event and Log"));
    m_detailsToggle->setToolTip(tr("The selected node's event as JSON, and what the nodes logged"));
    m_detailsToggle->setCheckable(true);
    m_detailsToggle->setAutoRaise(true);
    connect(m_detailsToggle, &QToolButton::toggled, this, [this](bool on) {
        m_details->setVisible(on);
        m_detailsToggle->setText(on ? tr("Hide Event and Log") : tr("Show Event and Log"));
    });
    auto *right = new QWidget;
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    auto *traceSplit = new QSplitter(Qt::Vertical);
    traceSplit->setChildrenCollapsible(false);
    traceSplit->addWidget(m_trace);
    traceSplit->addWidget(m_details);
    rightLayout->addWidget(traceSplit, 1);
    rightLayout->addWidget(m_detailsToggle, 0, Qt::AlignRight);
    auto *split = new QSplitter;
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(split);

    connect(m_trace, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        const QByteArray json = item ? item->data(0, NodeStatusView::kEventRole).toString().toUtf8() : QByteArray();
        m_eventView->setPlainText(json.isEmpty() ? QString() : QString::fromUtf8(QJsonDocument::fromJson(json).toJson()));
        const nlohmann::json event = engine::parseJson(json.toStdString());
        if (engine::valueOr(event, "nodeType", "") == "knowledge" && engine::valueOr(event, "event", "") == "node_finished")
            m_retrieval->setTrace(knowledgeTrace(event));
    });
    connect(m_runButton, &QPushButton::clicked, this, &RunConsole::run);
    connect(m_stopButton, &QPushButton::clicked, this, &RunConsole::stop);
    connect(m_newConversation, &QPushButton::clicked, this, &RunConsole::newConversation);
    connect(runner, &RunController::humanInputRequired, this, &RunConsole::showHumanForm);
    connect(runner, &RunController::nodeProgress, this, &RunConsole::showProgress);
    connect(doc, &GraphDocument::documentReset, this, &RunConsole::rebuildInputs);
    connect(doc, &GraphDocument::documentReset, this, [this] { m_trace->reset(m_doc->workflow()); });
    // Another file, or an edited opening: the opening is shown again (not over a running answer).
    connect(doc, &GraphDocument::documentReset, this, [this] {
        m_greeting = true;
        showOpening();
    });
    connect(doc, &GraphDocument::openingChanged, this, [this] {
        if (m_runner->running())
            return;
        m_greeting = true;
        showOpening();
    });
    connect(doc, &GraphDocument::nodeChanged, this, [this](const QString &id) {
        if (id == "start")
            rebuildInputs();
    });
    connect(runner, &RunController::nodeStatus, this, [this](const QString &node, const QString &status, const QString &englishDetail) {
        const QString detail = QString::fromStdString(
            engine::localizedSentence(englishDetail.toStdString(), studioLanguage().toStdString()));
        if (NodeItem *item = m_scene->nodeItem(node)) {
            item->setRunStatus(status, detail);
            if (status == "failed")
                item->setProblem(detail);
        }
        m_trace->setStatus(node, status, detail);
    });
    connect(runner, &RunController::traceEvent, m_trace, &NodeStatusView::addEvent);
    connect(runner, &RunController::traceEvent, this, [this](const QString &json) {
        if (m_guardNotes->addEvent(json))
            m_guardNotes->markAnswer(m_answer, m_answerText);
        const nlohmann::json event = engine::parseJson(json.toStdString());
        if (engine::valueOr(event, "nodeType", "") != "knowledge" || engine::valueOr(event, "event", "") != "node_finished")
            return;
        m_citations->addEvent(event);
        m_retrieval->setTrace(knowledgeTrace(event));
    });
    connect(runner, &RunController::logLine, this, [this](const QString &node, const QString &level, const QString &message) {
        m_log->appendPlainText(QStringLiteral("%1 [%2] %3: %4")
                                   .arg(QTime::currentTime().toString("HH:mm:ss.zzz"), level, node.isEmpty() ? tr("(run)") : node, message));
    });
    connect(runner, &RunController::answerText, this, [this](const QString &piece) {
        m_answerText += piece;
        showAnswer();
    });
    connect(runner, &RunController::runEnded, this, [this](const QString &status, const QString &englishMessage, const QString &outputs) {
        const QString message = QString::fromStdString(
            engine::localizedSentence(englishMessage.toStdString(), studioLanguage().toStdString()));
        m_lastStatus = status;
        m_lastOutputs = outputs;
        for (HumanInputForm *form : humanForms())  // no run waits for them now
            delete form;
        setFormsShown(false);
        if (!m_doc->workflow().isChat() && status == "succeeded")  // a workflow's result is its end outputs
            m_answer->setMarkdown(tr("**Outputs**") + "\n\n```json\n" + outputs + "\n```\n");
        setRunning(false);
        m_trace->runEnded(status, message, QDateTime::currentMSecsSinceEpoch() - m_startedAt);
        m_guardNotes->markRun(m_trace);
        if (status == "failed") {  // one line under the answer; the whole message behind Show details
            m_error->setMessage(tr("The run failed: %1").arg(message));
            if (m_answerText.isEmpty())
                m_answer->setPlainText(tr("The run failed: %1").arg(message));
        }
        emit finished(status);
    });
    rebuildInputs();
    showOpening();
}

QLineEdit *RunConsole::inputField(const QString &name) const { return m_inputsHost->findChild<QLineEdit *>("input:" + name); }

FileInputField *RunConsole::fileField(const QString &name) const { return m_inputsHost->findChild<FileInputField *>("input:" + name); }

QList<HumanInputForm *> RunConsole::humanForms() const { return m_forms->findChildren<HumanInputForm *>(); }

QWidget *RunConsole::suggestionsView() const { return m_suggestionsArea; }

QList<QPushButton *> RunConsole::suggestionButtons() const { return m_suggestions->findChildren<QPushButton *>(); }

void RunConsole::showOpening()
{
    for (QPushButton *button : suggestionButtons()) {  // may be the one being clicked: deleted after
        button->hide();
        button->setParent(nullptr);
        button->deleteLater();
    }
    const engine::Workflow &wf = m_doc->workflow();
    const bool shown = m_greeting && wf.isChat();
    // Plain text, as written: the opening is not a template and not markdown.
    if (shown && !wf.opening.text.empty()) {
        m_answerText.clear();
        m_charts->setCharts({});
        m_answer->setPlainText(QString::fromStdString(wf.opening.text));
        m_answerIsOpening = true;
    } else if (m_answerIsOpening) {
        m_answer->clear();
        m_answerIsOpening = false;
    }
    if (!shown) {
        m_suggestionsArea->hide();
        return;
    }
    auto *layout = static_cast<QHBoxLayout *>(m_suggestions->layout());
    int index = 0;
    for (const std::string &suggestion : wf.opening.suggestions) {
        const QString question = QString::fromStdString(suggestion);
        auto *button = new QPushButton(fontMetrics().elidedText(question, Qt::ElideRight, 320));
        button->setObjectName(QStringLiteral("suggestion:%1").arg(index));
        button->setToolTip(tr("Send “%1”").arg(question));
        connect(button, &QPushButton::clicked, this, [this, question] {
            if (QLineEdit *query = inputField("query"))
                query->setText(question);
            run();
        });
        layout->insertWidget(index++, button);
    }
    m_suggestionsArea->setVisible(index > 0);
}

void RunConsole::rebuildInputs()
{
    while (m_inputs->rowCount() > 0)
        m_inputs->removeRow(0);
    const auto &wf = m_doc->workflow();
    m_newConversation->setVisible(wf.isChat());
    if (wf.isChat()) {
        auto *query = new QLineEdit;
        query->setObjectName("input:query");
        query->setPlaceholderText(tr("Type a message and press Enter"));
        connect(query, &QLineEdit::returnPressed, this, &RunConsole::run);
        m_inputs->addRow(tr("Message"), query);
    }
    for (const auto &input : wf.inputs) {
        if (input.type == "file") {
            auto *picker = new FileInputField(input.accept);
            picker->setObjectName(QString::fromStdString("input:" + input.name));
            m_inputs->addRow(inputLabel(input), picker);
            continue;
        }
        auto *field = new QLineEdit;
        field->setObjectName(QString::fromStdString("input:" + input.name));
        if (input.defaultValue.is_string())
            field->setText(QString::fromStdString(input.defaultValue.get<std::string>()));
        else if (!input.defaultValue.is_null())
            field->setText(QString::fromStdString(input.defaultValue.dump()));
        field->setPlaceholderText(QString::fromStdString(input.type) + (input.required ? tr(", required") : QString()));
        m_inputs->addRow(inputLabel(input), field);
    }
}

void RunConsole::setRunning(bool running)
{
    m_runButton->setEnabled(!running);
    m_stopButton->setEnabled(running);
    m_newConversation->setEnabled(!running);
}

void RunConsole::run()
{
    if (m_runner->running())
        return;
    nlohmann::json inputs = nlohmann::json::object();
    for (const auto &input : m_doc->workflow().inputs) {
        if (FileInputField *picker = fileField(QString::fromStdString(input.name))) {
            if (!picker->value().is_null())
                inputs[input.name] = picker->value();
            continue;
        }
        QLineEdit *field = inputField(QString::fromStdString(input.name));
        const std::string text = field ? field->text().toStdString() : std::string();
        if (text.empty())
            continue;
        if (input.type == "number" || input.type == "boolean" || input.type == "json") {
            auto parsed = engine::parseJson(text);
            inputs[input.name] = parsed.is_discarded() ? nlohmann::json(text) : parsed;
        } else {
            inputs[input.name] = text;
        }
    }
    const QString query = inputField("query") ? inputField("query")->text() : QString();
    m_answerText.clear();
    m_answer->clear();
    m_answerIsOpening = false;
    m_charts->setCharts({});
    m_trace->reset(m_doc->workflow());
    m_error->clear();
    m_eventView->clear();
    m_log->clear();
    m_citations->clear();
    m_retrieval->clear();
    m_guardNotes->clear();
    for (const auto &n : m_doc->workflow().nodes)
        if (NodeItem *item = m_scene->nodeItem(QString::fromStdString(n.id))) {
            item->setRunStatus({});
            item->setProblem({});
        }
    QString error;
    if (!m_doc->ensureTrusted()) {
        m_answer->setPlainText(tr("Not run: this workflow comes from outside your projects and you have not trusted "
                                  "it. Nothing was started and no key was read."));
        m_lastStatus = "untrusted";
        emit finished(m_lastStatus);
        return;
    }
    if (!m_runner->start(m_doc->workflow(), inputs, query, &error, m_conversation)) {
        m_answer->setPlainText(tr("The workflow cannot run yet:\n\n%1").arg(error));
        m_error->setMessage(tr("The workflow cannot run yet: %1").arg(error));
        m_lastStatus = "invalid";
        emit finished(m_lastStatus);
        return;
    }
    m_startedAt = QDateTime::currentMSecsSinceEpoch();
    setRunning(true);
    if (m_greeting) {  // the conversation has started: its opening and suggestions go
        m_greeting = false;
        m_answerIsOpening = false;
        showOpening();
    }
}

void RunConsole::stop() { m_runner->stop(); }

void RunConsole::newConversation()
{
    if (m_runner->running())
        return;
    m_runner->forgetConversation(QString::fromStdString(m_doc->workflow().id), m_conversation);
    m_conversation = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_answerText.clear();
    m_answer->clear();
    m_charts->setCharts({});
    m_greeting = true;
    showOpening();
    if (QLineEdit *query = inputField("query"))
        query->setFocus();
}

void RunConsole::showHumanForm(const QString &nodeId, const QString &dataJson)
{
    auto *form = new HumanInputForm(engine::parseJson(dataJson.toStdString()));
    m_forms->layout()->addWidget(form);
    setFormsShown(true);
    if (QTreeWidgetItem *row = m_trace->row(nodeId))
        row->setText(NodeStatusView::StatusColumn, tr("Waiting for you"));
    connect(form, &HumanInputForm::answered, this, [this, form](const QString &token, const QString &action, const nlohmann::json &values) {
        m_runner->resume(token, action, values);
        form->hide();
        form->setParent(nullptr);  // out of the list at once; deleted once its click is over
        form->deleteLater();
        setFormsShown(!humanForms().isEmpty());
    });
    // Ready to be filled in: the first field has the keyboard, else the form (Enter answers).
    QWidget *first = form->findChildren<QWidget *>(QRegularExpression("^field:")).value(0);
    (first ? first : form)->setFocus(Qt::OtherFocusReason);
}

void RunConsole::setFormsShown(bool shown)
{
    m_formsArea->setVisible(shown);
    m_answer->parentWidget()->setVisible(!shown);  // the answer and its charts
    // As much of the forms as the panel's height allows, the rest by scrolling.
    m_formsArea->setMinimumHeight(shown ? std::min(m_forms->sizeHint().height(), 220) : 0);
}

void RunConsole::showProgress(const QString &nodeId, const QString &dataJson)
{
    QTreeWidgetItem *row = m_trace->row(nodeId);
    const engine::NodeSpec *node = m_doc->node(nodeId.toStdString());
    if (!row || !node)
        return;
    const nlohmann::json data = engine::parseJson(dataJson.toStdString());
    const int done = engine::valueOr(data, "done", 0), total = engine::valueOr(data, "total", 0);
    const int failed = row->data(NodeStatusView::StatusColumn, Qt::UserRole).toInt() + (engine::valueOr(data, "ok", true) ? 0 : 1);
    row->setData(NodeStatusView::StatusColumn, Qt::UserRole, failed);
    QString text = node->type == "loop" ? tr("Round %1 of at most %2").arg(done).arg(total) : tr("%1 / %2").arg(done).arg(total);
    if (failed > 0)
        text += tr(", %n failed", nullptr, failed);
    row->setText(NodeStatusView::StatusColumn, text);
}

void RunConsole::showAnswer()
{
    // Chart blocks are drawn below the text once complete; the text keeps a note in their place.
    QString text;
    const QStringList charts = AnswerCharts::chartBlocks(m_answerText, &text);
    m_answer->setMarkdown(text);
    m_charts->setCharts(charts);
    m_guardNotes->markAnswer(m_answer, m_answerText);
}

} // namespace studio
} // namespace flowdeck
