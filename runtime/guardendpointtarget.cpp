// `flowdeck guard test APP --url URL`: the bank's prompts through a deployed app's
// OpenAI-compatible endpoint, its guard policy applied by the runtime (docs/runtime.md).
#include "engine/core/diagnostic.h"
#include "engine/core/jsonaccess.h"
#include "engine/core/jsonread.h"
#include "engine/net/httpclient.h"
#include "runtime/exitcodes.h"
#include "runtime/guardtarget.h"

#include <iostream>
#include <map>

namespace flowdeck::runtime {

namespace {

std::string messageContent(const nlohmann::json &message)
{
    const nlohmann::json content = engine::valueOr(message, "content", nlohmann::json());
    if (content.is_string())
        return content.get<std::string>();
    std::string text;
    if (content.is_array())
        for (const auto &part : content)
            text += engine::valueOr(part, "text", "");
    return text;
}

// The outcome of one answered request: blocked (finish_reason "content_filter" or
// "guard": {"blocked": true}), else refused when the answer reads as a refusal.
CaseOutcome outcomeOf(const engine::HttpResponse &response, const RefusalMatcher &matcher)
{
    CaseOutcome o;
    o.kind = CaseOutcome::Kind::Error;
    engine::JsonReadError problem;
    const nlohmann::json body = engine::parseJson(response.body, &problem);
    if (response.status < 200 || response.status >= 300) {
        const nlohmann::json error = body.is_object() ? engine::valueOr(body, "error", nlohmann::json::object()) : nlohmann::json();
        const std::string message = engine::valueOr(error, "message", "");
        o.error = "the runtime answered HTTP " + std::to_string(response.status) + (message.empty() ? "." : ": " + message);
        return o;
    }
    if (!body.is_object()) {
        o.error = "the runtime's answer is not a JSON object" + (problem ? " (" + problem.describe() + ")." : ".");
        return o;
    }
    if (body.contains("human_input_required")) {
        o.error = "the app waits for a person (a human node); the test bench cannot answer forms.";
        return o;
    }
    const nlohmann::json choices = engine::valueOr(body, "choices", nlohmann::json::array());
    const nlohmann::json choice = choices.is_array() && !choices.empty() ? choices[0] : nlohmann::json::object();
    if (!choice.is_object() || !choice.contains("message")) {
        o.error = "the runtime's answer has no choices[0].message.";
        return o;
    }
    const nlohmann::json guard = engine::valueOr(body, "guard", nlohmann::json::object());
    // Findings when the runtime sends them ({"findings": {"input": [...], "output": [...]}}), else the categories.
    const nlohmann::json findings = engine::valueOr(guard, "findings", nlohmann::json::object());
    for (const char *stage : {"input", "output"})
        for (const auto &f : engine::valueOr(findings, stage, nlohmann::json::array()))
            o.findings.push_back(engine::valueOr(f, "category", "custom"));
    if (o.findings.empty())
        for (const auto &category : engine::valueOr(guard, "categories", nlohmann::json::array()))
            if (category.is_string())
                o.findings.push_back(category.get<std::string>());
    if (engine::valueOr(choice, "finish_reason", "") == "content_filter" || engine::valueOr(guard, "blocked", false)) {
        o.kind = CaseOutcome::Kind::Refused;
        o.byGuard = true;
        o.stage = engine::valueOr(guard, "stage", "");
        return o;
    }
    o.kind = matcher.isRefusal(messageContent(choice["message"])) ? CaseOutcome::Kind::Refused : CaseOutcome::Kind::Answered;
    return o;
}

class EndpointGuardTarget final : public GuardTarget {
public:
    EndpointGuardTarget(boost::asio::io_context &io, GuardTargetOptions options, const RefusalMatcher &matcher)
        : m_http(io), m_options(std::move(options)), m_matcher(matcher)
    {
        while (!m_options.url.empty() && m_options.url.back() == '/')
            m_options.url.pop_back();
    }

    void start(const BankCase &c, Done done) override
    {
        nlohmann::json body = {{"model", m_options.target},
                               {"messages", {{{"role", "user"}, {"content", c.prompt}}}},
                               {"stream", false},
                               {"user", "guard-test"}};
        nlohmann::json inputs = m_options.inputs;
        if (!m_options.promptInput.empty())
            inputs[m_options.promptInput] = c.prompt;
        if (!inputs.empty())
            body["inputs"] = std::move(inputs);
        engine::HttpRequest request;
        request.method = "POST";
        request.url = m_options.url + "/v1/chat/completions";
        request.body = engine::safeDump(body, -1);
        request.headers = {{"Content-Type", "application/json"}, {"Accept", "application/json"}};
        if (!m_options.key.empty())
            request.headers.emplace_back("Authorization", "Bearer " + m_options.key);
        request.timeoutMs = static_cast<long>(m_options.timeoutSeconds) * 1000;
        struct Transfer {
            engine::HttpClient::TransferId id = 0;
            bool finished = false;
        };
        auto transfer = std::make_shared<Transfer>();
        engine::HttpCallbacks callbacks;
        callbacks.onComplete = [this, transfer, done](engine::HttpResponse response, engine::HttpError error) {
            transfer->finished = true;
            m_transfers.erase(transfer->id);
            if (error) {
                CaseOutcome o;
                o.kind = CaseOutcome::Kind::Error;
                o.error = "the request to " + m_options.url + " failed: " + error.message;
                return done(std::move(o));
            }
            done(outcomeOf(response, m_matcher));
        };
        transfer->id = m_http.start(std::move(request), std::move(callbacks));
        if (!transfer->finished)
            m_transfers.emplace(transfer->id, std::move(done));
    }

    void cancelAll() override
    {
        auto transfers = std::move(m_transfers);
        m_transfers.clear();
        for (auto &[id, done] : transfers) {
            m_http.cancel(id);
            done(CaseOutcome{});
        }
    }

    nlohmann::json describe() const override
    {
        return {{"kind", "endpoint"}, {"name", m_options.target}, {"url", m_options.url}};
    }

private:
    engine::HttpClient m_http;
    GuardTargetOptions m_options;
    const RefusalMatcher &m_matcher;
    std::map<engine::HttpClient::TransferId, Done> m_transfers;  // in flight, with what to call when stopped
};

} // namespace

std::unique_ptr<GuardTarget> makeEndpointGuardTarget(boost::asio::io_context &io, const GuardTargetOptions &options,
                                                     const RefusalMatcher &matcher, int &exitCode)
{
    if (options.url.rfind("http://", 0) != 0 && options.url.rfind("https://", 0) != 0) {
        std::cerr << "flowdeck: --url must be a runtime's address, like http://127.0.0.1:8080.\n";
        exitCode = kExitUsage;
        return nullptr;
    }
    return std::make_unique<EndpointGuardTarget>(io, options, matcher);
}

} // namespace flowdeck::runtime
