#include "widgets/settings/providerprobe.h"
#include "engine/core/jsonaccess.h"

#include "engine/model/chatclient.h"
#include "engine/model/providerprofile.h"
#include "engine/net/httpclient.h"
#include "engine/run/runhost.h"
#include "widgets/run/runcontroller.h"

#include <QMetaObject>
#include <QPointer>
#include <QTimer>

namespace flowdeck {
namespace studio {

struct ProviderProbe::Calls {
    std::shared_ptr<engine::ChatCall> test;
};

ProviderProbe::ProviderProbe(RunController *runner, QObject *parent)
    : QObject(parent), m_runner(runner), m_calls(std::make_shared<Calls>())
{
}

ProviderProbe::~ProviderProbe()
{
    // The call may still be going: the engine's thread lets it go (when the window is closing,
    // the runner and its thread may be gone already, and the call with them).
    if (m_runner)
        m_runner->onEngine([calls = m_calls](engine::RunHost &) { calls->test.reset(); });
}

void ProviderProbe::testConnection(const nlohmann::json &profileJson, const QString &apiKey)
{
    // Answers come back through the runner (it outlives the engine's thread); `self`
    // is only looked at on the GUI thread.
    QPointer<ProviderProbe> self(this);
    RunController *runner = m_runner;
    m_runner->onEngine([self, runner, calls = m_calls, profileJson, key = apiKey.toStdString()](engine::RunHost &host) {
        engine::ChatRequest request;
        request.profile = engine::ProviderProfile::fromJson(engine::valueOr(profileJson, "name", "test"), profileJson, nullptr);
        request.apiKey = key;
        request.messages = nlohmann::json::array({{{"role", "user"}, {"content", "ping"}}});
        request.maxTokens = 1;
        request.stream = false;
        request.timeoutMs = 20000;
        request.maxAttempts = 1;
        engine::ChatCallbacks cb;
        cb.onComplete = [self, runner, model = request.profile.defaultModel](engine::ChatResult result, engine::ChatError error) {
            const bool ok = !error;
            const QString used = QString::fromStdString(result.model.empty() ? model : result.model);
            const QString why = QString::fromStdString(error.message);
            QMetaObject::invokeMethod(runner, [self, ok, used, why] {
                if (self)
                    emit self->connectionTested(ok, ok ? tr("Connected: the model %1 answered.").arg(used) : why);
            }, Qt::QueuedConnection);
        };
        calls->test = engine::startChat(host.io(), host.http(), std::move(request), std::move(cb));
    });
}

void ProviderProbe::detectLocalServers()
{
    QPointer<ProviderProbe> self(this);
    RunController *runner = m_runner;
    const int search = ++m_searchId;
    m_searching = true;
    m_found = 0;
    if (!runner)
        return finishSearch();
    // Each look has its own short timeout; this one is in case the engine's thread cannot
    // answer at all (it is busy starting, or gone), so the search always ends.
    QTimer::singleShot(6000, this, [this, search] {
        if (search == m_searchId && m_searching)
            finishSearch();
    });
    runner->onEngine([self, runner, search](engine::RunHost &host) {
        auto left = std::make_shared<int>(2);
        for (const auto &[profileName, base] : {std::pair<std::string, std::string>{"ollama", "http://127.0.0.1:11434/v1"},
                                                {"lmstudio", "http://127.0.0.1:1234/v1"}}) {
            engine::HttpRequest r;
            r.url = base + "/models";
            r.timeoutMs = 1500;
            r.connectTimeoutMs = 800;
            engine::HttpCallbacks cb;
            cb.onComplete = [self, runner, search, left, p = QString::fromStdString(profileName), b = QString::fromStdString(base)](
                                engine::HttpResponse response, engine::HttpError error) {
                const bool found = !error && response.status == 200;
                const bool last = --*left == 0;
                QMetaObject::invokeMethod(runner, [self, search, found, last, p, b] {
                    if (!self || search != self->m_searchId || !self->m_searching)
                        return;
                    if (found) {
                        ++self->m_found;
                        emit self->localServerFound(p, b);
                    }
                    if (last)
                        self->finishSearch();
                }, Qt::QueuedConnection);
            };
            host.http().start(std::move(r), std::move(cb));
        }
    });
}

void ProviderProbe::finishSearch()
{
    m_searching = false;
    emit localSearchFinished(m_found);
}

} // namespace studio
} // namespace flowdeck
