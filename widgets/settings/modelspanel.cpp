#include "widgets/settings/modelspanel.h"

#include "engine/core/jsonaccess.h"
#include "engine/model/providerprofile.h"
#include "engine/templates/modelbinding.h"
#include "widgets/document/graphdocument.h"
#include "widgets/document/modelcommand.h"
#include "widgets/run/runcontroller.h"

#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSignalBlocker>

#include <algorithm>

namespace flowdeck::studio {

namespace {

QString kindText(const std::string &kind)
{
    if (kind == "reasoning")
        return ModelsPanel::tr("reasoning model");
    if (kind == "tools")
        return ModelsPanel::tr("model with tool calling");
    if (kind == "embeddings")
        return ModelsPanel::tr("embedding model");
    return ModelsPanel::tr("chat model");
}

void fillProviders(QComboBox *box, const RunController *runner, const QString &current, const QString &placeholder)
{
    const QSignalBlocker block(box);
    box->clear();
    const engine::ProfileStore store = runner->profileStore();
    if (current.isEmpty() || !store.find(current.toStdString()))
        box->addItem(current.isEmpty() ? placeholder : ModelsPanel::tr("“%1” (not set up here)").arg(current), current);
    for (const engine::ProviderProfile *p : engine::profilesInOrder(store))
        box->addItem(providerText(*p, runner), QString::fromStdString(p->name));
    box->setCurrentIndex(std::max(0, box->findData(current)));
}

} // namespace

QString providerText(const engine::ProviderProfile &p, const RunController *runner)
{
    const QString title = QString::fromStdString(p.titleIn(modelsLanguage().toStdString()));
    if (!p.needsKey || p.apiKeySecret.empty())
        return title;
    return runner->hasSecret(QString::fromStdString(p.apiKeySecret)) ? ModelsPanel::tr("%1 — ✓ key set").arg(title)
                                                                      : ModelsPanel::tr("%1 — no key yet").arg(title);
}

QString modelsLanguage()
{
    return QLocale().language() == QLocale::Chinese ? QStringLiteral("zh") : QStringLiteral("en");
}

ModelsPanel::ModelsPanel(GraphDocument *doc, RunController *runner, QWidget *parent)
    : QWidget(parent), m_doc(doc), m_runner(runner)
{
    setObjectName(QStringLiteral("modelsPanel"));
    m_grid = new QGridLayout(this);
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setColumnStretch(1, 1);
    m_grid->setColumnStretch(2, 1);
    m_empty = new QLabel(tr("This workflow declares no model."));
    connect(m_doc, &GraphDocument::documentReset, this, &ModelsPanel::refresh);
    connect(m_doc, &GraphDocument::modelChanged, this, &ModelsPanel::refresh);
    connect(m_runner, &RunController::profilesChanged, this, &ModelsPanel::refresh);
    connect(m_runner, &RunController::secretsChanged, this, &ModelsPanel::refresh);
    refresh();
}

QComboBox *ModelsPanel::providerBox(const QString &alias) const
{
    const auto it = m_rows.find(alias);
    return it == m_rows.end() ? nullptr : it->second.provider;
}

QComboBox *ModelsPanel::modelBox(const QString &alias) const
{
    const auto it = m_rows.find(alias);
    return it == m_rows.end() ? nullptr : it->second.model;
}

void ModelsPanel::refresh()
{
    // Later, not now: the combo whose choice caused this refresh is still in its signal.
    // Hiding a row's model box ends its editing; that is not a choice of the old text.
    while (QLayoutItem *item = m_grid->takeAt(0)) {
        if (QWidget *w = item->widget(); w && w != m_empty) {
            for (QObject *child : w->findChildren<QObject *>())
                child->disconnect(this);
            w->disconnect(this);
            w->hide();
            w->deleteLater();
        }
        delete item;
    }
    m_rows.clear();
    const nlohmann::json &models = m_doc->workflow().models;
    if (!models.is_object() || models.empty()) {
        m_grid->addWidget(m_empty, 0, 0, 1, 3);
        m_empty->show();
        return;
    }
    m_empty->hide();
    const engine::ProfileStore store = m_runner->profileStore();
    int row = 0;
    for (const auto &[aliasText, entry] : models.items()) {
        const QString alias = QString::fromStdString(aliasText);
        const std::string kind = engine::modelKind(entry);
        const QString profile = QString::fromStdString(engine::boundProfile(entry));
        auto *name = new QLabel(tr("<b>%1</b><br><small>%2</small>").arg(alias.toHtmlEscaped(), kindText(kind)));
        auto *provider = new QComboBox;
        provider->setObjectName(QStringLiteral("provider:") + alias);
        provider->setAccessibleName(tr("Provider for model %1").arg(alias));
        fillProviders(provider, m_runner, profile, tr("Choose a provider…"));
        auto *model = new QComboBox;
        model->setObjectName(QStringLiteral("model:") + alias);
        model->setAccessibleName(tr("Model id for model %1").arg(alias));
        model->setEditable(true);
        model->setInsertPolicy(QComboBox::NoInsert);
        const engine::ProviderProfile *p = store.find(profile.toStdString());
        QStringList ids;
        if (p) {
            if (const std::string byKind = p->modelFor(kind); !byKind.empty())
                ids << QString::fromStdString(byKind);
            for (const auto &id : p->suggestions)
                if (!ids.contains(QString::fromStdString(id)))
                    ids << QString::fromStdString(id);
        }
        const QString current = QString::fromStdString(engine::valueOr(entry, "model", std::string()));
        if (!current.isEmpty() && !ids.contains(current))
            ids.prepend(current);
        model->addItems(ids);
        model->setCurrentText(current.isEmpty() && p ? QString::fromStdString(p->modelFor(kind)) : current);
        model->setEnabled(p != nullptr);
        model->lineEdit()->setPlaceholderText(tr("the provider's model for this kind"));
        m_grid->addWidget(name, row, 0);
        m_grid->addWidget(provider, row, 1);
        m_grid->addWidget(model, row, 2);
        if (p && p->needsKey && !p->apiKeySecret.empty() && !m_runner->hasSecret(QString::fromStdString(p->apiKeySecret))) {
            auto *addKey = new QPushButton(tr("Add Key…"));
            addKey->setObjectName(QStringLiteral("addKey:") + alias);
            connect(addKey, &QPushButton::clicked, this, [this, profile] { emit keyRequested(profile); });
            m_grid->addWidget(addKey, row, 3);
        }
        connect(provider, &QComboBox::activated, this,
                [this, alias, provider] { chooseProvider(alias, provider->currentData().toString()); });
        connect(model, &QComboBox::activated, this, [this, alias, model] { chooseModel(alias, model->currentText()); });
        connect(model->lineEdit(), &QLineEdit::editingFinished, this,
                [this, alias, model] { chooseModel(alias, model->currentText()); });
        m_rows[alias] = {provider, model};
        ++row;
    }
}

void ModelsPanel::chooseProvider(const QString &alias, const QString &profileName)
{
    const engine::ProfileStore store = m_runner->profileStore();
    const engine::ProviderProfile *p = store.find(profileName.toStdString());
    const nlohmann::json &models = m_doc->workflow().models;
    if (!p || !models.contains(alias.toStdString()))
        return;
    const nlohmann::json &entry = models[alias.toStdString()];
    if (engine::boundProfile(entry) == p->name)
        return;
    const QString title = QString::fromStdString(p->titleIn(modelsLanguage().toStdString()));
    auto *command = new SetModelsCommand(m_doc, {{alias.toStdString(), engine::boundModelEntry(entry, *p)}},
                                         tr("Use %1 for model “%2”").arg(title, alias));
    m_doc->undoStack()->push(command);  // the rows are rebuilt by modelChanged
}

void ModelsPanel::chooseModel(const QString &alias, const QString &modelText)
{
    const nlohmann::json &models = m_doc->workflow().models;
    if (!models.contains(alias.toStdString()))
        return;
    nlohmann::json entry = models[alias.toStdString()];
    const std::string model = modelText.trimmed().toStdString();
    if (engine::valueOr(entry, "model", std::string()) == model)
        return;
    if (model.empty())
        entry.erase("model");
    else
        entry["model"] = model;
    m_doc->undoStack()->push(new SetModelsCommand(m_doc, {{alias.toStdString(), entry}},
                                                  tr("Use the model “%1” for “%2”").arg(modelText.trimmed(), alias)));
}

void setUpProviderBox(QComboBox *box, GraphDocument *doc, RunController *runner)
{
    box->setObjectName(QStringLiteral("runProvider"));
    box->setToolTip(ModelsPanel::tr("The provider of this workflow's models, for runs and deploys alike. "
                                    "Workflow → Models… chooses per model."));
    auto sync = [box, doc, runner] {
        const nlohmann::json &models = doc->workflow().models;
        QString shared;
        bool mixed = false;
        for (const auto &[alias, entry] : models.items()) {
            const QString p = QString::fromStdString(engine::boundProfile(entry));
            if (shared.isEmpty() && !mixed)
                shared = p;
            else if (p != shared)
                mixed = true;
        }
        fillProviders(box, runner, mixed ? QString() : shared,
                      mixed ? ModelsPanel::tr("Several — see Workflow → Models…") : ModelsPanel::tr("Choose a provider…"));
        box->setEnabled(models.is_object() && !models.empty());
    };
    QObject::connect(doc, &GraphDocument::documentReset, box, sync);
    QObject::connect(doc, &GraphDocument::modelChanged, box, sync);
    QObject::connect(runner, &RunController::profilesChanged, box, sync);
    QObject::connect(runner, &RunController::secretsChanged, box, sync);
    QObject::connect(box, &QComboBox::currentIndexChanged, box, [box, doc, runner] {
        const engine::ProfileStore store = runner->profileStore();
        const engine::ProviderProfile *p = store.find(box->currentData().toString().toStdString());
        if (!p)
            return;
        std::map<std::string, nlohmann::json> entries;
        for (const auto &[alias, entry] : doc->workflow().models.items())
            if (engine::boundProfile(entry) != p->name)
                entries[alias] = engine::boundModelEntry(entry, *p);
        if (entries.empty())
            return;
        const QString title = QString::fromStdString(p->titleIn(modelsLanguage().toStdString()));
        doc->undoStack()->push(new SetModelsCommand(doc, std::move(entries), ModelsPanel::tr("Use %1 for every model").arg(title)));
    });
    sync();
}

} // namespace flowdeck::studio
