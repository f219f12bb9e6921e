#include "runtime/serve/servedtrace.h"

#include "engine/core/diagnostic.h"
#include "engine/core/jsonaccess.h"
#include "engine/guard/guardfinding.h"
#include "engine/guard/localguard.h"
#include "runtime/serve/liveapp.h"
#include "runtime/serve/streamredactor.h"

namespace flowdeck::runtime {

namespace {

constexpr int kMaxDepth = 200;  // deeper values are scrubbed as their text

using Masks = std::vector<std::pair<std::string, std::string>>;

void replaceAll(std::string &text, const std::string &from, const std::string &to)
{
    if (from.empty())
        return;
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
}

// A cut value's preview ends wherever 2 KB ended: drop a tail that could be a secret's beginning.
void dropSecretPrefixTail(std::string &preview, const std::vector<std::string> &secrets)
{
    for (const auto &secret : secrets) {
        if (secret.empty())
            continue;
        for (std::size_t n = std::min(secret.size() - 1, preview.size()); n > 0; --n)
            if (preview.compare(preview.size() - n, n, secret, 0, n) == 0) {
                preview.resize(preview.size() - n);
                break;
            }
    }
}

std::string masked(std::string text, const Masks &masks)
{
    for (const auto &[found, placeholder] : masks)
        replaceAll(text, found, placeholder);
    return text;
}

std::string scrubText(std::string text, const std::vector<std::string> &secrets, const Masks &masks)
{
    return masked(redactSecrets(std::move(text), secrets), masks);
}

void scrub(nlohmann::json &value, const std::vector<std::string> &secrets, const Masks &masks, int depth)
{
    if (value.is_string()) {
        value = scrubText(value.get<std::string>(), secrets, masks);
        return;
    }
    if (!value.is_structured())
        return;
    if (depth > kMaxDepth) {
        value = scrubText(engine::safeDump(value), secrets, masks);
        return;
    }
    if (value.is_array()) {
        for (auto &item : value)
            scrub(item, secrets, masks, depth + 1);
        return;
    }
    for (auto it = value.begin(); it != value.end(); ++it) {
        scrub(it.value(), secrets, masks, depth + 1);
        if (it.key() == "preview" && it.value().is_string() && engine::valueOr(value, "truncated", false))
            dropSecretPrefixTail(it.value().get_ref<std::string &>(), secrets);
    }
}

} // namespace

ServedTrace::ServedTrace(const LiveApp &app)
    : m_trace(std::make_shared<engine::RunTrace>(kMaxValueBytes, kMaxTotalBytes)),
      m_outputGuarded(app.guardPolicy().output.enabled()),
      m_secrets(*app.secretValues())
{
}

void ServedTrace::add(const engine::RunEvent &event)
{
    if (!m_trace)
        return;
    const bool values = event.type == engine::RunEventType::NodeStarted || event.type == engine::RunEventType::NodeFinished;
    if (m_outputGuarded && values && event.data.is_object()) {
        engine::RunEvent kept = event;
        kept.data.erase("inputs");
        kept.data.erase("outputs");
        return m_trace->add(kept);
    }
    if (values || event.type == engine::RunEventType::NodeFailed || event.type == engine::RunEventType::NodeSkipped)
        m_trace->add(event);
}

void ServedTrace::noteGuardedInputs(const nlohmann::json &given, const engine::RunEvent &event)
{
    if (engine::valueOr(event.data, "stage", "") != "input" || !given.is_object())
        return;
    const std::string field = engine::valueOr(event.data, "field", "");
    const nlohmann::json *text = nullptr;
    if (field == "query" && given.contains("query"))
        text = &given["query"];
    else if (given.contains("inputs") && given["inputs"].is_object() && given["inputs"].contains(field))
        text = &given["inputs"][field];
    if (!text || !text->is_string())
        return;
    const std::string &value = text->get_ref<const std::string &>();
    for (const auto &item : engine::valueOr<nlohmann::json>(event.data, "findings", nlohmann::json::array())) {
        if (!item.is_object())
            continue;
        engine::GuardFinding finding = engine::GuardFinding::fromJson(item);
        if (finding.start >= finding.end || finding.end > value.size())
            continue;
        std::string found = value.substr(finding.start, finding.end - finding.start);
        finding.start = 0;
        finding.end = found.size();
        std::string placeholder = engine::maskFindings(found, {finding});
        if (placeholder != found)  // PII and secrets; other findings are not masked
            m_masks.emplace_back(std::move(found), std::move(placeholder));
    }
}

std::string ServedTrace::maskGuarded(std::string text) const { return masked(std::move(text), m_masks); }

std::function<std::string()> ServedTrace::takeText()
{
    auto trace = std::move(m_trace);
    if (!trace)
        return {};
    return [trace, secrets = m_secrets, masks = m_masks] {
        nlohmann::json json = trace->toJson();
        scrub(json, secrets, masks, 0);
        return engine::safeDump(json);
    };
}

} // namespace flowdeck::runtime
