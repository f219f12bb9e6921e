#include "tests/support/serveprocess.h"

#include "engine/net/httpclient.h"
#include "tests/support/peerserver.h"

#include <QFile>

#include <signal.h>

namespace flowdeck::tests {

ServeProcess::~ServeProcess()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        ::kill(static_cast<pid_t>(m_process->processId()), SIGKILL);
        m_process->waitForFinished(5000);
    }
}

bool ServeProcess::start(const QStringList &extraArgs, QString *error)
{
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    QStringList args = {"serve", "--listen", "127.0.0.1:0", "--data", m_dataDir, "--drain-seconds", "10"};
    args << extraArgs;
    m_port = startListening(*m_process, QStringLiteral(FLOWDECK_BINARY), args, "flowdeck serve",
                            "listening on http://127\\.0\\.0\\.1:(\\d+)", error);
    return m_port > 0;
}

void ServeProcess::kill()
{
    if (!m_process)
        return;
    ::kill(static_cast<pid_t>(m_process->processId()), SIGKILL);
    m_process->waitForFinished(5000);
    log();
}

bool ServeProcess::terminate()
{
    if (!m_process)
        return true;
    ::kill(static_cast<pid_t>(m_process->processId()), SIGTERM);
    const bool done = m_process->waitForFinished(20000);
    log();
    return done;
}

std::string ServeProcess::adminToken() const
{
    QFile f(m_dataDir + "/admin-token");
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll().trimmed().toStdString();
}

QString ServeProcess::log() const
{
    if (m_process)
        m_log += QString::fromUtf8(m_process->readAllStandardError());
    return m_log;
}

ServeProcess::Response ServeProcess::request(const std::string &method, const std::string &path, const std::string &body,
                                             const std::string &token, std::map<std::string, std::string> headers) const
{
    boost::asio::io_context io;
    engine::HttpClient http(io);
    engine::HttpRequest r;
    r.method = method;
    r.url = url(path);
    r.body = body;
    r.timeoutMs = 60000;
    if (!token.empty())
        headers["Authorization"] = "Bearer " + token;
    if (!body.empty() && !headers.count("Content-Type"))
        headers["Content-Type"] = "application/json";
    for (auto &[name, value] : headers)
        r.headers.emplace_back(name, value);
    Response out;
    engine::HttpCallbacks callbacks;
    callbacks.onData = [&out](const engine::HttpResponse &, std::string_view chunk) {
        out.body.append(chunk);
        return true;
    };
    callbacks.onComplete = [&out](engine::HttpResponse response, engine::HttpError error) {
        out.status = error ? -1 : response.status;
        for (auto &[name, value] : response.headers)
            out.headers[name] = value;
        if (!response.body.empty())
            out.body += response.body;
        if (error)
            out.body = error.message;
    };
    http.start(std::move(r), std::move(callbacks));
    io.run();
    return out;
}

ServeProcess::Response ServeProcess::deploy(const std::string &app, const nlohmann::json &bundle) const
{
    return request("PUT", "/admin/v1/apps/" + app, bundle.dump(), adminToken());
}

std::string ServeProcess::createKey(const std::string &app) const
{
    const auto r = request("POST", "/admin/v1/apps/" + app + "/keys", R"({"label": "test"})", adminToken());
    const auto j = r.json();
    return j.is_object() ? j.value("key", "") : "";
}

} // namespace flowdeck::tests
