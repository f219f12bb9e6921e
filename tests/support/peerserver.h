#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

#include <memory>
#include <string>

namespace flowdeck::tests {

// A test peer that serves HTTP on 127.0.0.1 (server-everything in its HTTP modes, the
// fault HTTP MCP server), started with node and tests/peers/loopback-listen.cjs, so it
// binds 127.0.0.1 on a free port and reports it. Stopped by its PID when destroyed.
// Starts `program` and waits until a line of its stdout matches `listening` (whose first
// group is the port). Returns the port, or 0 with `error` (naming `what`).
int startListening(QProcess &process, const QString &program, const QStringList &args, const QString &what,
                   const QString &listening, QString *error);

class PeerServer {
public:
    PeerServer();
    ~PeerServer();

    // `script` is relative to tests/peers (e.g. "fault-mcp-http-server.cjs").
    bool start(const QString &script, const QStringList &args = {}, QString *error = nullptr);
    int port() const { return m_port; }
    std::string url(const std::string &path) const { return "http://127.0.0.1:" + std::to_string(m_port) + path; }
    QString output() const;  // what it printed on stderr so far

private:
    std::unique_ptr<QProcess> m_process;
    int m_port = 0;
};

} // namespace flowdeck::tests
