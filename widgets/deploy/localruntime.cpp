#include "widgets/deploy/localruntime.h"

#include "engine/core/installpaths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>

namespace flowdeck {
namespace studio {

namespace {

constexpr int kPreferredPort = 18080;  // the same URLs from one session to the next, when it is free

} // namespace

LocalRuntime::LocalRuntime(QObject *parent) : QObject(parent)
{
    m_dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + "/runtime";
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &LocalRuntime::readOutput);
    connect(&m_process, &QProcess::finished, this, &LocalRuntime::finished);
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart)
            answer(tr("The runtime (%1) could not be started: %2").arg(runtimeBinary(), m_process.errorString()));
    });
}

LocalRuntime::~LocalRuntime()
{
    // Stopping waits for the process, and QProcess reads its output meanwhile: a "listening"
    // line read then must not call back into windows that are being destroyed with this.
    m_waiting.clear();
    m_process.disconnect(this);
    stop();
}

QString LocalRuntime::runtimeBinary()
{
    return QString::fromStdString(engine::runtimeProgram().string());
}

void LocalRuntime::ensureRunning(std::function<void(QString)> ready)
{
    if (running())
        return ready({});
    m_waiting.push_back(std::move(ready));
    if (m_process.state() == QProcess::NotRunning)
        start(kPreferredPort);
}

void LocalRuntime::start(int port)
{
    QDir().mkpath(m_dataDir);
    m_output.clear();
    m_port = 0;
    m_triedPort = port;
    m_stopping = false;
    m_process.start(runtimeBinary(), {"serve", "--listen", QStringLiteral("127.0.0.1:%1").arg(port), "--data", m_dataDir});
}

void LocalRuntime::readOutput()
{
    m_output += m_process.readAllStandardOutput();
    if (m_port > 0 || m_stopping)
        return;
    static const QRegularExpression listening(QStringLiteral("listening on http://127\\.0\\.0\\.1:(\\d+)"));
    const auto match = listening.match(QString::fromUtf8(m_output));
    if (!match.hasMatch())
        return;
    m_port = match.captured(1).toInt();
    QFile token(m_dataDir + "/admin-token");
    if (token.open(QIODevice::ReadOnly))
        m_token = QString::fromUtf8(token.readAll()).trimmed();
    emit started(url());
    answer({});
}

void LocalRuntime::finished()
{
    const QString log = QString::fromUtf8(m_process.readAllStandardError()).trimmed();
    const bool wasServing = m_port > 0;
    m_port = 0;
    if (m_stopping)
        return;
    if (!wasServing && m_triedPort == kPreferredPort && log.contains("Cannot listen"))
        return start(0);  // the usual port is taken: any free one
    if (!wasServing)
        return answer(tr("The runtime stopped before it was ready: %1").arg(log.section('\n', -3)));
    emit stopped(log.section('\n', -1));
    if (++m_restarts <= 3)
        start(kPreferredPort);  // deployed apps come back from the data folder
}

void LocalRuntime::answer(const QString &error)
{
    auto waiting = std::move(m_waiting);
    m_waiting.clear();
    for (auto &w : waiting)
        w(error);
}

void LocalRuntime::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_stopping = true;
    if (m_port == 0)  // still starting: whoever waits for it hears it will not come
        answer(tr("The runtime on this computer was stopped before it was ready."));
    m_process.terminate();  // SIGTERM: answers in progress finish
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(2000);
    }
}

} // namespace studio
} // namespace flowdeck
