// WorkflowRun's app guard policy (DESIGN.md §10): inputs checked before any node runs,
// the streamed answer held back and checked a sentence at a time, end outputs checked
// before the run reports them. What it found goes out as guard_checked events (spans,
// never the text) and stays in guard().
#include "engine/run/workflowrun.h"

#include "engine/guard/guardscreen.h"
#include "engine/guard/guardstream.h"

#include <boost/asio/post.hpp>

namespace flowdeck::engine {

namespace {

// The strings of a value with their JSON pointers ("/summary", "/items/0/text").
void collectStrings(nlohmann::json &value, const std::string &path, std::vector<std::pair<std::string, nlohmann::json *>> &out,
                    int depth = 0)
{
    if (depth > 16 || out.size() > 1000)
        return;
    if (value.is_string())
        out.emplace_back(path.empty() ? "/" : path, &value);
    else if (value.is_object())
        for (auto it = value.begin(); it != value.end(); ++it)
            collectStrings(it.value(), path + "/" + it.key(), out, depth + 1);
    else if (value.is_array())
        for (std::size_t i = 0; i < value.size(); ++i)
            collectStrings(value[i], path + "/" + std::to_string(i), out, depth + 1);
}

} // namespace

// Several texts checked as one: local checks on each, the provider once on all of them.
struct WorkflowRun::GuardBatch {
    std::vector<std::string> fields;
    std::vector<nlohmann::json *> values;
    std::vector<GuardFindings> findings;
};

void WorkflowRun::guardCheckBatch(const GuardScreen &screen, GuardAction action, const std::string &stage,
                                  std::shared_ptr<GuardBatch> batch, std::function<void(bool blocked)> done,
                                  const std::function<void()> &afterLocal)
{
    std::string joined;
    batch->findings.resize(batch->values.size());
    for (std::size_t i = 0; i < batch->values.size(); ++i) {
        const std::string &text = batch->values[i]->get_ref<const std::string &>();
        batch->findings[i] = screen.local().scan(text, stage == "input" ? TextSource::User : TextSource::Model);
        if (action == GuardAction::Mask)
            *batch->values[i] = maskFindings(text, batch->findings[i]);
        if (!joined.empty())
            joined += "\n\n";
        joined += batch->values[i]->get_ref<const std::string &>();
    }
    if (afterLocal)
        afterLocal();  // the texts are masked now
    auto report = [this, action, stage, batch, done = std::move(done)](GuardFindings whole) {
        bool blocked = false;
        for (std::size_t i = 0; i <= batch->values.size(); ++i) {
            const bool wholeText = i == batch->values.size();
            const GuardFindings &found = wholeText ? whole : batch->findings[i];
            if (found.empty())
                continue;
            const std::string verdict = guardVerdict(action, found);
            blocked = blocked || verdict == "blocked";
            auto &kept = stage == "input" ? m_guard.input : m_guard.output;
            kept.insert(kept.end(), found.begin(), found.end());
            publish(RunEventType::GuardChecked, -1,
                    {{"stage", stage}, {"field", wholeText ? std::string("*") : batch->fields[i]}, {"action", verdict},
                     {"findings", findingsToJson(found)}, {"categories", findingCategories(found)}});
        }
        done(blocked);
    };
    if (!screen.hasProvider() || joined.empty())
        return report({});
    auto weak = weak_from_this();
    m_guardCalls.push_back(startProviderCheck(m_io, m_services, m_workflow->workflow(), screen.provider(), std::move(joined),
                                              stage == "input" ? TextSource::User : TextSource::Model,
                                              [weak, report](ProviderVerdict verdict) {
                                                  auto self = weak.lock();
                                                  if (self && self->m_status == RunStatus::Running)
                                                      report(std::move(verdict.findings));
                                              }));
}

bool WorkflowRun::guardInputs(std::function<void()> proceed)
{
    const AppGuard *app = m_workflow->guard();
    if (!app || !app->input || m_parent || m_restored)
        return false;
    auto batch = std::make_shared<GuardBatch>();
    if (auto q = m_options.sys.find("query"); q != m_options.sys.end() && q->is_string() && !q->get_ref<const std::string &>().empty()) {
        batch->fields.push_back("query");
        batch->values.push_back(&*q);
    }
    for (auto it = m_options.inputs.begin(); it != m_options.inputs.end(); ++it)
        if (it->is_string() && !it->get_ref<const std::string &>().empty()) {
            batch->fields.push_back(it.key());
            batch->values.push_back(&it.value());
        }
    if (batch->values.empty())
        return false;
    guardCheckBatch(*app->input, app->policy.input.action, "input", batch,
                    [this, proceed = std::move(proceed)](bool blocked) {
                        if (m_status != RunStatus::Running)
                            return;
                        if (!blocked)
                            return proceed();
                        m_guard.blocked = true;
                        m_guard.blockedStage = "input";
                        m_outputs = nlohmann::json::object();
                        deliverAnswer(m_workflow->guard()->policy.replyText());
                        m_guardOutputDone = true;
                        finishRun(RunStatus::Succeeded);
                    },
                    [this] { announceStart(); });
    return true;
}

void WorkflowRun::openGuardStream()
{
    const AppGuard *app = m_workflow->guard();
    if (!app || !app->output || m_parent)
        return;
    GuardStream::Setup setup;
    setup.screen = app->output;
    setup.action = app->policy.output.action;
    setup.holdBackChars = app->policy.output.holdBackChars;
    setup.source = TextSource::Model;
    auto weak = weak_from_this();
    setup.deliver = [weak](std::string_view text) {
        if (auto self = weak.lock())
            self->deliverAnswer(text);
    };
    setup.onFindings = [weak](const GuardFindings &findings, const std::string &verdict) {
        auto self = weak.lock();
        if (!self)
            return;
        self->m_guard.output.insert(self->m_guard.output.end(), findings.begin(), findings.end());
        self->publish(RunEventType::GuardChecked, -1,
                      {{"stage", "output"}, {"field", "answer"}, {"action", verdict},
                       {"findings", findingsToJson(findings)}, {"categories", findingCategories(findings)}});
    };
    setup.onBlocked = [weak] {
        auto self = weak.lock();
        if (!self || self->m_status != RunStatus::Running)
            return;
        self->m_guard.blocked = true;
        self->m_guard.blockedStage = "output";
        self->deliverAnswer((self->m_answer.empty() ? "" : "\n\n") + self->m_workflow->guard()->policy.replyText());
        boost::asio::post(self->m_io, [weak] {  // not from inside the node whose token this was
            if (auto run = weak.lock())
                run->finishRun(RunStatus::Succeeded);
        });
    };
    if (app->output->hasProvider()) {
        setup.providerCheck = [weak](std::string text, std::function<void(GuardFindings)> done) {
            auto self = weak.lock();
            if (!self)
                return;
            const AppGuard *guard = self->m_workflow->guard();
            self->m_guardCalls.push_back(startProviderCheck(
                self->m_io, self->m_services, self->m_workflow->workflow(), guard->output->provider(), std::move(text),
                TextSource::Model, [done = std::move(done)](ProviderVerdict verdict) { done(std::move(verdict.findings)); }));
        };
    }
    m_guardStream = std::make_unique<GuardStream>(std::move(setup));
}

// Before a run reports success: the held answer goes out checked, then the end outputs
// are checked. False when there is nothing to wait for.
bool WorkflowRun::guardBeforeSuccess()
{
    const AppGuard *app = m_workflow->guard();
    if (m_parent || !app || !app->output || m_guardOutputDone)
        return false;
    m_guardOutputDone = true;
    auto weak = weak_from_this();
    auto outputs = [weak] {
        auto self = weak.lock();
        if (!self || self->m_status != RunStatus::Running)
            return;
        if (self->m_guard.blocked) {
            self->m_outputs = nlohmann::json::object();
            return self->finishRun(RunStatus::Succeeded);
        }
        auto batch = std::make_shared<GuardBatch>();
        std::vector<std::pair<std::string, nlohmann::json *>> strings;
        collectStrings(self->m_outputs, "", strings);
        for (auto &[field, value] : strings)
            if (!value->get_ref<const std::string &>().empty()) {
                batch->fields.push_back(field);
                batch->values.push_back(value);
            }
        if (batch->values.empty())
            return self->finishRun(RunStatus::Succeeded);
        const AppGuard *guard = self->m_workflow->guard();
        self->guardCheckBatch(*guard->output, guard->policy.output.action, "output", batch, [weak](bool blocked) {
            auto run = weak.lock();
            if (!run)
                return;
            if (blocked) {
                run->m_guard.blocked = true;
                run->m_guard.blockedStage = "output";
                run->m_outputs = nlohmann::json::object();
                if (run->m_answer.empty())
                    run->deliverAnswer(run->m_workflow->guard()->policy.replyText());
            }
            run->finishRun(RunStatus::Succeeded);
        });
    };
    if (m_guardStream)
        m_guardStream->finish(outputs);
    else
        outputs();
    return true;
}

void WorkflowRun::stopGuard()
{
    for (auto &call : m_guardCalls)
        if (call)
            call->cancel();
    m_guardCalls.clear();
}

} // namespace flowdeck::engine
