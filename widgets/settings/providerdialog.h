#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace flowdeck::studio {

class KeyStore;
class RunController;

// "Which model provider should your workflows use?": the providers (Huawei Cloud MaaS
// first) with where to get a key, a key field whose value goes to the keychain, and a
// clearly labelled offline demo (profile `demo`: no key, no model called). Asked when
// a template is used and no provider has a key, and once at the first start.
class ProviderDialog : public QDialog {
    Q_OBJECT

public:
    static constexpr const char *kDemoProfile = "demo";

    ProviderDialog(RunController *runner, KeyStore *keys, QWidget *parent = nullptr);

    QString chosenProfile() const { return m_chosen; }
    QListWidget *providerList() const { return m_list; }
    QLineEdit *keyField() const { return m_key; }
    void selectProfile(const QString &name);
    void accept() override;  // saves the key (if one was typed) first

private:
    void showProvider();

    RunController *m_runner;
    KeyStore *m_keys;
    QListWidget *m_list;
    QLabel *m_where;
    QLabel *m_keyLabel;
    QLineEdit *m_key;
    QLabel *m_status;
    QPushButton *m_ok;
    QString m_chosen;
};

} // namespace flowdeck::studio
