#include "widgets/document/workspacetrust.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace flowdeck {
namespace studio {

namespace {

const QString kSettingsKey = QStringLiteral("trust/approvedContent");
constexpr int kKept = 500;

} // namespace

WorkspaceTrust::WorkspaceTrust(QStringList trustedFolders) : m_folders(std::move(trustedFolders)) {}

bool WorkspaceTrust::inTrustedFolder(const QString &path) const
{
    const QString file = QFileInfo(path).canonicalFilePath();
    if (file.isEmpty())
        return false;
    // Folders are resolved now: the projects folder may not exist until the first project.
    for (const QString &folder : m_folders) {
        const QString canonical = QFileInfo(folder).canonicalFilePath();
        if (!canonical.isEmpty() && file.startsWith(canonical + QLatin1Char('/')))
            return true;
    }
    return false;
}

bool WorkspaceTrust::isTrusted(const QString &path, const QByteArray &content) const
{
    return inTrustedFolder(path) || remembered(content);
}

QByteArray WorkspaceTrust::contentHash(const QByteArray &content)
{
    return QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex();
}

bool WorkspaceTrust::remembered(const QByteArray &content)
{
    return QSettings().value(kSettingsKey).toStringList().contains(QString::fromLatin1(contentHash(content)));
}

void WorkspaceTrust::remember(const QByteArray &content)
{
    QSettings settings;
    QStringList hashes = settings.value(kSettingsKey).toStringList();
    const QString hash = QString::fromLatin1(contentHash(content));
    hashes.removeAll(hash);
    hashes.prepend(hash);
    while (hashes.size() > kKept)
        hashes.removeLast();
    settings.setValue(kSettingsKey, hashes);
}

} // namespace studio
} // namespace flowdeck
