#include "widgets/editors/guardproviderform.h"

#include "engine/core/jsonaccess.h"
#include "widgets/editors/guardformparts.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>

namespace flowdeck::studio {

namespace {

QString kindHelp(const QString &kind)
{
    if (kind == QLatin1String("moderation"))
        return GuardProviderForm::tr("Sends the text to the model's OpenAI-compatible /moderations endpoint; "
                                     "a flagged category, or a score at the threshold or over, is a finding.");
    if (kind == QLatin1String("guard_model"))
        return GuardProviderForm::tr("Asks a guard model (Qwen3Guard, Llama Guard) behind any chat endpoint; "
                                     "an \"unsafe\" answer is a finding in the categories it names. Finds names and addresses too.");
    return GuardProviderForm::tr("Asks any chat model whether the text breaks your policy; "
                                 "a score at the threshold or over is a finding.");
}

} // namespace

GuardProviderForm::GuardProviderForm(const nlohmann::json &provider, const nlohmann::json &models, GuardChecksEditor::Edit edit,
                                     QWidget *parent)
    : QWidget(parent), m_edit(std::move(edit))
{
    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    auto *kind = guardChoice(QStringLiteral("providerKind"));
    kind->addItem(tr("Model as judge"), QStringLiteral("judge"));
    kind->addItem(tr("Guard model"), QStringLiteral("guard_model"));
    kind->addItem(tr("Moderation endpoint"), QStringLiteral("moderation"));
    const QString current = QString::fromStdString(engine::valueOr(provider, "kind", "judge"));
    kind->setCurrentIndex(std::max(0, kind->findData(current)));
    auto *help = guardHint();
    help->setObjectName(QStringLiteral("providerKindHelp"));
    form->addRow(tr("Kind"), kind);
    form->addRow(help);

    auto *model = guardChoice(QStringLiteral("providerModel"));
    model->setEditable(true);
    const nlohmann::json declared = models.is_object() ? models : nlohmann::json::object();
    for (const auto &[alias, entry] : declared.items()) {
        const std::string id = engine::valueOr(entry, "model", "");
        model->addItem(id.empty() ? QString::fromStdString(alias) : QStringLiteral("%1 — %2").arg(QString::fromStdString(alias), QString::fromStdString(id)),
                       QString::fromStdString(alias));
    }
    const QString alias = QString::fromStdString(engine::valueOr(provider, "model", ""));
    if (const int at = model->findData(alias); at >= 0 || alias.isEmpty())
        model->setCurrentIndex(std::max(0, at));  // none yet: the first, which turning the check on writes
    else
        model->setEditText(alias);
    model->setToolTip(tr("One of the workflow's models (Workflow → Models…), as llm nodes name them"));
    form->addRow(tr("Model"), model);

    auto *policy = new QPlainTextEdit(QString::fromStdString(engine::valueOr(provider, "policy", "")));
    policy->setObjectName(QStringLiteral("providerPolicy"));
    policy->setPlaceholderText(tr("What is not allowed, in plain words, e.g. No medical diagnoses; no talk of competitors' prices."));
    policy->setTabChangesFocus(true);
    policy->setFixedHeight(policy->fontMetrics().lineSpacing() * 3 + 2 * (policy->frameWidth() + 4));
    form->addRow(tr("Policy"), policy);

    auto *threshold = new QDoubleSpinBox;
    threshold->setObjectName(QStringLiteral("providerThreshold"));
    threshold->setRange(0.0, 1.0);
    threshold->setSingleStep(0.05);
    threshold->setDecimals(2);
    threshold->setValue(engine::valueOr(provider, "threshold", 0.5));
    threshold->setToolTip(tr("A score from 0 to 1 at or over this is a finding"));
    form->addRow(tr("Threshold"), threshold);

    auto *timeout = new QSpinBox;
    timeout->setObjectName(QStringLiteral("providerTimeout"));
    timeout->setRange(1, 300);
    timeout->setSuffix(tr(" s"));
    timeout->setValue(std::max(1, engine::valueOr(provider, "timeoutMs", 10000) / 1000));
    form->addRow(tr("Time limit"), timeout);

    auto *onError = guardChoice(QStringLiteral("providerOnError"));
    onError->addItem(tr("Let the text through (fail open)"), QStringLiteral("allow"));
    onError->addItem(tr("Treat the text as unsafe (fail closed)"), QStringLiteral("block"));
    onError->setCurrentIndex(std::max(0, onError->findData(QString::fromStdString(engine::valueOr(provider, "onError", "allow")))));
    onError->setToolTip(tr("When the check cannot answer: a timeout, a refused key, an answer it cannot read"));
    form->addRow(tr("If it fails"), onError);

    auto show = [form, help, policy, threshold](const QString &k) {
        help->setText(kindHelp(k));
        form->setRowVisible(policy, k == QLatin1String("judge"));
        form->setRowVisible(threshold, k != QLatin1String("guard_model"));
    };
    show(kind->currentData().toString());
    connect(kind, &QComboBox::activated, this, [this, kind, show](int) {
        show(kind->currentData().toString());
        m_edit("/provider/kind", kind->currentData().toString().toStdString(), false);
    });
    connect(model, &QComboBox::activated, this, [this, model](int index) {
        m_edit("/provider/model", model->itemData(index).toString().toStdString(), false);
    });
    connect(model->lineEdit(), &QLineEdit::textEdited, this,
            [this](const QString &text) { m_edit("/provider/model", text.trimmed().toStdString(), true); });
    connect(policy, &QPlainTextEdit::textChanged, this, [this, policy] {
        const QString text = policy->toPlainText();
        m_edit("/provider/policy", text.isEmpty() ? nlohmann::json() : nlohmann::json(text.toStdString()), true);
    });
    connect(threshold, &QDoubleSpinBox::valueChanged, this, [this](double v) { m_edit("/provider/threshold", v, true); });
    connect(timeout, &QSpinBox::valueChanged, this, [this](int seconds) { m_edit("/provider/timeoutMs", seconds * 1000, true); });
    connect(onError, &QComboBox::activated, this, [this, onError](int) {
        m_edit("/provider/onError", onError->currentData().toString().toStdString(), false);
    });
}

} // namespace flowdeck::studio
