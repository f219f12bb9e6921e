#include "widgets/deploy/knowledgeupload.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace flowdeck {
namespace studio {

namespace {

constexpr qint64 kPartBytes = 4 * 1024 * 1024;

QString answerError(int status, const QByteArray &answer)
{
    const QString said = QJsonDocument::fromJson(answer).object().value("error").toObject().value("message").toString();
    return said.isEmpty() ? KnowledgeUpload::tr("HTTP %1").arg(status) : said;
}

} // namespace

KnowledgeUpload::KnowledgeUpload(QNetworkAccessManager *network, QString baseUrl, QString adminToken,
                                 QVector<PackedBase> bases, QObject *parent)
    : QObject(parent), m_network(network), m_baseUrl(std::move(baseUrl)), m_token(std::move(adminToken)),
      m_bases(std::move(bases))
{
}

void KnowledgeUpload::start() { nextBase(); }

void KnowledgeUpload::request(const QString &method, const QString &path, const QByteArray &body,
                              std::function<void(int, const QByteArray &)> then)
{
    QNetworkRequest req(QUrl(m_baseUrl + path));
    req.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    req.setHeader(QNetworkRequest::ContentTypeHeader, "application/octet-stream");
    req.setTransferTimeout(5 * 60 * 1000);
    QNetworkReply *reply = m_network->sendCustomRequest(req, method.toUtf8(), body);
    connect(reply, &QNetworkReply::finished, this, [this, reply, then = std::move(then)] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 0)
            return emit finished(tr("Could not reach the runtime at %1: %2").arg(m_baseUrl, reply->errorString()));
        then(status, reply->readAll());
    });
}

void KnowledgeUpload::nextBase()
{
    if (++m_index >= m_bases.size())
        return emit finished({});
    const PackedBase &b = m_bases[m_index];
    emit progress(tr("knowledge base “%1”").arg(b.name), 0, b.bytes);
    request("GET", "/admin/v1/knowledge/" + b.sha256, {}, [this](int status, const QByteArray &answer) {
        if (status != 200)
            return emit finished(answerError(status, answer));
        if (QJsonDocument::fromJson(answer).object().value("present").toBool())
            return nextBase();  // the runtime holds this very base already
        m_part = 0;
        m_sent = 0;
        sendPart();
    });
}

void KnowledgeUpload::sendPart()
{
    const PackedBase &b = m_bases[m_index];
    QFile file(b.file);
    if (!file.open(QIODevice::ReadOnly) || !file.seek(m_sent))
        return emit finished(tr("The packed knowledge base “%1” cannot be read: %2").arg(b.name, file.errorString()));
    const QByteArray part = file.read(kPartBytes);
    if (part.isEmpty())
        return complete();
    request("PUT", "/admin/v1/knowledge/" + b.sha256 + "/parts/" + QString::number(m_part), part,
            [this, size = part.size()](int status, const QByteArray &answer) {
                if (status != 200)
                    return emit finished(answerError(status, answer));
                ++m_part;
                m_sent += size;
                emit progress(tr("knowledge base “%1”").arg(m_bases[m_index].name), m_sent, m_bases[m_index].bytes);
                sendPart();
            });
}

void KnowledgeUpload::complete()
{
    const PackedBase &b = m_bases[m_index];
    const QByteArray body = QJsonDocument(QJsonObject{{"parts", m_part}}).toJson(QJsonDocument::Compact);
    request("POST", "/admin/v1/knowledge/" + b.sha256 + "/complete", body, [this](int status, const QByteArray &answer) {
        if (status != 200 || !QJsonDocument::fromJson(answer).object().value("present").toBool())
            return emit finished(answerError(status, answer));
        nextBase();
    });
}

} // namespace studio
} // namespace flowdeck
