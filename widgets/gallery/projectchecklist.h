#pragma once

#include <QPointer>
#include <QWidget>

#include <functional>
#include <map>
#include <set>

class QVBoxLayout;
class QLabel;
class QPushButton;

namespace flowdeck::studio {

class GraphDocument;
class KeyStore;
class ModelsPanel;
class NpmInstaller;
class RunController;
class ServerDirectory;

// "Before you run": what the open workflow needs (engine::workflowNeeds), each item
// checked — the model profile's API key, each catalog plugin (built in, installed, or
// an Install button with progress), each secret (set, or a Set… button that keeps it in
// the keychain). Shown when a project is made from a template.
class ProjectChecklist : public QWidget {
    Q_OBJECT

public:
    ProjectChecklist(GraphDocument *doc, RunController *runner, KeyStore *keys, ServerDirectory *servers,
                     QWidget *parent = nullptr);

    void refresh();
    int missingCount() const { return static_cast<int>(m_missingItems.size()); }
    QPushButton *button(const QString &item) const;  // "key:PROFILE", "model:ALIAS", "plugin:ID", "secret:NAME"
    ModelsPanel *models() const { return m_models; }
    QString stateText(const QString &item) const;

signals:
    void keyRequested(const QString &profile);  // open the settings on this profile
    void changed(int missing);

private:
    void addRow(const QString &item, const QString &label, bool ok, const QString &okText, const QString &actionText,
                std::function<void()> action);
    void checkSecret(const QString &item, const QString &name);
    void install(const QString &pluginId);
    void setSecretDialog(const QString &name);
    void markDone(const QString &item, const QString &text);
    void showSummary();

    GraphDocument *m_doc;
    RunController *m_runner;
    KeyStore *m_keys;
    ServerDirectory *m_servers;
    ModelsPanel *m_models;
    QVBoxLayout *m_rows;
    QLabel *m_summary;
    std::set<QString> m_missingItems;
    int m_generation = 0;  // refreshes outdate answers of older checks
    struct Row {
        QLabel *state;
        QPushButton *action;
    };
    std::map<QString, Row> m_items;
    std::map<QString, QPointer<NpmInstaller>> m_installs;
};

} // namespace flowdeck::studio
