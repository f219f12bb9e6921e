#include "widgets/editors/codetrypanel.h"

#include "engine/core/diagnostic.h"
#include "engine/core/jsonaccess.h"
#include "engine/core/jsonread.h"
#include "engine/nodes/noderegistry.h"
#include "engine/run/runhost.h"
#include "engine/sandbox/coderun.h"
#include "engine/workflow/reference.h"
#include "widgets/document/graphdocument.h"
#include "widgets/panels/nodestatusview.h"
#include "widgets/panels/runconsole.h"
#include "widgets/run/runcontroller.h"

#include <QCoreApplication>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QThread>
#include <QVBoxLayout>

namespace flowdeck::studio {

namespace {

QString sampleText(const nlohmann::json &value)
{
    if (value.is_string())
        return QString::fromStdString(value.get<std::string>());
    return value.is_null() ? QString() : QString::fromStdString(engine::safeDump(value));
}

QPlainTextEdit *resultView(const QString &name, const QString &placeholder)
{
    auto *view = new QPlainTextEdit;
    view->setObjectName(name);
    view->setReadOnly(true);
    view->setPlaceholderText(placeholder);
    view->setLineWrapMode(QPlainTextEdit::NoWrap);
    view->setMaximumHeight(120);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    return view;
}

// The single reference a sample's input is bound to ("{{llm.text}}"), if it is just one.
std::optional<engine::Reference> onlyReference(const nlohmann::json &input)
{
    const engine::ParsedTemplate parsed = engine::parseTemplate(engine::valueOr(input, "value", ""));
    std::optional<engine::Reference> found;
    for (const auto &segment : parsed.segments) {
        if (segment.isReference && !found)
            found = segment.reference;
        else if (!segment.literal.empty() || segment.isReference)
            return std::nullopt;
    }
    return found;
}

// What the panel shows of an outcome: the limit's sentence apart from other errors.
nlohmann::json shown(const engine::CodeOutcome &outcome)
{
    nlohmann::json out = {{"outputs", outcome.ok ? outcome.outputs : nlohmann::json()},
                          {"logs", outcome.logs},
                          {"elapsedMs", outcome.elapsedMs}};
    if (outcome.limitHit != engine::CodeLimit::None)
        out["limit"] = outcome.error;
    else if (!outcome.ok)
        out["error"] = outcome.error;  // it names the line, when there is one
    return out;
}

} // namespace

CodeTryPanel::CodeTryPanel(GraphDocument *doc, std::string nodeId, QWidget *parent)
    : QWidget(parent), m_doc(doc), m_nodeId(std::move(nodeId))
{
    auto *box = new QGroupBox(tr("Try it"));
    auto *layout = new QVBoxLayout(box);
    m_samplesHost = new QWidget;
    m_samples = new QFormLayout(m_samplesHost);
    m_samples->setContentsMargins(0, 0, 0, 0);
    m_samples->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    layout->addWidget(m_samplesHost);
    m_run = new QPushButton(tr("Run with sample input"));
    m_run->setObjectName("runSample");
    m_run->setToolTip(tr("Runs the code once in the sandbox with these values (Ctrl+Enter in the code)"));
    layout->addWidget(m_run, 0, Qt::AlignLeft);
    m_status = new QLabel;
    m_status->setObjectName("sampleStatus");
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);
    m_outputs = resultView("sampleOutputs", tr("The outputs appear here"));
    m_logs = resultView("sampleLogs", tr("What the code prints appears here"));
    layout->addWidget(m_outputs);
    layout->addWidget(m_logs);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(box);
    connect(m_run, &QPushButton::clicked, this, &CodeTryPanel::run);
    connect(m_doc, &GraphDocument::nodeChanged, this, [this](const QString &id) {
        if (id.toStdString() == m_nodeId)
            rebuildSamples();
    });
    rebuildSamples();
}

QLineEdit *CodeTryPanel::sampleField(const QString &input) const
{
    return m_samplesHost->findChild<QLineEdit *>("sample:" + input);
}

void CodeTryPanel::rebuildSamples()
{
    const auto *node = m_doc->node(m_nodeId);
    if (!node)
        return;
    QStringList names;
    for (const auto &input : engine::valueOr(node->config, "inputs", nlohmann::json::array()))
        if (const std::string name = engine::valueOr(input, "name", ""); !name.empty() && !names.contains(QString::fromStdString(name)))
            names << QString::fromStdString(name);
    if (names == m_names)
        return;
    QMap<QString, QString> typed;
    for (const QString &name : m_names)
        if (QLineEdit *line = sampleField(name))
            typed[name] = line->text();
    while (m_samples->rowCount() > 0)
        m_samples->removeRow(0);
    m_names = names;
    for (const QString &name : names) {
        auto *line = new QLineEdit(typed.value(name));
        line->setObjectName("sample:" + name);
        line->setPlaceholderText(tr("sample value"));
        connect(line, &QLineEdit::returnPressed, this, &CodeTryPanel::run);
        m_samples->addRow(name, line);
    }
    m_samplesHost->setVisible(!names.isEmpty());
    if (isVisible())
        prefill();
}

void CodeTryPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    prefill();
}

void CodeTryPanel::prefill()
{
    // What each reference held in the run console's last run: the outputs its node finished with.
    auto *console = window()->findChild<RunConsole *>();
    const auto *node = m_doc->node(m_nodeId);
    if (!console || !node)
        return;
    for (const auto &input : engine::valueOr(node->config, "inputs", nlohmann::json::array())) {
        QLineEdit *line = sampleField(QString::fromStdString(engine::valueOr(input, "name", "")));
        const auto ref = onlyReference(input);
        if (!line || !line->text().isEmpty() || !ref)
            continue;
        if (ref->kind == engine::Reference::Kind::Sys && ref->firstKey() == "query") {
            if (QLineEdit *query = console->inputField("query"))
                line->setText(query->text());
            continue;
        }
        QTreeWidgetItem *row = ref->kind == engine::Reference::Kind::Node ? console->trace()->row(QString::fromStdString(ref->root)) : nullptr;
        if (!row)
            continue;
        const nlohmann::json event = engine::parseJson(row->data(NodeStatusView::NodeColumn, NodeStatusView::kEventRole).toString().toStdString());
        const nlohmann::json outputs = engine::valueOr(engine::valueOr(event, "data", nlohmann::json::object()), "outputs", nlohmann::json());
        if (const nlohmann::json *value = outputs.is_object() ? engine::followPath(outputs, ref->path) : nullptr)
            line->setText(sampleText(*value));
    }
}

nlohmann::json CodeTryPanel::sampleValue(const nlohmann::json &input, const QString &text) const
{
    // Text stays text when its reference gives text; otherwise typed JSON is read as such.
    std::string type = "any";
    if (const auto ref = onlyReference(input); ref && ref->kind == engine::Reference::Kind::Node && ref->path.size() == 1) {
        const auto &wf = m_doc->workflow();
        if (const auto *source = wf.findNode(ref->root))
            if (const auto *d = engine::NodeRegistry::builtin().find(source->type))
                for (const auto &o : d->outputsOf(*source, wf))
                    if (o.name == ref->firstKey())
                        type = o.type;
    } else if (ref && ref->kind != engine::Reference::Kind::Node) {
        type = "string";
    }
    if (type == "string")
        return text.toStdString();
    const nlohmann::json parsed = engine::parseJson(text.toStdString());
    return parsed.is_discarded() ? nlohmann::json(text.toStdString()) : parsed;
}

void CodeTryPanel::run()
{
    const auto *node = m_doc->node(m_nodeId);
    if (!node || m_running)
        return;
    nlohmann::json inputs = nlohmann::json::object();
    for (const auto &input : engine::valueOr(node->config, "inputs", nlohmann::json::array())) {
        const std::string name = engine::valueOr(input, "name", "");
        if (QLineEdit *line = sampleField(QString::fromStdString(name)))
            inputs[name] = sampleValue(input, line->text());
    }
    m_running = true;
    m_run->setEnabled(false);
    m_run->setText(tr("Running…"));
    m_status->setText(tr("Running in the sandbox…"));
    m_outputs->clear();
    m_logs->clear();
    launch(node->config, std::move(inputs));
}

CodeTryPanel::~CodeTryPanel()
{
    // A call still running (an endless loop, say) is ended rather than left to its limit.
    if (m_running && m_runner)
        m_runner->onEngine([call = m_call](engine::RunHost &host) {
            if (const auto pool = host.services().sandbox; pool && *call)
                pool->cancel(*call);
        });
}

void CodeTryPanel::launch(nlohmann::json config, nlohmann::json inputs)
{
    QPointer<CodeTryPanel> self(this);
    auto answer = [self](nlohmann::json result) {
        QMetaObject::invokeMethod(qApp, [self, result = std::move(result)] {
            if (self)
                self->showResult(result);
        });
    };
    // The studio's run host: its warm sandbox workers, on the engine's thread.
    m_runner = window()->findChild<RunController *>();
    if (m_runner) {
        *m_call = 0;
        m_runner->onEngine([config = std::move(config), inputs = std::move(inputs), answer, call = m_call](engine::RunHost &host) {
            const auto pool = host.services().sandbox;
            if (!pool)
                return answer(shown(engine::CodeOutcome::failure(engine::ErrorKind::Internal, "No code sandbox is set up.")));
            *call = engine::runCodeOnce(*pool, config, inputs, [answer](engine::CodeOutcome outcome) { answer(shown(outcome)); });
        });
        return;
    }
    // Without one (an inspector on its own): a worker of its own, on a thread of its own.
    QThread *thread = QThread::create([config = std::move(config), inputs = std::move(inputs), answer] {
        answer(shown(engine::runCodeOnce(config, inputs)));
    });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

void CodeTryPanel::showResult(const nlohmann::json &result)
{
    m_running = false;
    m_run->setEnabled(true);
    m_run->setText(tr("Run with sample input"));
    const double elapsed = engine::valueOr(result, "elapsedMs", 0.0);
    const QString error = QString::fromStdString(engine::valueOr(result, "error", ""));
    const QString limit = QString::fromStdString(engine::valueOr(result, "limit", ""));
    QString status;
    if (!limit.isEmpty())
        status = tr("Stopped after %1 ms: %2").arg(elapsed, 0, 'f', 0).arg(limit);
    else if (!error.isEmpty())
        status = tr("Failed after %1 ms: %2").arg(elapsed, 0, 'f', 0).arg(error);
    else
        status = tr("Done in %1 ms").arg(elapsed, 0, 'f', 0);
    m_status->setText(status);
    m_status->setStyleSheet(limit.isEmpty() && error.isEmpty() ? QString() : QStringLiteral("color: #d93f3f;"));
    const nlohmann::json outputs = engine::valueOr(result, "outputs", nlohmann::json());
    m_outputs->setPlainText(outputs.is_null() ? QString() : QString::fromStdString(engine::safeDump(outputs, 2)));
    m_logs->setPlainText(QString::fromStdString(engine::valueOr(result, "logs", "")));
    emit finished();
}

} // namespace flowdeck::studio
