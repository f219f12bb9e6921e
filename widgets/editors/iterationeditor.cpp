#include "widgets/editors/iterationeditor.h"

#include "engine/core/jsonaccess.h"
#include "widgets/document/graphdocument.h"
#include "widgets/editors/nodeeditors.h"
#include "widgets/editors/scopereferences.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QSpinBox>

namespace flowdeck::studio {

namespace {

// The texts of this file, translated under one context.
class Text {
    Q_DECLARE_TR_FUNCTIONS(IterationEditor)
};

PromptEdit *referenceLine(const QString &name, const std::string &value, PromptEdit::Candidates candidates, const QString &placeholder)
{
    auto *line = new PromptEdit(std::move(candidates));
    line->setObjectName(name);
    line->setSingleLine(true);
    line->setPlainText(QString::fromStdString(value));
    line->setPlaceholderText(placeholder);
    return line;
}

QSpinBox *spin(const QString &name, int minimum, int maximum, int value)
{
    auto *box = new QSpinBox;
    box->setObjectName(name);
    box->setRange(minimum, maximum);
    box->setValue(value);
    return box;
}

} // namespace

QWidget *iterationEditor(const NodeEditorContext &context)
{
    const nlohmann::json &config = context.config;
    auto edit = context.edit;
    auto *host = new QWidget;
    host->setProperty("ownTitle", true);
    auto *form = new QFormLayout(host);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);  // a narrow inspector puts the titles above

    auto *items = referenceLine("items", engine::valueOr(config, "items", ""), context.candidates,
                                Text::tr("e.g. {{llm_1.json}}: a list, or JSON text of one"));
    items->setToolTip(Text::tr("The list to go over. The nodes inside read the current item as {{%1.item}} and its "
                         "position as {{%1.index}}.").arg(QString::fromStdString(context.nodeId)));
    // The result of an item is read inside it: the item, its index and the inner nodes' outputs.
    GraphDocument *doc = context.doc;
    const std::string id = context.nodeId;
    auto outerCandidates = context.candidates;
    auto *output = referenceLine("output", engine::valueOr(config, "output", ""),
                                 [doc, id, outerCandidates] { return innerReferences(doc->workflow(), id) + outerCandidates(); },
                                 Text::tr("e.g. {{llm_2.text}}; empty: each result is empty"));
    output->setToolTip(Text::tr("What each item gives; the node's results list holds one per item, in order."));
    QObject::connect(items, &QPlainTextEdit::textChanged, items, [edit, items] { edit("/items", items->toPlainText().toStdString(), true); });
    QObject::connect(output, &QPlainTextEdit::textChanged, output, [edit, output] {
        const QString text = output->toPlainText();
        edit("/output", text.isEmpty() ? nlohmann::json() : nlohmann::json(text.toStdString()), true);
    });
    form->addRow(Text::tr("List"), items);
    form->addRow(Text::tr("Result of each item"), output);

    auto *parallel = new QCheckBox(Text::tr("In parallel, up to"));
    parallel->setObjectName("parallel");
    parallel->setChecked(engine::valueOr(config, "parallel", false));
    auto *bound = spin("maxParallel", 1, 64, engine::valueOr(config, "maxParallel", 4));
    bound->setEnabled(parallel->isChecked());
    auto *at = new QHBoxLayout;
    at->addWidget(parallel);
    at->addWidget(bound);
    at->addStretch(1);
    QObject::connect(parallel, &QCheckBox::toggled, parallel, [edit, bound](bool on) {
        bound->setEnabled(on);
        edit("/parallel", on, false);
    });
    QObject::connect(bound, &QSpinBox::valueChanged, bound, [edit](int v) { edit("/maxParallel", v, true); });
    form->addRow(Text::tr("Run items"), at);

    auto *errorMode = new QComboBox;
    errorMode->setObjectName("errorMode");
    errorMode->addItem(Text::tr("Stop: the iteration fails"), "stop");
    errorMode->addItem(Text::tr("Go on: its result is empty"), "continue");
    errorMode->addItem(Text::tr("Go on: leave its result out"), "drop");
    errorMode->setCurrentIndex(std::max(0, errorMode->findData(QString::fromStdString(engine::valueOr(config, "errorMode", "stop")))));
    QObject::connect(errorMode, &QComboBox::activated, errorMode, [edit, errorMode](int) {
        edit("/errorMode", errorMode->currentData().toString().toStdString(), false);
    });
    form->addRow(Text::tr("When an item fails"), errorMode);

    const nlohmann::json retry = engine::valueOr(config, "itemRetry", nlohmann::json::object());
    auto *retries = spin("retries", 0, 10, engine::valueOr(retry, "max", 0));
    retries->setSpecialValueText(Text::tr("none"));
    auto *backoff = spin("backoff", 0, 600000, engine::valueOr(retry, "backoffMs", 500));
    backoff->setSingleStep(100);
    backoff->setSuffix(Text::tr(" ms"));
    backoff->setToolTip(Text::tr("The wait before the first retry; it doubles with each try."));
    backoff->setEnabled(retries->value() > 0);
    QObject::connect(retries, &QSpinBox::valueChanged, retries, [edit, backoff](int v) {
        backoff->setEnabled(v > 0);
        edit("/itemRetry/max", v, true);
    });
    QObject::connect(backoff, &QSpinBox::valueChanged, backoff, [edit](int v) { edit("/itemRetry/backoffMs", v, true); });
    form->addRow(Text::tr("Retries of a failed item"), retries);
    form->addRow(Text::tr("Wait before retrying"), backoff);

    auto *flatten = new QCheckBox(Text::tr("Flatten the items' lists into one"));
    flatten->setObjectName("flatten");
    flatten->setChecked(engine::valueOr(config, "flatten", false));
    QObject::connect(flatten, &QCheckBox::toggled, flatten, [edit](bool on) { edit("/flatten", on, false); });
    form->addRow(QString(), flatten);
    return host;
}

} // namespace flowdeck::studio
