#include "widgets/run/serverdirectory.h"
#include "engine/core/jsonaccess.h"
#include "engine/core/jsonread.h"

#include "widgets/document/graphdocument.h"
#include "widgets/run/runcontroller.h"
#include "widgets/settings/keystore.h"

#include <QPointer>
#include <QRegularExpression>

#include <memory>

namespace flowdeck {
namespace studio {

ServerDirectory::ServerDirectory(GraphDocument *doc, RunController *runner, KeyStore *keys, QObject *parent)
    : QObject(parent), m_doc(doc), m_runner(runner), m_keys(keys)
{
    m_catalog.loadDirectory(engine::PluginCatalog::defaultDirectory());
    connect(doc, &GraphDocument::documentReset, this, &ServerDirectory::refreshAll);
    connect(doc, &GraphDocument::pluginChanged, this, [this](const QString &alias) { refresh(alias); });
    connect(doc, &GraphDocument::trustChanged, this, [this](bool trusted) {
        if (trusted)
            refreshAll();
    });
    connect(runner, &RunController::toolsListed, this, &ServerDirectory::listed);
}

const ServerDirectory::Entry *ServerDirectory::entry(const QString &alias) const
{
    auto it = m_entries.find(alias);
    return it == m_entries.end() ? nullptr : &it->second;
}

nlohmann::json ServerDirectory::tool(const QString &alias, const QString &name) const
{
    if (const Entry *e = entry(alias))
        for (const auto &t : e->tools)
            if (engine::valueOr(t, "name", "") == name.toStdString())
                return t;
    return nullptr;
}

void ServerDirectory::refreshAll()
{
    m_entries.clear();
    emit cleared();
    for (const auto &[alias, entry] : m_doc->workflow().plugins.items())
        refresh(QString::fromStdString(alias));
}

QStringList ServerDirectory::secretNames(const nlohmann::json &entry) const
{
    QStringList names;
    if (const auto *m = m_catalog.find(engine::valueOr(entry, "catalog", "")))
        for (const auto &e : m->env)
            if (engine::valueOr(e, "secret", false))
                names << QString::fromStdString(engine::valueOr(e, "name", ""));
    // {{secret.NAME}} anywhere in the entry (headers, env, args, settings).
    static const QRegularExpression ref(QStringLiteral("\\{\\{\\s*secret\\.([A-Za-z0-9_]+)\\s*\\}\\}"));
    auto it = ref.globalMatch(QString::fromStdString(engine::safeDump(entry)));
    while (it.hasNext())
        names << it.next().captured(1);
    names.removeDuplicates();
    return names;
}

void ServerDirectory::refresh(const QString &alias, bool restart)
{
    const nlohmann::json &plugins = m_doc->workflow().plugins;
    if (!plugins.contains(alias.toStdString())) {
        if (m_entries.erase(alias))
            emit removed(alias);
        return;
    }
    m_entries[alias] = Entry{};
    if (!m_doc->trusted()) {
        // Workspace trust: an untrusted workflow's server is not started, nor its keys read.
        m_entries[alias].state = State::Failed;
        m_entries[alias].error = tr("Not started: this workflow comes from outside your projects. Trust it (Run, or "
                                    "“Restricted” in the status bar) to start its plugins.");
        emit changed(alias);
        return;
    }
    emit changed(alias);
    // The secrets first (the keychain answers asynchronously), then the listing.
    const QStringList names = secretNames(plugins[alias.toStdString()]);
    auto pending = std::make_shared<int>(static_cast<int>(names.size()) + 1);
    auto step = [self = QPointer<ServerDirectory>(this), alias, restart, pending] {
        if (--*pending == 0 && self)
            self->m_runner->listTools(self->m_doc->workflow(), alias, restart);
    };
    for (const QString &name : names)
        m_keys->load(name, [runner = QPointer<RunController>(m_runner), name, step](QString value) {
            if (runner && !value.isEmpty())
                runner->setSecret(name, value);
            step();
        });
    step();
}

void ServerDirectory::listed(const QString &alias, const QString &toolsJson, const QString &error)
{
    auto it = m_entries.find(alias);
    if (it == m_entries.end())
        return;  // removed meanwhile
    Entry &e = it->second;
    e.error = error;
    e.state = error.isEmpty() ? State::Ready : State::Failed;
    const auto tools = engine::parseJson(toolsJson.toStdString());
    e.tools = tools.is_array() ? tools : nlohmann::json::array();
    emit changed(alias);
}

} // namespace studio
} // namespace flowdeck
