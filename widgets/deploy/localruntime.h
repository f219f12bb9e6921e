#pragma once

#include <QObject>
#include <QProcess>
#include <QString>

#include <functional>
#include <vector>

namespace flowdeck {
namespace studio {

// The runtime on this computer that "Deploy to this computer" uses: a `flowdeck serve`
// the studio starts on 127.0.0.1 with its own data folder and generated admin token,
// restarts if it stops unexpectedly (its apps are kept in the data folder), and stops
// when the studio quits. No set-up for the user.
class LocalRuntime : public QObject {
    Q_OBJECT

public:
    explicit LocalRuntime(QObject *parent = nullptr);
    ~LocalRuntime() override;

    // Starts it if it is not running; `ready` gets an empty string, or why it could not start.
    void ensureRunning(std::function<void(QString error)> ready);
    bool running() const { return m_port > 0 && m_process.state() == QProcess::Running; }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }
    QString adminToken() const { return m_token; }
    QString dataDir() const { return m_dataDir; }
    void stop();

    // `flowdeck` beside the studio, else the one this build made ($FLOWDECK_RUNTIME_BINARY overrides).
    static QString runtimeBinary();

signals:
    void started(const QString &url);
    void stopped(const QString &why);

private:
    void start(int port);
    void readOutput();
    void finished();
    void answer(const QString &error);

    QProcess m_process;
    QString m_dataDir;
    QString m_token;
    QByteArray m_output;
    int m_port = 0;
    int m_triedPort = 0;
    int m_restarts = 0;
    bool m_stopping = false;
    std::vector<std::function<void(QString)>> m_waiting;
};

} // namespace studio
} // namespace flowdeck
