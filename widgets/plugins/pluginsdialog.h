#pragma once

#include <QDialog>

class QLabel;
class QListWidget;
class QPushButton;
class QTabWidget;
class QTreeWidget;

namespace flowdeck {
namespace studio {

class CatalogPage;
class GraphDocument;
class KeyStore;
class RunController;
class ServerDirectory;

// Plugins (MCP servers) of the workflow: each one's status, tools and errors, with
// Reconnect and Remove; the catalog to add more from; and import of an mcpServers JSON
// file (Claude Desktop, Cursor, Cherry Studio). Every change is an undoable edit.
class PluginsDialog : public QDialog {
    Q_OBJECT

public:
    PluginsDialog(GraphDocument *doc, ServerDirectory *servers, RunController *runner, KeyStore *keys,
                  QWidget *parent = nullptr);
    CatalogPage *catalog() const { return m_catalog; }
    QTabWidget *tabs() const { return m_tabs; }
    QListWidget *pluginList() const { return m_list; }
    QTreeWidget *toolList() const { return m_tools; }
    QPushButton *removeButton() const { return m_remove; }
    QString errorText() const;
    QString statusText() const;
    void selectPlugin(const QString &alias);
    // Imports an mcpServers file; false with the reason shown when it cannot be read.
    bool importFile(const QString &path);
    void removeSelected();
    void reconnectSelected();

private:
    void fillList();
    void updateRow(const QString &alias);
    void showSelected();
    void importDialog();

    GraphDocument *m_doc;
    ServerDirectory *m_servers;
    RunController *m_runner;
    KeyStore *m_keys;
    QTabWidget *m_tabs;
    QListWidget *m_list;
    QLabel *m_detail;
    QLabel *m_error;
    QTreeWidget *m_tools;
    QPushButton *m_reconnect;
    QPushButton *m_remove;
    QLabel *m_message;
    CatalogPage *m_catalog;
};

} // namespace studio
} // namespace flowdeck
