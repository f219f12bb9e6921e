// The guard's provider checks (DESIGN.md §10): an OpenAI-compatible /moderations call, a
// guard model behind a chat endpoint, or an LLM judge. Each is bounded by its timeoutMs
// as a whole (attempts included) and fails open or closed as its onError says.
#include "engine/guard/providercheck.h"

#include "engine/core/jsonaccess.h"
#include "engine/guard/guardmodelreply.h"
#include "engine/guard/judgeprompt.h"
#include "engine/guard/moderationreply.h"
#include "engine/model/jsonpost.h"
#include "engine/model/structuredoutput.h"
#include "engine/nodes/modelrequest.h"
#include "engine/run/runservices.h"
#include "engine/workflow/workflow.h"

#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>

#include <algorithm>

namespace flowdeck::engine {

namespace {

constexpr long kDefaultTimeoutMs = 10000;
constexpr long kMinTimeoutMs = 100;
constexpr long kMaxTimeoutMs = 600000;
constexpr long kAttemptSlackMs = 1000;  // one attempt may outlast the check's deadline, which then speaks
constexpr int kProviderAttempts = 2;
constexpr double kDefaultThreshold = 0.5;
// Guard models judge a response in its conversation; the request it answered is not known here.
constexpr const char *kUnknownRequest = "(The request this answers is not shown.)";

struct Settings {
    std::string kind;
    std::string alias;
    std::string policy;
    double threshold = kDefaultThreshold;
    long timeoutMs = kDefaultTimeoutMs;
    bool failClosed = false;
    bool strict = false;
};

Settings settingsOf(const nlohmann::json &provider)
{
    Settings s;
    s.kind = valueOr(provider, "kind", "");
    s.alias = valueOr(provider, "model", "default");
    s.policy = valueOr(provider, "policy", "");
    s.threshold = std::clamp(valueOr(provider, "threshold", kDefaultThreshold), 0.0, 1.0);
    s.timeoutMs = std::clamp(valueOr(provider, "timeoutMs", kDefaultTimeoutMs), kMinTimeoutMs, kMaxTimeoutMs);
    s.failClosed = valueOr(provider, "onError", "allow") == "block";
    s.strict = valueOr(provider, "strict", false);
    return s;
}

bool isKind(const std::string &kind) { return kind == "moderation" || kind == "guard_model" || kind == "judge"; }

class ProviderCall final : public ProviderCheckCall, public std::enable_shared_from_this<ProviderCall> {
public:
    ProviderCall(boost::asio::io_context &io, RunServices &services, Settings settings, std::string text,
                 TextSource source, std::function<void(ProviderVerdict)> done)
        : m_io(io), m_services(services), m_settings(std::move(settings)), m_text(std::move(text)), m_source(source),
          m_done(std::move(done)), m_deadline(io)
    {
    }

    void start(const Workflow &workflow)
    {
        const std::string &kind = m_settings.kind;
        if (isKind(kind) && m_text.find_first_not_of(" \t\r\n") == std::string::npos)
            return boost::asio::post(m_io, [self = shared_from_this()] { self->finish({}); });  // nothing to judge
        if (!isKind(kind))
            return later("The guard's provider check has the kind '" + kind + "', which is not moderation, guard_model or judge.");
        NodeResult error;
        auto request = aliasRequest(m_services, workflow, m_settings.alias, error);
        if (!request)
            return later("The guard's " + kind + " check could not be made: " + error.error);
        if (request->profile.baseUrl.rfind("demo:", 0) == 0)
            return later("The guard's " + kind + " check cannot run on the offline demo model: bind the model '" +
                         m_settings.alias + "' to a provider in the workflow's Models settings.");
        m_deadline.expires_after(std::chrono::milliseconds(m_settings.timeoutMs));
        // The deadline's handler keeps the call alive until it ends, cancelled or not.
        m_deadline.async_wait([self = shared_from_this()](const boost::system::error_code &ec) {
            if (!ec)
                self->timedOut();
        });
        if (kind == "moderation")
            startModeration(std::move(*request));
        else
            startChatCheck(std::move(*request));
    }

    void cancel() override
    {
        m_done = nullptr;
        stopCalls();
    }

private:
    void startModeration(ChatRequest base)
    {
        JsonPost post;
        m_endpoint = base.profile.baseUrl + "/moderations";
        post.url = m_endpoint;
        post.apiKey = base.apiKey;
        post.headers = base.profile.headers;
        post.body = {{"input", m_text}};
        if (const std::string model = base.model.empty() ? base.profile.defaultModel : base.model; !model.empty())
            post.body["model"] = model;
        post.what = "The moderation endpoint of profile '" + base.profile.name + "'";
        post.timeoutMs = m_settings.timeoutMs + kAttemptSlackMs;
        post.maxAttempts = std::min(kProviderAttempts, base.maxAttempts);
        post.backoffMs = base.backoffMs;
        m_post = startJsonPost(m_io, *m_services.http, std::move(post),
                               [weak = weak_from_this()](nlohmann::json answer, JsonPostError error) {
                                   if (auto self = weak.lock())
                                       self->moderated(answer, error);
                               });
    }

    void startChatCheck(ChatRequest request)
    {
        m_endpoint = request.profile.baseUrl + "/chat/completions";
        m_model = request.model.empty() ? request.profile.defaultModel : request.model;
        request.messages = nlohmann::json::array();
        if (m_settings.kind == "judge") {
            request.messages.push_back({{"role", "system"}, {"content", judgeSystemPrompt(m_settings.policy, m_source)}});
            request.messages.push_back({{"role", "user"}, {"content", m_text}});
            request.responseFormat = responseFormatFor(structuredOutputFor(request.profile, m_model), judgeAnswerSchema(),
                                                       "guard_verdict", false);
        } else if (m_source == TextSource::Model) {
            request.messages.push_back({{"role", "user"}, {"content", kUnknownRequest}});
            request.messages.push_back({{"role", "assistant"}, {"content", m_text}});
        } else {
            request.messages.push_back({{"role", "user"}, {"content", m_text}});
        }
        request.stream = false;
        request.timeoutMs = m_settings.timeoutMs + kAttemptSlackMs;
        request.connectTimeoutMs = std::min(request.connectTimeoutMs, m_settings.timeoutMs);
        request.maxAttempts = std::min(kProviderAttempts, request.maxAttempts);
        ask(std::move(request));
    }

    void ask(ChatRequest request)
    {
        // A provider that refuses the response_format (HTTP 400/422) is asked once more without it.
        auto withoutFormat = request.responseFormat.is_null() ? nullptr : std::make_shared<ChatRequest>(request);
        ChatCallbacks callbacks;
        callbacks.onComplete = [weak = weak_from_this(), withoutFormat](ChatResult result, ChatError error) {
            auto self = weak.lock();
            if (!self)
                return;
            const bool formatRefused = error.kind == ErrorKind::InvalidInput && (error.status == 400 || error.status == 422);
            if (formatRefused && withoutFormat && self->m_done) {
                withoutFormat->responseFormat = nullptr;
                return self->ask(std::move(*withoutFormat));
            }
            self->answered(result, error);
        };
        m_chat = startChat(m_io, *m_services.http, std::move(request), std::move(callbacks));
    }

    void moderated(const nlohmann::json &answer, const JsonPostError &error)
    {
        m_post.reset();
        if (error)
            return fail(couldNotBeMade(error.message));
        std::optional<GuardFindings> findings;
        try {
            findings = moderationFindings(answer, m_settings.threshold);
        } catch (const std::exception &e) {
            return fail(couldNotBeMade(e.what()));
        }
        if (!findings)
            return fail("The guard's moderation check (" + m_endpoint +
                        ") got an answer that is not an OpenAI moderation result (no results[0].flagged).");
        finish({std::move(*findings), false, {}});
    }

    void answered(const ChatResult &result, const ChatError &error)
    {
        m_chat.reset();
        if (error)
            return fail(couldNotBeMade(error.message));
        std::optional<GuardFindings> findings;
        try {
            if (m_settings.kind == "judge") {
                if (auto verdict = parseJudgeAnswer(result.text))
                    findings = judgeFindings(*verdict, m_settings.threshold);
            } else if (auto reply = parseGuardModelReply(result.text)) {
                findings = guardModelFindings(*reply, m_settings.strict);
            }
        } catch (const std::exception &e) {
            return fail(couldNotBeMade(e.what()));
        }
        if (findings)
            return finish({std::move(*findings), false, {}});
        if (m_settings.kind == "judge")
            return fail("The guard's judge check (" + m_endpoint + ") got an answer without a JSON verdict holding a score "
                        "from 0 to 1.");
        fail("The guard's guard_model check (" + m_endpoint + ") got an answer in neither Qwen3Guard's nor Llama Guard's "
             "format; check that '" + m_model + "' is a guard model.");
    }

    void timedOut()
    {
        if (!m_done)
            return;
        stopCalls();
        fail("The guard's " + m_settings.kind + " check (" + m_endpoint + ") got no answer within " +
             std::to_string(m_settings.timeoutMs) + " ms.");
    }

    std::string couldNotBeMade(const std::string &why) const
    {
        return "The guard's " + m_settings.kind + " check (" + m_endpoint + ") could not be made: " + why;
    }

    // A failure found before any call: reported from the loop, as the calls' answers are.
    void later(std::string sentence)
    {
        boost::asio::post(m_io, [self = shared_from_this(), sentence = std::move(sentence)] { self->fail(sentence); });
    }

    void fail(const std::string &sentence)
    {
        ProviderVerdict verdict;
        verdict.failed = true;
        verdict.error = sentence;
        if (m_settings.failClosed) {
            GuardFinding unavailable;
            unavailable.check = isKind(m_settings.kind) ? m_settings.kind : "provider";
            unavailable.category = "check_unavailable";
            unavailable.type = "unavailable";
            unavailable.severity = "high";
            verdict.findings.push_back(std::move(unavailable));
        }
        finish(std::move(verdict));
    }

    void finish(ProviderVerdict verdict)
    {
        m_deadline.cancel();
        auto done = std::move(m_done);
        m_done = nullptr;
        if (done)
            done(std::move(verdict));
    }

    void stopCalls()
    {
        m_deadline.cancel();
        if (auto post = std::move(m_post))
            post->cancel();
        if (auto chat = std::move(m_chat))
            chat->cancel();
    }

    boost::asio::io_context &m_io;
    RunServices &m_services;
    Settings m_settings;
    std::string m_text;
    TextSource m_source;
    std::function<void(ProviderVerdict)> m_done;
    boost::asio::steady_timer m_deadline;
    std::shared_ptr<JsonPostCall> m_post;
    std::shared_ptr<ChatCall> m_chat;
    std::string m_endpoint;
    std::string m_model;
};

Diagnostic providerProblem(const std::string &code, const std::string &field, std::string message,
                   std::vector<std::string> args = {})
{
    Diagnostic d;
    d.code = code;
    d.field = field;
    d.message = std::move(message);
    d.args = std::move(args);
    return d;
}

} // namespace

std::shared_ptr<ProviderCheckCall> startProviderCheck(boost::asio::io_context &io, RunServices &services,
                                                      const Workflow &workflow, const nlohmann::json &provider,
                                                      std::string text, TextSource source,
                                                      std::function<void(ProviderVerdict)> done)
{
    auto call = std::make_shared<ProviderCall>(io, services, settingsOf(provider), std::move(text), source, std::move(done));
    call->start(workflow);
    return call;
}

Diagnostics validateProviderCheck(const nlohmann::json &provider, const Workflow &workflow, const std::string &path)
{
    Diagnostics out;
    if (provider.is_object() && valueOr(provider, "enabled", true) == false)
        return out;  // switched off: its settings wait, unchecked, until it is on again
    if (!provider.is_object()) {
        out.push_back(providerProblem("guard-provider-object", path,
                              "The provider check must be an object: {\"kind\": \"moderation\", \"model\": \"<model alias>\"}."));
        return out;
    }
    const std::string kind = valueOr(provider, "kind", "");
    if (!isKind(kind))
        out.push_back(providerProblem("guard-provider-kind", path + ".kind",
                              "The provider check's kind '" + kind + "' is not known; use moderation, guard_model or judge.",
                              {kind}));
    const std::string alias = valueOr(provider, "model", "default");
    if (!workflow.models.is_object() || !workflow.models.contains(alias))
        out.push_back(providerProblem("guard-provider-model", path + ".model",
                              "The provider check uses the model '" + alias +
                                  "', which is not declared in the workflow's models; add it or pick another.",
                              {alias}));
    if (const auto t = provider.find("threshold"); t != provider.end() && (!t->is_number() || !(t->get<double>() >= 0 && t->get<double>() <= 1)))
        out.push_back(providerProblem("guard-provider-threshold", path + ".threshold",
                              "The provider check's threshold must be a number from 0 to 1."));
    if (const auto e = provider.find("onError"); e != provider.end() && *e != "allow" && *e != "block")
        out.push_back(providerProblem("guard-provider-on-error", path + ".onError",
                              "The provider check's onError must be \"allow\" (the text goes on when the check cannot be "
                              "made) or \"block\" (it is stopped)."));
    if (const auto t = provider.find("timeoutMs"); t != provider.end()) {
        const long ms = valueOr(provider, "timeoutMs", 0L);
        if (!t->is_number_integer() || ms < kMinTimeoutMs || ms > kMaxTimeoutMs)
            out.push_back(providerProblem("guard-provider-timeout", path + ".timeoutMs",
                                  "The provider check's timeoutMs must be a whole number of milliseconds from 100 to 600000."));
    }
    if (const auto s = provider.find("strict"); s != provider.end() && !s->is_boolean())
        out.push_back(providerProblem("guard-provider-strict", path + ".strict", "The provider check's strict must be true or false."));
    if (kind == "judge" && valueOr(provider, "policy", "").find_first_not_of(" \t\r\n") == std::string::npos)
        out.push_back(providerProblem("guard-provider-policy", path + ".policy",
                              "The judge needs a policy: write what the text must not contain."));
    return out;
}

} // namespace flowdeck::engine
