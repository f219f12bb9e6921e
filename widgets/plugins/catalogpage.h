#pragma once

#include <QWidget>

#include <filesystem>
#include <map>

class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace flowdeck {
namespace engine {
struct PluginManifest;
}
namespace studio {

class DetailsBox;
class GraphDocument;
class KeyStore;
class NpmInstaller;
class RunController;
class ServerDirectory;

// The plugin catalog (plugins/): search in English or Chinese, read what a server
// does and needs, fill its settings, install it from npm (with progress) and add it to
// the workflow. Secret values go to the keychain, never into the workflow.
class CatalogPage : public QWidget {
    Q_OBJECT

public:
    CatalogPage(GraphDocument *doc, ServerDirectory *servers, RunController *runner, KeyStore *keys,
                QWidget *parent = nullptr);
    void select(const QString &id);
    QString selectedId() const;
    QLineEdit *search() const { return m_search; }
    QLineEdit *field(const QString &name) const;  // "alias" or a setting's name, for tests
    QPushButton *installButton() const { return m_install; }
    QPushButton *addButton() const { return m_add; }
    QString statusText() const;
    DetailsBox *failureBox() const { return m_failure; }
    void setInstallDirectory(const std::filesystem::path &dir) { m_installDir = dir; }

signals:
    void added(const QString &alias);
    void installed(bool ok);

private:
    void fill();
    void filter(const QString &text);
    void showManifest();
    void describe(const engine::PluginManifest &m);  // the text about the shown plugin
    void install();
    void addToWorkflow();
    void showStatus(const QString &text, bool problem);
    const engine::PluginManifest *current() const;

    GraphDocument *m_doc;
    ServerDirectory *m_servers;
    RunController *m_runner;
    KeyStore *m_keys;
    std::filesystem::path m_installDir;
    QLineEdit *m_search;
    QListWidget *m_list;
    QLabel *m_about;
    QWidget *m_formHost = nullptr;
    QFormLayout *m_form = nullptr;
    std::map<QString, QLineEdit *> m_fields;
    QPushButton *m_install;
    QPushButton *m_add;
    QProgressBar *m_progress;
    QLabel *m_status;
    DetailsBox *m_failure;  // a failed install: one line, npm's output behind Show details
    QPlainTextEdit *m_log;
    NpmInstaller *m_installer = nullptr;
};

} // namespace studio
} // namespace flowdeck
