#pragma once

#include <QDialog>

#include <nlohmann/json.hpp>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTabWidget;

namespace flowdeck {
namespace studio {

class GeneralPage;
class KeyStore;
class ProviderProbe;
class RunController;

// Model provider profiles: the presets (Huawei Cloud MaaS, DeepSeek, DashScope,
// Qianfan, Zhipu, Moonshot, OpenAI, Ollama, vLLM, LM Studio) and the user's own, with
// their API keys kept in the system keychain (or, with a warning, a 0600 file), a
// "Test connection" button, and local Ollama / LM Studio detected when running.
class SettingsDialog : public QDialog {
    Q_OBJECT

public:
    SettingsDialog(RunController *runner, KeyStore *keys, QWidget *parent = nullptr);

    void selectProfile(const QString &name);
    void newProfile();
    void saveProfile();
    void testConnection();
    QLineEdit *field(const QString &name) const;  // name, title, baseUrl, defaultModel, apiKeySecret, apiKey
    QLabel *status() const { return m_status; }
    QLabel *localServers() const { return m_local; }
    QTabWidget *tabs() const { return m_tabs; }
    GeneralPage *general() const { return m_general; }

    // profiles.json in the config folder, merging `profile` under `name`. False with `error`.
    static bool writeProfile(const QString &name, const nlohmann::json &profile, QString *error);

signals:
    void tested(bool ok);
    void saved(bool ok);

private:
    void fillList();
    void showStatus(const QString &text, bool problem);

    RunController *m_runner;
    ProviderProbe *m_probe;
    KeyStore *m_keys;
    QListWidget *m_list;
    QLineEdit *m_name, *m_title, *m_baseUrl, *m_model, *m_secretName, *m_apiKey;
    QCheckBox *m_needsKey;
    QLabel *m_status;
    QLabel *m_local;
    QTabWidget *m_tabs;
    GeneralPage *m_general;
};

} // namespace studio
} // namespace flowdeck
