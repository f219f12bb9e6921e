#include "tests/support/peerserver.h"

#include <QDeadlineTimer>
#include <QProcessEnvironment>
#include <QRegularExpression>

namespace flowdeck::tests {

PeerServer::PeerServer() = default;

PeerServer::~PeerServer()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(3000)) {
            m_process->kill();
            m_process->waitForFinished(3000);
        }
    }
}

bool PeerServer::start(const QString &script, const QStringList &args, QString *error)
{
    const QString peers = QStringLiteral(FLOWDECK_SOURCE_DIR "/tests/peers/");
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PORT"), QStringLiteral("0"));
    env.insert(QStringLiteral("HOST"), QStringLiteral("127.0.0.1"));
    m_process->setProcessEnvironment(env);
    m_port = startListening(*m_process, QStringLiteral("node"),
                            QStringList{QStringLiteral("--require"), peers + QStringLiteral("loopback-listen.cjs"), peers + script} + args,
                            script, QStringLiteral("FLOWDECK_LISTENING 127\\.0\\.0\\.1:(\\d+)"), error);
    return m_port != 0;
}

int startListening(QProcess &process, const QString &program, const QStringList &args, const QString &what,
                   const QString &listening, QString *error)
{
    process.start(program, args);
    if (!process.waitForStarted(5000)) {
        if (error)
            *error = QStringLiteral("cannot start %1").arg(what);
        return 0;
    }
    QByteArray out;
    QDeadlineTimer deadline(20000);
    const QRegularExpression re(listening);
    while (!deadline.hasExpired()) {
        if (!process.waitForReadyRead(200) && process.state() == QProcess::NotRunning)
            break;
        out += process.readAllStandardOutput();
        auto m = re.match(QString::fromUtf8(out));
        if (m.hasMatch())
            return m.captured(1).toInt();
    }
    if (error)
        *error = QStringLiteral("%1 did not start (is tests/peers installed? run scripts/setup.sh): %2 %3")
                     .arg(what, QString::fromUtf8(out), QString::fromUtf8(process.readAllStandardError()));
    return 0;
}

QString PeerServer::output() const
{
    return m_process ? QString::fromUtf8(m_process->readAllStandardError()) : QString();
}

} // namespace flowdeck::tests
