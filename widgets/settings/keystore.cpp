#include "widgets/settings/keystore.h"

#include "engine/model/providerprofile.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <qt6keychain/keychain.h>

namespace flowdeck {
namespace studio {

namespace {

constexpr const char *kService = "Flowdeck";
bool keychainDisabled = false;

} // namespace

KeyStore::KeyStore(QObject *parent) : QObject(parent)
{
    if (qEnvironmentVariableIsSet("FLOWDECK_NO_KEYCHAIN"))  // servers and test machines without a desktop session
        keychainDisabled = true;
}

void KeyStore::setKeychainDisabled(bool disabled) { keychainDisabled = disabled; }

QString KeyStore::fallbackFile()
{
    return QString::fromStdString((engine::defaultConfigDir() / "secrets.json").string());
}

bool KeyStore::saveToFile(const QString &name, const QString &value, QString *error)
{
    const QString path = fallbackFile();
    QDir().mkpath(QFileInfo(path).path());
    QJsonObject secrets;
    QFile existing(path);
    if (existing.open(QIODevice::ReadOnly))
        secrets = QJsonDocument::fromJson(existing.readAll()).object();
    existing.close();
    secrets.insert(name, value);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    file.write(QJsonDocument(secrets).toJson());
    if (!file.commit()) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return true;
}

void KeyStore::save(const QString &name, const QString &value, Saved done)
{
    auto fallback = [name, value, done](const QString &why) {
        QString error;
        if (!saveToFile(name, value, &error))
            return done(false, error);
        done(true, tr("No system keychain is available (%1), so the key was saved in %2, readable only by you.")
                       .arg(why, fallbackFile()));
    };
    if (keychainDisabled)
        return fallback(tr("turned off"));
    auto *job = new QKeychain::WritePasswordJob(kService);  // deletes itself when finished, even after we are gone
    job->setKey(name);
    job->setTextData(value);
    connect(job, &QKeychain::Job::finished, this, [job, fallback, done] {
        if (job->error() == QKeychain::NoError)
            return done(true, {});
        fallback(job->errorString());
    });
    job->start();
}

QString KeyStore::loadFromFile(const QString &name)
{
    QFile file(fallbackFile());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object().value(name).toString();
}

void KeyStore::load(const QString &name, Loaded done)
{
    // A key saved where there was no keychain sits in the fallback file: it counts too.
    if (keychainDisabled)
        return done(loadFromFile(name));
    auto *job = new QKeychain::ReadPasswordJob(kService);
    job->setKey(name);
    connect(job, &QKeychain::Job::finished, this, [job, done, name] {
        const QString value = job->error() == QKeychain::NoError ? job->textData() : QString();
        done(value.isEmpty() ? loadFromFile(name) : value);
    });
    job->start();
}

} // namespace studio
} // namespace flowdeck
