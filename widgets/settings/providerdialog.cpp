#include "widgets/settings/providerdialog.h"

#include "engine/model/providerprofile.h"
#include "engine/templates/modelbinding.h"
#include "widgets/run/runcontroller.h"
#include "widgets/settings/keystore.h"
#include "widgets/settings/modelspanel.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

namespace flowdeck::studio {

ProviderDialog::ProviderDialog(RunController *runner, KeyStore *keys, QWidget *parent)
    : QDialog(parent), m_runner(runner), m_keys(keys)
{
    setObjectName(QStringLiteral("providerDialog"));
    setWindowTitle(tr("Choose a Model Provider"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Which model provider should your workflows use? You can change it for each workflow "
                                "later in Workflow → Models…."));
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_list = new QListWidget;
    m_list->setObjectName(QStringLiteral("providers"));
    const std::string language = modelsLanguage().toStdString();
    const engine::ProfileStore store = runner->profileStore();
    for (const engine::ProviderProfile *p : engine::profilesInOrder(store)) {
        if (p->name == kDemoProfile)
            continue;  // offered last, labelled as what it is
        QString text = QString::fromStdString(p->titleIn(language));
        if (p->needsKey && runner->hasSecret(QString::fromStdString(p->apiKeySecret)))
            text = tr("%1 — ✓ key set").arg(text);
        else if (!p->needsKey)
            text = tr("%1 — no key needed").arg(text);
        auto *item = new QListWidgetItem(text, m_list);
        item->setData(Qt::UserRole, QString::fromStdString(p->name));
    }
    auto *demo = new QListWidgetItem(tr("Offline demo (no key) — example answers, no model is called"), m_list);
    demo->setData(Qt::UserRole, QString::fromLatin1(kDemoProfile));
    layout->addWidget(m_list, 1);
    m_where = new QLabel;
    m_where->setObjectName(QStringLiteral("whereToGetAKey"));
    m_where->setOpenExternalLinks(true);
    m_where->setWordWrap(true);
    layout->addWidget(m_where);
    m_keyLabel = new QLabel;
    m_keyLabel->setWordWrap(true);
    layout->addWidget(m_keyLabel);
    m_key = new QLineEdit;
    m_key->setObjectName(QStringLiteral("apiKey"));
    m_key->setEchoMode(QLineEdit::Password);
    m_keyLabel->setBuddy(m_key);
    layout->addWidget(m_key);
    m_status = new QLabel;
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Use This Provider"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &ProviderDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ProviderDialog::reject);
    connect(m_list, &QListWidget::currentRowChanged, this, &ProviderDialog::showProvider);
    connect(m_list, &QListWidget::itemDoubleClicked, this, &ProviderDialog::accept);
    m_list->setCurrentRow(0);
    resize(520, 460);
}

void ProviderDialog::selectProfile(const QString &name)
{
    for (int i = 0; i < m_list->count(); ++i)
        if (m_list->item(i)->data(Qt::UserRole).toString() == name)
            m_list->setCurrentRow(i);
}

void ProviderDialog::showProvider()
{
    const QListWidgetItem *item = m_list->currentItem();
    const QString name = item ? item->data(Qt::UserRole).toString() : QString();
    const engine::ProfileStore store = m_runner->profileStore();
    const engine::ProviderProfile *p = store.find(name.toStdString());
    m_status->clear();
    m_ok->setEnabled(item != nullptr);
    if (name == QLatin1String(kDemoProfile)) {
        m_where->setText(tr("The offline demo answers every template's sample question with a marked example answer, "
                            "so you can try the studio without an account. Choose a real provider to get real answers."));
        m_keyLabel->hide();
        m_key->hide();
        return;
    }
    const bool needsKey = p && p->needsKey && !p->apiKeySecret.empty();
    const QString url = p ? QString::fromStdString(p->keyUrl) : QString();
    if (needsKey)
        m_where->setText(url.isEmpty() ? tr("Get an API key from the provider's console.")
                                       : tr("Where to get a key: <a href=\"%1\">%1</a>").arg(url.toHtmlEscaped()));
    else
        m_where->setText(url.isEmpty() ? tr("This provider runs on your computer and needs no key.")
                                       : tr("This provider runs on your computer and needs no key. Get it at "
                                            "<a href=\"%1\">%1</a>.").arg(url.toHtmlEscaped()));
    const bool keySet = needsKey && m_runner->hasSecret(QString::fromStdString(p->apiKeySecret));
    m_keyLabel->setText(keySet ? tr("A key is already set; type a new one only to replace it (%1):")
                                     .arg(QString::fromStdString(p->apiKeySecret))
                               : tr("API key (%1), kept in the system keychain, never in a workflow:")
                                     .arg(QString::fromStdString(needsKey ? p->apiKeySecret : std::string())));
    m_keyLabel->setVisible(needsKey);
    m_key->setVisible(needsKey);
    m_key->clear();
}

void ProviderDialog::accept()
{
    const QListWidgetItem *item = m_list->currentItem();
    if (!item)
        return;
    const QString name = item->data(Qt::UserRole).toString();
    const engine::ProfileStore store = m_runner->profileStore();
    const engine::ProviderProfile *p = store.find(name.toStdString());
    const QString key = m_key->text().trimmed();
    if (!p || !p->needsKey || p->apiKeySecret.empty() || key.isEmpty()) {
        m_chosen = name;
        return QDialog::accept();
    }
    const QString secret = QString::fromStdString(p->apiKeySecret);
    m_ok->setEnabled(false);
    m_status->setText(tr("Saving the key…"));
    m_keys->save(secret, key, [self = QPointer<ProviderDialog>(this), name, secret, key](bool ok, QString warning) {
        if (!self)
            return;
        self->m_ok->setEnabled(true);
        if (!ok) {
            self->m_status->setText(tr("The key could not be saved: %1").arg(warning));
            return;
        }
        self->m_runner->setSecret(secret, key);
        self->m_chosen = name;
        self->QDialog::accept();
    });
}

} // namespace flowdeck::studio
