#pragma once

#include <QObject>
#include <QString>

#include <functional>

namespace flowdeck {
namespace studio {

// API keys for the studio: the system keychain (Secret Service, KWallet, through
// QtKeychain) when there is one; otherwise, with a clear warning, secrets.json in the
// config folder with mode 0600, the file the engine and `flowdeck` read too.
class KeyStore : public QObject {
    Q_OBJECT

public:
    using Saved = std::function<void(bool ok, QString warning)>;
    using Loaded = std::function<void(QString value)>;  // empty when not in the keychain

    explicit KeyStore(QObject *parent = nullptr);
    void save(const QString &name, const QString &value, Saved done);
    void load(const QString &name, Loaded done);

    // The fallback file, and writing into it (merge, atomic, 0600). False with `error`.
    static QString fallbackFile();
    static QString loadFromFile(const QString &name);  // the fallback file's value, or empty
    static bool saveToFile(const QString &name, const QString &value, QString *error);
    // Tests without a desktop session set this to skip the keychain.
    static void setKeychainDisabled(bool disabled);
};

} // namespace studio
} // namespace flowdeck
