#include "widgets/editors/guardnodeeditor.h"

#include "engine/core/jsonaccess.h"
#include "widgets/document/commands.h"
#include "widgets/document/graphdocument.h"
#include "widgets/editors/guardcheckseditor.h"
#include "widgets/editors/guardformparts.h"
#include "widgets/editors/guardtestbox.h"
#include "widgets/editors/nodeeditors.h"
#include "widgets/editors/portedges.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <vector>

namespace flowdeck::studio {

namespace {

class Text {
    Q_DECLARE_TR_FUNCTIONS(GuardNodeEditor)
};

QString modeHelp(const QString &mode)
{
    if (mode == QLatin1String("mask"))
        return Text::tr("Replaces personal information and secrets with placeholders such as [ID_CARD]; the text goes on.");
    if (mode == QLatin1String("flag"))
        return Text::tr("Only records what it finds (findings, categories); the text goes on unchanged.");
    return Text::tr("Sends the text on through “pass”, or through “blocked” when a check finds something.");
}

QString sourceHelp(const QString &source)
{
    if (source == QLatin1String("tool"))
        return Text::tr("A tool's or MCP server's result: instructions to the assistant in it count as injection.");
    if (source == QLatin1String("retrieved"))
        return Text::tr("A retrieved passage: instructions to the assistant in it count as injection.");
    if (source == QLatin1String("model"))
        return Text::tr("A model's answer.");
    return Text::tr("What a user typed.");
}

QComboBox *choices(const QString &name, const std::vector<std::pair<const char *, QString>> &items, const QString &current)
{
    auto *box = guardChoice(name);
    for (const auto &[code, label] : items)
        box->addItem(label, QString::fromLatin1(code));
    box->setCurrentIndex(std::max(0, box->findData(current)));
    return box;
}

// Check mode has the ports pass and blocked, the others the default port: the
// connections follow in the same step (pass <-> default; blocked's go).
void setMode(const NodeEditorContext &context, const std::string &before, const std::string &after, const QString &label)
{
    const QString text = Text::tr("Guard mode: %1").arg(label);
    if (after == "check")
        return setConfigWithPorts(context, text, "/mode", after, {{"", "pass"}});
    if (before != "check")
        return context.edit("/mode", after, false);
    GraphDocument *doc = context.doc;
    std::vector<engine::EdgeSpec> gone, moved;
    for (const auto &e : doc->workflow().edges) {
        if (e.from != context.nodeId || (e.fromPort != "pass" && e.fromPort != "blocked"))
            continue;
        gone.push_back(e);
        const engine::EdgeSpec plain{e.from, e.to, ""};
        const bool there = std::any_of(doc->workflow().edges.begin(), doc->workflow().edges.end(),
                                       [&](const engine::EdgeSpec &o) { return sameEdge(o, plain); });
        if (e.fromPort == "pass" && !there)
            moved.push_back(plain);
    }
    if (gone.empty())
        return context.edit("/mode", after, false);
    context.macro(text, [&] {
        for (const auto &e : gone)
            doc->undoStack()->push(new DisconnectCommand(doc, e));
        doc->undoStack()->push(new SetConfigFieldCommand(doc, context.nodeId, "/mode", after, false));
        for (const auto &e : moved)
            doc->undoStack()->push(new ConnectCommand(doc, e));
    });
}

} // namespace

QWidget *guardNodeEditor(const NodeEditorContext &context)
{
    auto edit = context.edit;
    auto *host = new QWidget;
    host->setProperty("ownTitle", true);
    auto *layout = new QVBoxLayout(host);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(guardHeading(Text::tr("Text to check")));
    auto *text = new PromptEdit(context.candidates);
    text->setObjectName(QStringLiteral("text"));
    text->setPlainText(QString::fromStdString(engine::valueOr(context.config, "text", "")));
    text->setPlaceholderText(Text::tr("The text, e.g. {{start.query}} or {{llm_1.text}}"));
    text->setTabChangesFocus(true);
    text->setFixedHeight(text->fontMetrics().lineSpacing() * 3 + 2 * (text->frameWidth() + 4));
    QObject::connect(text, &QPlainTextEdit::textChanged, text, [edit, text] { edit("/text", text->toPlainText().toStdString(), true); });
    layout->addWidget(text);

    const std::string modeDefault = engine::valueOr(schemaAt("guard", "/properties/mode"), "default", "check");
    const std::string mode = engine::valueOr(context.config, "mode", modeDefault);
    auto *modeBox = choices(QStringLiteral("mode"),
                            {{"check", Text::tr("Check")}, {"mask", Text::tr("Mask")}, {"flag", Text::tr("Flag")}},
                            QString::fromStdString(mode));
    auto *modeText = guardHint();
    modeText->setObjectName(QStringLiteral("modeHelp"));
    modeText->setText(modeHelp(QString::fromStdString(mode)));
    const QString source = QString::fromStdString(engine::valueOr(context.config, "source", "user"));
    auto *sourceBox = choices(QStringLiteral("source"),
                              {{"user", Text::tr("User input")}, {"model", Text::tr("Model output")},
                               {"tool", Text::tr("Tool result")}, {"retrieved", Text::tr("Retrieved passage")}},
                              source);
    auto *sourceText = guardHint();
    sourceText->setObjectName(QStringLiteral("sourceHelp"));
    sourceText->setText(sourceHelp(source));
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(Text::tr("Mode"), modeBox);
    form->addRow(modeText);
    form->addRow(Text::tr("Text from"), sourceBox);
    form->addRow(sourceText);
    layout->addLayout(form);

    layout->addWidget(guardHeading(Text::tr("Checks")));
    auto *checks = new GuardChecksEditor(
        engine::valueOr(context.config, "checks", nlohmann::json::object()), context.doc->workflow().models,
        [edit](const std::string &pointer, nlohmann::json value, bool merge) { edit("/checks" + pointer, std::move(value), merge); });
    checks->setObjectName(QStringLiteral("checks"));
    checks->testBox()->setMasking(mode == "mask");
    checks->testBox()->setSource(engine::textSourceFrom(source.toStdString()));
    layout->addWidget(checks);

    auto shownMode = std::make_shared<std::string>(mode);
    QObject::connect(modeBox, &QComboBox::activated, modeBox, [context, modeBox, modeText, checks, shownMode](int) {
        const std::string chosen = modeBox->currentData().toString().toStdString();
        modeText->setText(modeHelp(QString::fromStdString(chosen)));
        checks->testBox()->setMasking(chosen == "mask");
        const std::string before = *shownMode;
        *shownMode = chosen;
        if (chosen != before)
            setMode(context, before, chosen, modeBox->currentText());
    });
    QObject::connect(sourceBox, &QComboBox::activated, sourceBox, [edit, sourceBox, sourceText, checks](int) {
        const QString chosen = sourceBox->currentData().toString();
        sourceText->setText(sourceHelp(chosen));
        checks->testBox()->setSource(engine::textSourceFrom(chosen.toStdString()));
        edit("/source", chosen.toStdString(), true);  // stepping through the choices is one step
    });
    return host;
}

} // namespace flowdeck::studio
