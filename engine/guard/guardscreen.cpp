#include "engine/guard/guardscreen.h"

#include "engine/workflow/workflow.h"

#include <list>
#include <mutex>
#include <utility>

namespace flowdeck::engine {

namespace {

// The last screens compiled, by their checks' text: runs of one workflow share them.
class ScreenCache {
public:
    std::shared_ptr<const GuardScreen> find(const std::string &key)
    {
        std::lock_guard lock(m_mutex);
        for (auto it = m_entries.begin(); it != m_entries.end(); ++it)
            if (it->first == key) {
                m_entries.splice(m_entries.begin(), m_entries, it);
                return it->second;
            }
        return nullptr;
    }
    void add(std::string key, std::shared_ptr<const GuardScreen> screen)
    {
        std::lock_guard lock(m_mutex);
        m_entries.emplace_front(std::move(key), std::move(screen));
        if (m_entries.size() > kMaxEntries)
            m_entries.pop_back();
    }

private:
    static constexpr std::size_t kMaxEntries = 32;
    std::mutex m_mutex;
    std::list<std::pair<std::string, std::shared_ptr<const GuardScreen>>> m_entries;
};

ScreenCache &cache()
{
    static ScreenCache instance;
    return instance;
}

bool enabledCheck(const nlohmann::json &checks, const char *key)
{
    const auto it = checks.find(key);
    if (it == checks.end() || !it->is_object())
        return false;
    const auto on = it->find("enabled");
    return on == it->end() || !on->is_boolean() || on->get<bool>();
}

} // namespace

Result<std::shared_ptr<const GuardScreen>> GuardScreen::compile(const nlohmann::json &checks, const std::string &path)
{
    const nlohmann::json safe = checks.is_object() ? checks : nlohmann::json::object();
    std::string key = path + '\n' + safe.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    if (auto cached = cache().find(key))
        return cached;
    auto local = LocalGuard::compile(safe);
    if (!local) {
        Diagnostics problems = local.diagnostics();
        for (auto &d : problems)
            if (!path.empty())
                d.field = d.field.rfind("checks", 0) == 0 ? path + d.field.substr(6) : path + "." + d.field;
        return Result<std::shared_ptr<const GuardScreen>>(std::move(problems));
    }
    nlohmann::json provider = enabledCheck(safe, "provider") ? safe["provider"] : nlohmann::json();
    auto screen = std::make_shared<const GuardScreen>(local.value(), std::move(provider));
    cache().add(std::move(key), screen);
    return std::shared_ptr<const GuardScreen>(screen);
}

std::shared_ptr<ProviderCheckCall> GuardScreen::check(boost::asio::io_context &io, RunServices &services,
                                                      const Workflow &workflow, std::string text, TextSource source,
                                                      std::function<void(GuardFindings, std::string)> done) const
{
    GuardFindings findings = m_local->scan(text, source);
    if (!hasProvider()) {
        done(std::move(findings), {});
        return nullptr;
    }
    return startProviderCheck(io, services, workflow, m_provider, std::move(text), source,
                              [findings = std::move(findings), done = std::move(done)](ProviderVerdict verdict) mutable {
                                  findings.insert(findings.end(), verdict.findings.begin(), verdict.findings.end());
                                  done(std::move(findings), std::move(verdict.error));
                              });
}

Result<std::shared_ptr<const AppGuard>> compileAppGuard(const nlohmann::json &guard)
{
    auto policy = GuardPolicy::parse(guard);
    if (!policy)
        return Result<std::shared_ptr<const AppGuard>>(policy.diagnostics());
    auto app = std::make_shared<AppGuard>();
    app->policy = std::move(policy.value());
    Diagnostics problems;
    const auto stage = [&](const GuardStage &s, const char *path, std::shared_ptr<const GuardScreen> &into) {
        if (!s.enabled())
            return;
        auto screen = GuardScreen::compile(s.checks, path);
        if (screen)
            into = screen.value();
        else
            problems.insert(problems.end(), screen.diagnostics().begin(), screen.diagnostics().end());
    };
    stage(app->policy.input, "guard.input.checks", app->input);
    stage(app->policy.output, "guard.output.checks", app->output);
    if (!problems.empty())
        return Result<std::shared_ptr<const AppGuard>>(std::move(problems));
    return std::shared_ptr<const AppGuard>(app);
}

Diagnostics validateAppGuard(const Workflow &workflow)
{
    auto app = compileAppGuard(workflow.guard);
    if (!app)
        return app.diagnostics();
    Diagnostics out;
    const auto provider = [&](const std::shared_ptr<const GuardScreen> &screen, const char *path) {
        if (screen && screen->hasProvider())
            for (auto &d : validateProviderCheck(screen->provider(), workflow, path))
                out.push_back(std::move(d));
    };
    provider(app.value()->input, "guard.input.checks.provider");
    provider(app.value()->output, "guard.output.checks.provider");
    return out;
}

bool findingBlocks(const GuardFinding &finding) { return finding.severity != "low"; }

bool anyBlocking(const GuardFindings &findings)
{
    for (const auto &f : findings)
        if (findingBlocks(f))
            return true;
    return false;
}

bool findingMasked(const GuardFinding &finding)
{
    return (finding.check == "pii" || finding.check == "secret") && finding.end > finding.start;
}

std::string guardVerdict(GuardAction action, const GuardFindings &findings)
{
    if (action == GuardAction::Check && anyBlocking(findings))
        return "blocked";
    if (action == GuardAction::Mask)
        for (const auto &f : findings)
            if (findingMasked(f))
                return "masked";
    return "flagged";
}

} // namespace flowdeck::engine
