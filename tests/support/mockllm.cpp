#include "tests/support/mockllm.h"

#include <QDeadlineTimer>
#include <QRegularExpression>

namespace flowdeck::tests {

MockLlm::MockLlm() = default;

MockLlm::~MockLlm()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(3000)) {
            m_process->kill();
            m_process->waitForFinished(3000);
        }
    }
}

bool MockLlm::start(QString *error)
{
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    const QString script = QStringLiteral(FLOWDECK_SOURCE_DIR "/tests/peers/start-mock-llm.sh");
    m_process->start(QStringLiteral("bash"), {script, QStringLiteral("0")});
    if (!m_process->waitForStarted(5000)) {
        if (error)
            *error = QStringLiteral("cannot start %1").arg(script);
        return false;
    }
    QByteArray out;
    QDeadlineTimer deadline(20000);
    static const QRegularExpression re(QStringLiteral("FLOWDECK_MOCK_LLM_LISTENING 127\\.0\\.0\\.1:(\\d+)"));
    while (!deadline.hasExpired()) {
        if (!m_process->waitForReadyRead(200) && m_process->state() == QProcess::NotRunning)
            break;
        out += m_process->readAllStandardOutput();
        auto m = re.match(QString::fromUtf8(out));
        if (m.hasMatch()) {
            m_port = m.captured(1).toInt();
            return true;
        }
    }
    if (error)
        *error = QStringLiteral("mock-llm did not start (is tests/peers installed? run scripts/setup.sh): %1 %2")
                     .arg(QString::fromUtf8(out), QString::fromUtf8(m_process->readAllStandardError()));
    return false;
}

std::string MockLlm::profilesJson() const
{
    return "{\"profiles\":{\"mock\":{\"title\":\"mock-llm\",\"baseUrl\":\"" + baseUrl() +
           "\",\"defaultModel\":\"mock-model\",\"needsKey\":false},"
           "\"mock-keyed\":{\"title\":\"mock-llm with a key\",\"baseUrl\":\"" + baseUrl() +
           "\",\"defaultModel\":\"mock-model\",\"apiKeySecret\":\"FLOWDECK_TEST_KEY\",\"needsKey\":true}}}";
}

} // namespace flowdeck::tests
