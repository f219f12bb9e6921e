#include "widgets/deploy/runtimeadmin.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace flowdeck {
namespace studio {

namespace {
constexpr int kTimeoutMs = 30000;  // admin calls are small; a runtime that says nothing for this long is not there
}

RuntimeAdmin::RuntimeAdmin(QObject *parent) : QObject(parent), m_network(new QNetworkAccessManager(this)) {}

void RuntimeAdmin::setRuntime(const QString &baseUrl, const QString &token)
{
    m_base = baseUrl.trimmed();
    while (m_base.endsWith('/'))
        m_base.chop(1);
    m_token = token;
}

void RuntimeAdmin::get(const QString &path, Done done)
{
    QNetworkRequest request(QUrl(m_base + "/admin/v1/" + path));
    request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    request.setTransferTimeout(kTimeoutMs);
    answer(m_network->get(request), std::move(done));
}

void RuntimeAdmin::post(const QString &path, const QJsonObject &body, Done done)
{
    QNetworkRequest request(QUrl(m_base + "/admin/v1/" + path));
    request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
    request.setTransferTimeout(kTimeoutMs);
    answer(m_network->post(request, QJsonDocument(body).toJson(QJsonDocument::Compact)), std::move(done));
}

void RuntimeAdmin::remove(const QString &path, Done done)
{
    QNetworkRequest request(QUrl(m_base + "/admin/v1/" + path));
    request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    request.setTransferTimeout(kTimeoutMs);
    answer(m_network->deleteResource(request), std::move(done));
}

void RuntimeAdmin::answer(QNetworkReply *reply, Done done)
{
    connect(reply, &QNetworkReply::finished, this, [this, reply, done = std::move(done)] {
        reply->deleteLater();
        Answer a;
        a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray bytes = reply->readAll();
        a.body = QJsonDocument::fromJson(bytes).object();
        const QString said = a.body.value("error").toObject().value("message").toString();
        if (a.status == 0)
            a.error = tr("Could not reach the runtime at %1: %2").arg(m_base, reply->errorString());
        else if (a.status == 401 || a.status == 403)
            a.error = tr("The runtime refused the admin token. Check the token and try again. (%1)").arg(said);
        else if (a.status >= 300)
            a.error = said.isEmpty() ? tr("The runtime answered HTTP %1.").arg(a.status) : said;
        done(a);
    });
}

} // namespace studio
} // namespace flowdeck
