#include "widgets/gallery/projectchecklist.h"
#include "engine/core/jsonaccess.h"

#include "engine/mcp/plugincatalog.h"
#include "engine/mcp/plugininstall.h"
#include "engine/model/providerprofile.h"
#include "engine/templates/modelbinding.h"
#include "engine/templates/workflowneeds.h"
#include "widgets/document/graphdocument.h"
#include "widgets/plugins/npminstaller.h"
#include "widgets/panels/detailsbox.h"
#include "widgets/run/runcontroller.h"
#include "widgets/run/serverdirectory.h"
#include "widgets/settings/keystore.h"
#include "widgets/settings/modelspanel.h"

#include <QFile>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace flowdeck::studio {

namespace {

const engine::PluginCatalog &pluginCatalog()
{
    static const engine::PluginCatalog catalog = [] {
        engine::PluginCatalog c;
        c.loadDirectory(engine::PluginCatalog::defaultDirectory());
        return c;
    }();
    return catalog;
}

QString okMark(const QString &text) { return QStringLiteral("✓ ") + text; }

} // namespace

ProjectChecklist::ProjectChecklist(GraphDocument *doc, RunController *runner, KeyStore *keys, ServerDirectory *servers,
                                   QWidget *parent)
    : QWidget(parent), m_doc(doc), m_runner(runner), m_keys(keys), m_servers(servers)
{
    setObjectName(QStringLiteral("checklist"));
    auto *outer = new QVBoxLayout(this);
    m_summary = new QLabel;
    m_summary->setWordWrap(true);
    outer->addWidget(m_summary);
    m_models = new ModelsPanel(doc, runner);
    connect(m_models, &ModelsPanel::keyRequested, this, &ProjectChecklist::keyRequested);
    outer->addWidget(m_models);
    m_rows = new QVBoxLayout;
    outer->addLayout(m_rows);
    outer->addStretch(1);
    connect(m_doc, &GraphDocument::documentReset, this, &ProjectChecklist::refresh);
    connect(m_doc, &GraphDocument::pluginChanged, this, &ProjectChecklist::refresh);
    connect(m_runner, &RunController::profilesChanged, this, &ProjectChecklist::refresh);
    // Never stale: a provider chosen, a key saved.
    connect(m_doc, &GraphDocument::modelChanged, this, &ProjectChecklist::refresh);
    connect(m_runner, &RunController::secretsChanged, this, &ProjectChecklist::refresh);
}

QPushButton *ProjectChecklist::button(const QString &item) const
{
    const auto it = m_items.find(item);
    return it == m_items.end() ? nullptr : it->second.action;
}

QString ProjectChecklist::stateText(const QString &item) const
{
    const auto it = m_items.find(item);
    return it == m_items.end() ? QString() : it->second.state->text();
}

void ProjectChecklist::addRow(const QString &item, const QString &label, bool ok, const QString &okText,
                              const QString &actionText, std::function<void()> action)
{
    auto *row = new QWidget;
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 2, 0, 2);
    auto *name = new QLabel(label);
    name->setWordWrap(true);
    auto *state = new QLabel(ok ? okMark(okText) : QString());
    auto *button = new QPushButton(actionText);
    button->setObjectName(item);
    if (action)
        connect(button, &QPushButton::clicked, this, action);
    layout->addWidget(name, 1);
    layout->addWidget(state);
    layout->addWidget(button);
    m_rows->addWidget(row);
    // Only once it has a parent: a parentless widget made visible would open as a window of its own.
    button->setVisible(!ok && action);
    m_items[item] = {state, button};
    if (!ok)
        m_missingItems.insert(item);
}

void ProjectChecklist::markDone(const QString &item, const QString &text)
{
    const auto it = m_items.find(item);
    if (it == m_items.end())
        return;
    it->second.state->setText(okMark(text));
    it->second.action->hide();
    m_missingItems.erase(item);
    showSummary();
}

void ProjectChecklist::refresh()
{
    ++m_generation;
    while (QLayoutItem *item = m_rows->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_items.clear();
    m_missingItems.clear();
    const engine::Workflow &wf = m_doc->workflow();
    const auto needs = engine::workflowNeeds(wf, pluginCatalog());

    m_models->setVisible(needs.model || !wf.models.empty());
    std::set<QString> profilesShown;
    for (const auto &[alias, model] : wf.models.items()) {
        const QString profile = QString::fromStdString(engine::boundProfile(model));
        if (profile.isEmpty()) {
            addRow(QStringLiteral("model:") + QString::fromStdString(alias),
                   tr("Model “%1”: choose a provider above").arg(QString::fromStdString(alias)), false, {}, {}, nullptr);
            continue;
        }
        if (!profilesShown.insert(profile).second)
            continue;
        const nlohmann::json p = m_runner->profile(profile);
        const QString item = QStringLiteral("key:") + profile;
        if (p.is_null()) {
            addRow(item, tr("Model provider “%1” is not set up").arg(profile), false, {}, tr("Set Up…"),
                   [this, profile] { emit keyRequested(profile); });
            continue;
        }
        const engine::ProviderProfile provider = engine::ProviderProfile::fromJson(profile.toStdString(), p, nullptr);
        const QString secret = QString::fromStdString(provider.apiKeySecret);
        const QString label = tr("Key for %1").arg(QString::fromStdString(provider.titleIn(modelsLanguage().toStdString())));
        if (!provider.needsKey || secret.isEmpty()) {
            addRow(item, label, true, tr("no key needed"), {}, nullptr);
            continue;
        }
        if (m_runner->hasSecret(secret)) {
            addRow(item, label, true, tr("set"), {}, nullptr);
            continue;
        }
        addRow(item, label, false, {}, tr("Add Key…"), [this, profile] { emit keyRequested(profile); });
        checkSecret(item, secret);
    }
    for (const auto &id : needs.plugins) {
        const engine::PluginManifest *m = pluginCatalog().find(id);
        const QString qid = QString::fromStdString(id);
        const QString name = m ? QString::fromStdString(m->name) : qid;
        const QString item = QStringLiteral("plugin:") + qid;
        if (!m) {
            addRow(item, tr("Plugin: %1").arg(name), false, {}, {}, nullptr);
            m_items[item].state->setText(tr("not in the catalog"));
            continue;
        }
        const auto state = engine::pluginInstallState(*m, engine::defaultPluginInstallDir());
        if (state == engine::PluginInstallState::BuiltIn)
            addRow(item, tr("Plugin: %1").arg(name), true, tr("built in"), {}, nullptr);
        else if (state == engine::PluginInstallState::Installed)
            addRow(item, tr("Plugin: %1").arg(name), true, tr("installed"), {}, nullptr);
        else if (state == engine::PluginInstallState::External)
            addRow(item, tr("Plugin: %1").arg(name), true, tr("online service"), {}, nullptr);
        else {
            addRow(item, tr("Plugin: %1").arg(name), false, {}, tr("Install"), [this, qid] { install(qid); });
            if (m_installs.count(qid) && m_installs[qid]) {  // still installing from before this refresh
                m_items[item].state->setText(tr("installing…"));
                m_items[item].action->setEnabled(false);
            }
        }
    }
    for (const auto &s : needs.secrets) {
        const QString name = QString::fromStdString(s);
        const QString item = QStringLiteral("secret:") + name;
        addRow(item, tr("Key: %1").arg(name), false, {}, tr("Set…"), [this, name] { setSecretDialog(name); });
        checkSecret(item, name);
    }
    showSummary();
}

void ProjectChecklist::showSummary()
{
    const int missing = missingCount();
    if (m_items.empty())
        m_summary->setText(tr("This workflow needs no model, plugin or key."));
    else
        m_summary->setText(missing ? tr("%n thing(s) to set up before the first run.", nullptr, missing)
                                   : tr("Everything this workflow needs is ready. Press Run (F5)."));
    emit changed(missing);
}

void ProjectChecklist::checkSecret(const QString &item, const QString &name)
{
    // Where runs find keys: the environment, the secrets file, the keychain.
    if (!qEnvironmentVariable(name.toUtf8().constData()).isEmpty())
        return markDone(item, tr("set"));
    QFile file(KeyStore::fallbackFile());
    if (file.open(QIODevice::ReadOnly) && !QJsonDocument::fromJson(file.readAll()).object().value(name).toString().isEmpty())
        return markDone(item, tr("set"));
    const int generation = m_generation;
    m_keys->load(name, [self = QPointer<ProjectChecklist>(this), item, generation](QString value) {
        if (self && generation == self->m_generation && !value.isEmpty())
            self->markDone(item, tr("set"));
    });
}

void ProjectChecklist::setSecretDialog(const QString &name)
{
    bool ok = false;
    const QString value = QInputDialog::getText(this, tr("Set %1").arg(name),
                                                tr("The value of %1 (kept in the keychain, never in the workflow):").arg(name),
                                                QLineEdit::Password, {}, &ok);
    if (!ok || value.isEmpty())
        return;
    m_keys->save(name, value, [self = QPointer<ProjectChecklist>(this), name, value](bool saved, QString warning) {
        if (!self)
            return;
        if (!saved) {
            self->m_summary->setText(tr("%1 could not be saved: %2").arg(name, warning));
            return;
        }
        self->m_runner->setSecret(name, value);
        self->markDone(QStringLiteral("secret:") + name, tr("set"));
    });
}

void ProjectChecklist::install(const QString &pluginId)
{
    const engine::PluginManifest *m = pluginCatalog().find(pluginId.toStdString());
    const QString item = QStringLiteral("plugin:") + pluginId;
    if (!m || m_installs[pluginId])
        return;
    auto *installer = new NpmInstaller(*m, engine::defaultPluginInstallDir(), this);
    m_installs[pluginId] = installer;
    Row &row = m_items[item];
    row.action->setEnabled(false);
    row.state->setText(tr("installing…"));
    connect(installer, &NpmInstaller::progress, this, [this, item](int fetched, qint64 ms, const QString &) {
        if (auto it = m_items.find(item); it != m_items.end())
            it->second.state->setText(tr("installing… %n package(s), %1 s", nullptr, fetched).arg(ms / 1000));
    });
    connect(installer, &NpmInstaller::finished, this, [this, item, pluginId, installer](bool ok, const QString &message) {
        installer->deleteLater();
        m_installs.erase(pluginId);
        auto it = m_items.find(item);
        if (it == m_items.end())
            return;
        // A failure in one line, npm's whole message behind Show details: a long log must
        // not widen the dock and squeeze the canvas.
        QWidget *rowWidget = it->second.state->parentWidget();
        auto *failure = findChild<DetailsBox *>(QStringLiteral("failure:") + item);
        if (!ok) {
            it->second.state->setText(tr("failed"));
            if (!failure) {
                failure = new DetailsBox;
                failure->setObjectName(QStringLiteral("failure:") + item);
                m_rows->insertWidget(m_rows->indexOf(rowWidget) + 1, failure);
            }
            failure->setMessage(message);
            it->second.action->setEnabled(true);
            it->second.action->setText(tr("Retry"));
            return;
        }
        if (failure)
            failure->clear();
        markDone(item, tr("installed"));
        for (const auto &[alias, entry] : m_doc->workflow().plugins.items())
            if (entry.is_object() && engine::valueOr(entry, "catalog", "") == pluginId.toStdString())
                m_servers->refresh(QString::fromStdString(alias), true);
    });
    installer->start();
}

} // namespace flowdeck::studio
