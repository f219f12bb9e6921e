#include "widgets/settings/settingsdialog.h"
#include "engine/core/jsonaccess.h"
#include "engine/core/jsonread.h"

#include "engine/model/providerprofile.h"
#include "widgets/run/runcontroller.h"
#include "widgets/settings/generalpage.h"
#include "widgets/settings/keystore.h"
#include "widgets/settings/providerprobe.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSaveFile>
#include <QTabWidget>
#include <QVBoxLayout>

namespace flowdeck {
namespace studio {

SettingsDialog::SettingsDialog(RunController *runner, KeyStore *keys, QWidget *parent)
    : QDialog(parent), m_runner(runner), m_keys(keys)
{
    setWindowTitle(tr("Settings"));
    m_list = new QListWidget;
    m_name = new QLineEdit;
    m_name->setObjectName("name");
    m_title = new QLineEdit;
    m_title->setObjectName("title");
    m_baseUrl = new QLineEdit;
    m_baseUrl->setObjectName("baseUrl");
    m_baseUrl->setPlaceholderText("https://…/v1");
    m_model = new QLineEdit;
    m_model->setObjectName("defaultModel");
    m_secretName = new QLineEdit;
    m_secretName->setObjectName("apiKeySecret");
    m_secretName->setPlaceholderText(tr("e.g. DEEPSEEK_API_KEY"));
    m_apiKey = new QLineEdit;
    m_apiKey->setObjectName("apiKey");
    m_apiKey->setEchoMode(QLineEdit::Password);
    m_apiKey->setPlaceholderText(tr("Leave empty to keep the stored key"));
    m_needsKey = new QCheckBox(tr("Needs an API key"));
    auto *form = new QFormLayout;
    form->addRow(tr("Profile name"), m_name);
    form->addRow(tr("Title"), m_title);
    form->addRow(tr("Base URL"), m_baseUrl);
    form->addRow(tr("Default model"), m_model);
    form->addRow(QString(), m_needsKey);
    form->addRow(tr("Key name"), m_secretName);
    form->addRow(tr("API key"), m_apiKey);
    auto *newButton = new QPushButton(tr("New profile"));
    auto *testButton = new QPushButton(tr("Test connection"));
    auto *saveButton = new QPushButton(tr("Save"));
    saveButton->setDefault(true);
    auto *actions = new QHBoxLayout;
    actions->addWidget(newButton);
    actions->addStretch(1);
    actions->addWidget(testButton);
    actions->addWidget(saveButton);
    m_status = new QLabel;
    m_status->setWordWrap(true);
    m_local = new QLabel(tr("Looking for Ollama and LM Studio on this computer…"));
    m_local->setWordWrap(true);
    auto *right = new QVBoxLayout;
    right->addLayout(form);
    right->addLayout(actions);
    right->addWidget(m_status);
    right->addStretch(1);
    right->addWidget(m_local);
    auto *providers = new QWidget;
    auto *columns = new QHBoxLayout(providers);
    columns->addWidget(m_list, 1);
    columns->addLayout(right, 2);
    m_general = new GeneralPage;
    m_tabs = new QTabWidget;
    m_tabs->addTab(providers, tr("Model &Providers"));
    m_tabs->addTab(m_general, tr("&Appearance and Language"));
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(close);
    resize(760, 460);

    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(newButton, &QPushButton::clicked, this, &SettingsDialog::newProfile);
    connect(saveButton, &QPushButton::clicked, this, &SettingsDialog::saveProfile);
    connect(testButton, &QPushButton::clicked, this, &SettingsDialog::testConnection);
    connect(m_list, &QListWidget::currentTextChanged, this, &SettingsDialog::selectProfile);
    m_probe = new ProviderProbe(runner, this);
    connect(m_probe, &ProviderProbe::connectionTested, this, [this](bool ok, const QString &message) {
        showStatus(message, !ok);
        emit tested(ok);
    });
    QStringList found;
    connect(m_probe, &ProviderProbe::localServerFound, this, [this, found](const QString &profile, const QString &base) mutable {
        found << tr("%1 is running at %2: use the profile “%3”.").arg(profile == "ollama" ? "Ollama" : "LM Studio", base, profile);
        m_local->setText(found.join('\n'));
    });
    connect(m_probe, &ProviderProbe::localSearchFinished, this, [this](int found) {
        if (found == 0)
            m_local->setText(tr("Neither Ollama nor LM Studio is running on this computer. Start one and reopen Settings "
                                "to use a local model, or choose a hosted provider."));
    });
    fillList();
    m_probe->detectLocalServers();
}

QLineEdit *SettingsDialog::field(const QString &name) const { return findChild<QLineEdit *>(name); }

void SettingsDialog::fillList()
{
    const QString current = m_list->currentItem() ? m_list->currentItem()->text() : QString();
    m_list->clear();
    m_list->addItems(m_runner->profileNames());
    const auto matches = m_list->findItems(current.isEmpty() ? m_runner->profileNames().value(0) : current, Qt::MatchExactly);
    if (!matches.isEmpty())
        m_list->setCurrentItem(matches.front());
}

void SettingsDialog::selectProfile(const QString &name)
{
    const nlohmann::json p = m_runner->profile(name);
    if (p.is_null())
        return;
    m_name->setText(name);
    m_name->setReadOnly(true);
    m_title->setText(QString::fromStdString(engine::valueOr(p, "title", "")));
    m_baseUrl->setText(QString::fromStdString(engine::valueOr(p, "baseUrl", "")));
    m_model->setText(QString::fromStdString(engine::valueOr(p, "defaultModel", "")));
    m_secretName->setText(QString::fromStdString(engine::valueOr(p, "apiKeySecret", "")));
    m_needsKey->setChecked(engine::valueOr(p, "needsKey", true));
    m_apiKey->clear();
    m_status->clear();
}

void SettingsDialog::newProfile()
{
    m_list->clearSelection();
    for (QLineEdit *e : {m_name, m_title, m_baseUrl, m_model, m_secretName, m_apiKey})
        e->clear();
    m_name->setReadOnly(false);
    m_needsKey->setChecked(true);
    m_name->setFocus();
    showStatus(tr("Fill in the provider's OpenAI-compatible base URL and model, then Save."), false);
}

void SettingsDialog::showStatus(const QString &text, bool problem)
{
    m_status->setStyleSheet(problem ? "color: #d93f3f;" : "");
    m_status->setText(text);
}

bool SettingsDialog::writeProfile(const QString &name, const nlohmann::json &profile, QString *error)
{
    const QString path = QString::fromStdString((engine::defaultConfigDir() / "profiles.json").string());
    QDir().mkpath(QFileInfo(path).path());
    nlohmann::json all = nlohmann::json::object();
    QFile existing(path);
    if (existing.open(QIODevice::ReadOnly)) {
        all = engine::parseJson(existing.readAll().toStdString());
        if (!all.is_object()) {
            if (error)
                *error = tr("%1 is not valid JSON; fix or remove it first.").arg(path);
            return false;
        }
    }
    nlohmann::json stored = profile;
    stored.erase("name");
    all["profiles"][name.toStdString()] = stored;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QByteArray::fromStdString(all.dump(2) + "\n")) < 0 || !file.commit()) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

void SettingsDialog::saveProfile()
{
    const QString name = m_name->text().trimmed();
    static const QRegularExpression valid("^[A-Za-z0-9][A-Za-z0-9_.-]*$");
    if (!valid.match(name).hasMatch())
        return showStatus(tr("The profile name may use letters, digits, '-', '_' and '.'."), true), emit saved(false);
    if (!m_baseUrl->text().startsWith("http://") && !m_baseUrl->text().startsWith("https://"))
        return showStatus(tr("The base URL must start with http:// or https://."), true), emit saved(false);
    QString secret = m_secretName->text().trimmed();
    if (m_needsKey->isChecked() && secret.isEmpty())
        secret = name.toUpper().replace(QRegularExpression("[^A-Z0-9]"), "_") + "_API_KEY";
    const nlohmann::json profile = {{"title", (m_title->text().isEmpty() ? name : m_title->text()).toStdString()},
                                    {"baseUrl", m_baseUrl->text().trimmed().toStdString()},
                                    {"defaultModel", m_model->text().trimmed().toStdString()},
                                    {"apiKeySecret", secret.toStdString()},
                                    {"needsKey", m_needsKey->isChecked()}};
    const QString key = m_apiKey->text();  // read before the list reselects the profile and clears the form
    QString error;
    if (!writeProfile(name, profile, &error))
        return showStatus(error, true), emit saved(false);
    m_runner->addProfile(name, profile);
    fillList();
    if (const auto found = m_list->findItems(name, Qt::MatchExactly); !found.isEmpty())
        m_list->setCurrentItem(found.front());
    if (key.isEmpty() || secret.isEmpty()) {
        showStatus(tr("Saved the profile “%1”.").arg(name), false);
        return emit saved(true);
    }
    m_keys->save(secret, key, [this, secret, key, name](bool ok, QString warning) {
        if (ok)
            m_runner->setSecret(secret, key);
        m_apiKey->clear();
        showStatus(ok ? (warning.isEmpty() ? tr("Saved the profile “%1”; its key is in the system keychain.").arg(name) : warning)
                      : warning,
                   !ok || !warning.isEmpty());
        emit saved(ok);
    });
}

void SettingsDialog::testConnection()
{
    nlohmann::json profile = {{"name", m_name->text().toStdString()},
                              {"title", m_title->text().toStdString()},
                              {"baseUrl", m_baseUrl->text().trimmed().toStdString()},
                              {"defaultModel", m_model->text().trimmed().toStdString()},
                              {"needsKey", m_needsKey->isChecked()}};
    showStatus(tr("Testing…"), false);
    QString key = m_apiKey->text();
    if (key.isEmpty() && !m_secretName->text().isEmpty())
        return m_keys->load(m_secretName->text(), [this, profile](QString stored) {
            if (stored.isEmpty())
                stored = qEnvironmentVariable(m_secretName->text().toUtf8().constData());
            m_probe->testConnection(profile, stored);
        });
    m_probe->testConnection(profile, key);
}

} // namespace studio
} // namespace flowdeck
