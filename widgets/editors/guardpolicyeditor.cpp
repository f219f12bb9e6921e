#include "widgets/editors/guardpolicyeditor.h"

#include "engine/core/jsonaccess.h"
#include "engine/guard/guardpolicy.h"
#include "widgets/document/graphdocument.h"
#include "widgets/editors/guardcheckseditor.h"
#include "widgets/editors/guardformparts.h"
#include "widgets/editors/guardpolicycommand.h"
#include "widgets/editors/guardtestbox.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QVBoxLayout>

namespace flowdeck::studio {

namespace {

QString actionHelp(const QString &action, bool output)
{
    if (action == QLatin1String("mask"))
        return GuardPolicyEditor::tr("Personal information and secrets are replaced by placeholders such as [MOBILE] "
                                     "and the run goes on; other findings are recorded.");
    if (action == QLatin1String("flag"))
        return GuardPolicyEditor::tr("Findings are recorded in the run history and metrics; nothing is changed.");
    return output ? GuardPolicyEditor::tr("The held-back text is dropped, the reply below is sent in its place and the run stops.")
                  : GuardPolicyEditor::tr("No node runs: the user gets the reply below.");
}

} // namespace

GuardPolicyEditor::GuardPolicyEditor(GraphDocument *doc, QWidget *parent) : QWidget(parent), m_doc(doc)
{
    setObjectName(QStringLiteral("guardPolicy"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_scroll = new QScrollArea;
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    layout->addWidget(m_scroll);
    connect(doc, &GraphDocument::guardChanged, this, [this] {
        if (!m_applying)
            reload();
    });
    connect(doc, &GraphDocument::documentReset, this, &GuardPolicyEditor::reload);
    reload();
}

GuardChecksEditor *GuardPolicyEditor::checks(const QString &stage) const
{
    return m_scroll->widget()->findChild<GuardChecksEditor *>(stage + QStringLiteral(":checks"));
}

QWidget *GuardPolicyEditor::field(const QString &name) const { return m_scroll->widget()->findChild<QWidget *>(name); }

void GuardPolicyEditor::set(const std::string &pointer, nlohmann::json value, bool merge)
{
    const nlohmann::json &guard = m_doc->workflow().guard;
    const nlohmann::json::json_pointer at(pointer);
    if ((guard.contains(at) ? guard[at] : nlohmann::json()) == value)
        return;
    m_applying = true;
    m_doc->undoStack()->push(new SetGuardPolicyCommand(m_doc, pointer, std::move(value), merge, tr("Edit content safety")));
    m_applying = false;
}

void GuardPolicyEditor::reload()
{
    const int scrolled = m_scroll->verticalScrollBar()->value();
    if (QWidget *old = m_scroll->takeWidget())
        old->deleteLater();
    auto *content = new QWidget;
    auto *column = new QVBoxLayout(content);
    column->addWidget(guardHint(tr("Applied to every request and answer of the deployed app, and to runs in the run console: "
                                   "the input is checked before any node runs; the streamed answer is held back a little and "
                                   "checked sentence by sentence, so a blocked sentence is never sent. A stage with no check "
                                   "on is not checked.")));
    column->addWidget(stage("input"));
    column->addWidget(stage("output"));

    const nlohmann::json &guard = m_doc->workflow().guard;
    auto *blocked = new QGroupBox(tr("When blocked"));
    auto *blockedColumn = new QVBoxLayout(blocked);
    auto *reply = new QPlainTextEdit(QString::fromStdString(engine::valueOr(guard, "reply", "")));
    reply->setObjectName(QStringLiteral("reply"));
    reply->setPlaceholderText(QString::fromUtf8(engine::kDefaultGuardReply));
    reply->setTabChangesFocus(true);
    reply->setFixedHeight(reply->fontMetrics().lineSpacing() * 3 + 2 * (reply->frameWidth() + 4));
    connect(reply, &QPlainTextEdit::textChanged, this, [this, reply] {
        const QString text = reply->toPlainText();
        set("/reply", text.trimmed().isEmpty() ? nlohmann::json() : nlohmann::json(text.toStdString()), true);
    });
    blockedColumn->addWidget(guardHint(tr("What the user sees instead (empty: the text shown in grey)")));
    blockedColumn->addWidget(reply);
    column->addWidget(blocked);

    auto *label = new QGroupBox(tr("AI-generated content label"));
    auto *labelColumn = new QVBoxLayout(label);
    const nlohmann::json labels = engine::valueOr(guard, "label", nlohmann::json::object());
    auto addLabel = [&](const char *key, const QString &text, const QString &tip) {
        auto *box = new QCheckBox(text);
        box->setObjectName(QStringLiteral("label:") + QLatin1String(key));
        box->setToolTip(tip);
        box->setChecked(engine::valueOr(labels, key, true));
        connect(box, &QCheckBox::toggled, this, [this, key](bool on) { set(std::string("/label/") + key, on, false); });
        labelColumn->addWidget(box);
    };
    addLabel("chatPage", tr("Show “AI-generated” under each answer on the chat page"),
             tr("In the user's language; required for public generative-AI services in China since September 2025"));
    addLabel("api", tr("Mark API answers as AI-generated"),
             tr("The X-AI-Generated: true header and an \"ai_generated\": true field in JSON answers"));
    column->addWidget(label);
    column->addStretch(1);
    m_scroll->setWidget(content);
    m_scroll->verticalScrollBar()->setValue(scrolled);
}

QWidget *GuardPolicyEditor::stage(const std::string &name)
{
    const bool output = name == "output";
    const QString prefix = QString::fromStdString(name) + QLatin1Char(':');
    const nlohmann::json settings = engine::valueOr(m_doc->workflow().guard, name.c_str(), nlohmann::json::object());
    auto *group = new QGroupBox(output ? tr("Output: the answer and the end node's outputs") : tr("Input: the message and every start input"));
    group->setObjectName(QString::fromStdString(name));
    auto *column = new QVBoxLayout(group);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto *action = guardChoice(prefix + QStringLiteral("action"));
    action->addItem(tr("Block"), QStringLiteral("check"));
    action->addItem(tr("Mask and go on"), QStringLiteral("mask"));
    action->addItem(tr("Record only"), QStringLiteral("flag"));
    const QString current = QString::fromStdString(engine::valueOr(settings, "action", "check"));
    action->setCurrentIndex(std::max(0, action->findData(current)));
    auto *help = guardHint(actionHelp(current, output));
    form->addRow(tr("On a finding"), action);
    form->addRow(help);
    if (output) {
        auto *hold = new QSpinBox;
        hold->setObjectName(prefix + QStringLiteral("holdBack"));
        hold->setRange(0, 4000);
        hold->setSuffix(tr(" characters"));
        hold->setValue(engine::valueOr(settings, "holdBack", 48));
        hold->setToolTip(tr("How much of the streamed answer waits to be checked before it is sent (whole sentences "
                            "are released once checked). More catches longer phrases; less streams sooner."));
        connect(hold, &QSpinBox::valueChanged, this, [this](int chars) { set("/output/holdBack", chars, true); });
        form->addRow(tr("Hold back"), hold);
    }
    column->addLayout(form);
    const std::string base = "/" + name + "/checks";
    auto *checks = new GuardChecksEditor(engine::valueOr(settings, "checks", nlohmann::json::object()), m_doc->workflow().models,
                                         [this, base](const std::string &pointer, nlohmann::json value, bool merge) {
                                             set(base + pointer, std::move(value), merge);
                                         });
    checks->setObjectName(prefix + QStringLiteral("checks"));
    checks->testBox()->setSource(output ? engine::TextSource::Model : engine::TextSource::User);
    checks->testBox()->setMasking(current == QLatin1String("mask"));
    column->addWidget(checks);
    connect(action, &QComboBox::activated, this, [this, action, help, checks, output, name](int) {
        const QString chosen = action->currentData().toString();
        help->setText(actionHelp(chosen, output));
        checks->testBox()->setMasking(chosen == QLatin1String("mask"));
        set("/" + name + "/action", chosen.toStdString(), false);
    });
    return group;
}

} // namespace flowdeck::studio
