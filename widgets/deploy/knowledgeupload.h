#pragma once

#include <QObject>
#include <QString>
#include <QVector>

#include <functional>

class QNetworkAccessManager;

namespace flowdeck {
namespace studio {

// A knowledge base packed for a deploy (engine/knowledge/knowledgepack.h).
struct PackedBase {
    QString name;
    QString file;
    QString sha256;
    qint64 bytes = 0;
};

// Uploads packed knowledge bases to a runtime before the bundle that names them: each
// base the runtime does not hold yet goes in 4 MiB parts, then "complete" has the runtime
// join them and check the sha256 (docs/knowledge.md, Deploying). One base after another.
class KnowledgeUpload : public QObject {
    Q_OBJECT
public:
    KnowledgeUpload(QNetworkAccessManager *network, QString baseUrl, QString adminToken, QVector<PackedBase> bases,
                    QObject *parent = nullptr);
    void start();

signals:
    void progress(const QString &what, qint64 done, qint64 total);
    // Empty error: every base is on the runtime.
    void finished(const QString &error);

private:
    void nextBase();
    void sendPart();
    void complete();
    void request(const QString &method, const QString &path, const QByteArray &body,
                 std::function<void(int status, const QByteArray &answer)> then);

    QNetworkAccessManager *m_network;
    QString m_baseUrl;
    QString m_token;
    QVector<PackedBase> m_bases;
    int m_index = -1;
    int m_part = 0;
    qint64 m_sent = 0;
};

} // namespace studio
} // namespace flowdeck
