#pragma once

#include <QProcess>
#include <QString>

#include <memory>
#include <string>

namespace flowdeck::tests {

// The real @dwmkerr/mock-llm from tests/peers, started on 127.0.0.1 with a free port
// and the rules in tests/peers/mock-llm.yaml; stopped by its PID when destroyed.
class MockLlm {
public:
    MockLlm();
    ~MockLlm();

    // `config`: a rules file instead of tests/peers/mock-llm.yaml.
    bool start(QString *error = nullptr, const QString &config = {});
    int port() const { return m_port; }
    std::string baseUrl() const { return "http://127.0.0.1:" + std::to_string(m_port) + "/v1"; }
    // A profiles.json body with a "mock" profile pointing here.
    std::string profilesJson() const;

private:
    std::unique_ptr<QProcess> m_process;
    int m_port = 0;
};

} // namespace flowdeck::tests
