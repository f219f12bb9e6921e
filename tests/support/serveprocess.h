#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <string>

namespace flowdeck::tests {

// A real `flowdeck serve` on 127.0.0.1 (a free port) with its own data folder, for
// tests; stopped (SIGTERM, then SIGKILL) by its PID when destroyed.
class ServeProcess {
public:
    explicit ServeProcess(QString dataDir) : m_dataDir(std::move(dataDir)) {}
    ~ServeProcess();
    bool start(const QStringList &extraArgs = {}, QString *error = nullptr);
    void kill();       // SIGKILL, at once
    bool terminate();  // SIGTERM; true once it has exited
    qint64 pid() const { return m_process ? m_process->processId() : 0; }
    int port() const { return m_port; }
    std::string url(const std::string &path) const { return "http://127.0.0.1:" + std::to_string(m_port) + path; }
    std::string adminToken() const;
    QString log() const;  // what it printed on stderr so far

    struct Response {
        long status = 0;
        std::map<std::string, std::string> headers;  // names in lower case
        std::string body;
        nlohmann::json json() const { return nlohmann::json::parse(body, nullptr, false); }
    };
    // One request, waited for; `token` goes in 'Authorization: Bearer'.
    Response request(const std::string &method, const std::string &path, const std::string &body = {},
                     const std::string &token = {}, std::map<std::string, std::string> headers = {}) const;
    // Deploys a bundle with the admin token.
    Response deploy(const std::string &app, const nlohmann::json &bundle) const;
    // Creates an API key for an app; empty on failure.
    std::string createKey(const std::string &app) const;

private:
    QString m_dataDir;
    std::unique_ptr<QProcess> m_process;
    int m_port = 0;
    mutable QString m_log;
};

} // namespace flowdeck::tests
