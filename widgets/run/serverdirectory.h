#pragma once

#include "engine/mcp/plugincatalog.h"

#include <QObject>
#include <QString>

#include <map>
#include <nlohmann/json.hpp>

namespace flowdeck {
namespace studio {

class GraphDocument;
class KeyStore;
class RunController;

// What the studio knows about the plugin servers of the open workflow: for each alias
// under "plugins", whether its server is starting, ready (with its tools) or failed
// (with why). It follows the document: a workflow opened or a plugin added, changed or
// removed starts the listing again; secrets a catalog server needs are read from the
// keychain and handed to the runs first.
class ServerDirectory : public QObject {
    Q_OBJECT

public:
    enum class State { Starting, Ready, Failed };
    struct Entry {
        State state = State::Starting;
        nlohmann::json tools = nlohmann::json::array();
        QString error;
    };

    ServerDirectory(GraphDocument *doc, RunController *runner, KeyStore *keys, QObject *parent = nullptr);
    const engine::PluginCatalog &catalog() const { return m_catalog; }
    const Entry *entry(const QString &alias) const;  // nullptr for an alias the workflow does not have
    // One tool's description from tools/list (name, description, inputSchema), or null.
    nlohmann::json tool(const QString &alias, const QString &name) const;
    // Lists a plugin's tools again; `restart` closes its server first.
    void refresh(const QString &alias, bool restart = false);

signals:
    void changed(const QString &alias);  // its state or tools changed
    void removed(const QString &alias);
    void cleared();

private:
    void refreshAll();
    void listed(const QString &alias, const QString &toolsJson, const QString &error);
    QStringList secretNames(const nlohmann::json &entry) const;

    GraphDocument *m_doc;
    RunController *m_runner;
    KeyStore *m_keys;
    engine::PluginCatalog m_catalog;
    std::map<QString, Entry> m_entries;
};

} // namespace studio
} // namespace flowdeck
