#include "tests/support/mockllm.h"

#include "tests/support/peerserver.h"

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

bool MockLlm::start(QString *error, const QString &config)
{
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    const QString script = QStringLiteral(FLOWDECK_SOURCE_DIR "/tests/peers/start-mock-llm.sh");
    m_port = startListening(*m_process, QStringLiteral("bash"), config.isEmpty() ? QStringList{script, QStringLiteral("0")} : QStringList{script, QStringLiteral("0"), config}, QStringLiteral("mock-llm"),
                            QStringLiteral("FLOWDECK_MOCK_LLM_LISTENING 127\\.0\\.0\\.1:(\\d+)"), error);
    return m_port != 0;
}

std::string MockLlm::profilesJson() const
{
    return "{\"profiles\":{\"mock\":{\"title\":\"mock-llm\",\"baseUrl\":\"" + baseUrl() +
           "\",\"defaultModel\":\"mock-model\",\"needsKey\":false},"
           "\"mock-keyed\":{\"title\":\"mock-llm with a key\",\"baseUrl\":\"" + baseUrl() +
           "\",\"defaultModel\":\"mock-model\",\"apiKeySecret\":\"FLOWDECK_TEST_KEY\",\"needsKey\":true}}}";
}

} // namespace flowdeck::tests
