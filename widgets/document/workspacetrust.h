#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace flowdeck {
namespace studio {

// Which workflow files the studio runs without asking (workspace trust): those inside
// the user's own folders (the projects folder, the shipped templates) and those whose
// exact content the user approved or the studio itself saved. Approvals are kept by
// content hash (SHA-256) in the studio's settings, so a file changed outside the studio
// is asked about again.
class WorkspaceTrust {
public:
    explicit WorkspaceTrust(QStringList trustedFolders = {});

    bool isTrusted(const QString &path, const QByteArray &content) const;
    bool inTrustedFolder(const QString &path) const;

    static QByteArray contentHash(const QByteArray &content);
    static bool remembered(const QByteArray &content);
    // Approves this content from now on (the newest 500 approvals are kept).
    static void remember(const QByteArray &content);

private:
    QStringList m_folders;
};

} // namespace studio
} // namespace flowdeck
