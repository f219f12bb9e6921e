#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>
#include <nlohmann/json.hpp>

namespace flowdeck {
namespace studio {

class RunController;

// Checks model providers for the settings: one tiny chat call to test a profile and
// its key, and a look for local model servers (Ollama on 127.0.0.1:11434, LM Studio on
// 127.0.0.1:1234). The calls go out on the engine's thread with the studio's run host.
class ProviderProbe : public QObject {
    Q_OBJECT

public:
    explicit ProviderProbe(RunController *runner, QObject *parent = nullptr);
    ~ProviderProbe() override;

    // One tiny chat call with `profile` and `apiKey`: answers with connectionTested.
    void testConnection(const nlohmann::json &profile, const QString &apiKey);
    // Answers with localServerFound for each one running, then localSearchFinished
    // (always, within a few seconds: each look has a short timeout).
    void detectLocalServers();
    bool searching() const { return m_searching; }

signals:
    void connectionTested(bool ok, const QString &message);
    void localServerFound(const QString &profile, const QString &baseUrl);
    void localSearchFinished(int found);

private:
    struct Calls;
    QPointer<RunController> m_runner;  // the main window may destroy it first
    std::shared_ptr<Calls> m_calls;  // the calls in flight; touched on the engine's thread only
    void finishSearch();
    bool m_searching = false;
    int m_found = 0;
    int m_searchId = 0;  // answers from an earlier search are ignored
};

} // namespace studio
} // namespace flowdeck
