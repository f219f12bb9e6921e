#pragma once

#include <QJsonObject>
#include <QObject>
#include <QString>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace flowdeck {
namespace studio {

// A runtime's admin API (/admin/v1: apps, API keys, run history), called asynchronously
// with its admin token. Every answer comes back on the GUI thread with the HTTP status,
// the JSON body and, when the call failed, a sentence that says why.
class RuntimeAdmin : public QObject {
    Q_OBJECT

public:
    struct Answer {
        int status = 0;     // 0: the runtime could not be reached
        QJsonObject body;
        QString error;      // empty on success
        bool ok() const { return error.isEmpty(); }
    };
    using Done = std::function<void(Answer)>;

    explicit RuntimeAdmin(QObject *parent = nullptr);

    void setRuntime(const QString &baseUrl, const QString &token);
    QString baseUrl() const { return m_base; }

    // `path` is below /admin/v1 ("apps", "apps/helpdesk/keys").
    void get(const QString &path, Done done);
    void post(const QString &path, const QJsonObject &body, Done done);
    void remove(const QString &path, Done done);

private:
    void answer(QNetworkReply *reply, Done done);

    QNetworkAccessManager *m_network;
    QString m_base, m_token;
};

} // namespace studio
} // namespace flowdeck
