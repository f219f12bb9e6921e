// `flowdeck guard test FILE`: the bank's prompts through a workflow run in-process, the
// way `flowdeck run` runs it, with its app guard policy (DESIGN.md §10).
#include "engine/core/jsonaccess.h"
#include "engine/guard/guardpolicy.h"
#include "engine/knowledge/knowledgelibrary.h"
#include "engine/knowledge/knowledgepack.h"
#include "engine/nodes/noderegistry.h"
#include "engine/run/workflowrun.h"
#include "engine/templates/modelbinding.h"
#include "engine/workflow/workflowfile.h"
#include "runtime/cliconfig.h"
#include "runtime/exitcodes.h"
#include "runtime/guardtarget.h"

#include <filesystem>
#include <iostream>
#include <map>

namespace flowdeck::runtime {

namespace {

// The start input a workflow app takes the prompt in: the one named, else its first text input.
std::string promptInputOf(const engine::Workflow &wf, const std::string &named, std::string &error)
{
    for (const auto &in : wf.inputs)
        if (named.empty() ? (in.type == "text" || in.type == "paragraph") : in.name == named)
            return in.name;
    error = named.empty() ? "the workflow has no text input to give the prompts to; it needs one (or chat mode)."
                          : "the workflow has no start input named '" + named + "' (--prompt-input).";
    return {};
}

// A workflow app's answer: its text outputs, one after another.
std::string outputText(const nlohmann::json &outputs)
{
    std::string text;
    if (outputs.is_object())
        for (const auto &[name, value] : outputs.items())
            if (value.is_string())
                text += (text.empty() ? "" : "\n") + value.get<std::string>();
    return text;
}

class LocalGuardTarget final : public GuardTarget {
    struct Seen {  // what the run's guard nodes found, and whether it waited for a form
        std::vector<std::string> findings;
        bool nodeBlocked = false;
        bool waited = false;
    };

public:
    LocalGuardTarget(boost::asio::io_context &io, std::unique_ptr<engine::RunHost> host,
                     std::shared_ptr<const engine::CompiledWorkflow> workflow, nlohmann::json inputs, std::string promptInput,
                     std::string file, const RefusalMatcher &matcher)
        : m_io(io), m_host(std::move(host)), m_workflow(std::move(workflow)), m_inputs(std::move(inputs)),
          m_promptInput(std::move(promptInput)), m_file(std::move(file)), m_matcher(matcher)
    {
    }

    void start(const BankCase &c, Done done) override
    {
        auto seen = std::make_shared<Seen>();
        engine::RunOptions options;
        options.inputs = m_inputs;
        if (m_workflow->workflow().isChat()) {
            options.sys = {{"query", c.prompt}, {"conversation_id", ""}, {"history", nlohmann::json::array()}, {"user", "guard-test"}};
        } else {
            options.inputs[m_promptInput] = c.prompt;
            options.sys = {{"user", "guard-test"}};
        }
        const std::size_t slot = m_nextSlot++;
        options.onEvent = [this, seen, slot](const engine::RunEvent &e) {
            if (e.type == engine::RunEventType::HumanInputRequired) {
                seen->waited = true;
                if (auto it = m_runs.find(slot); it != m_runs.end())
                    it->second->cancel();
            }
            if (e.type != engine::RunEventType::NodeFinished || e.nodeType != "guard")
                return;
            const nlohmann::json outputs = engine::valueOr(e.data, "outputs", nlohmann::json::object());
            seen->nodeBlocked = seen->nodeBlocked || engine::valueOr(outputs, "blocked", false);
            const nlohmann::json findings = engine::valueOr(outputs, "findings", nlohmann::json::array());
            if (findings.is_array())
                for (const auto &f : findings)
                    seen->findings.push_back(engine::valueOr(f, "category", "custom"));
        };
        auto run = engine::WorkflowRun::create(m_io, m_workflow, m_host->services(), std::move(options));
        m_runs.emplace(slot, run);
        run->start([this, seen, slot, done = std::move(done)](const engine::WorkflowRun &r) {
            m_runs.erase(slot);
            done(outcomeOf(r, *seen));
        });
    }

    void cancelAll() override
    {
        m_cancelled = true;
        auto runs = m_runs;  // onDone of a cancelled run erases it
        for (auto &[slot, run] : runs)
            run->cancel();
    }

    void close() override { m_host->closeServers(); }

    nlohmann::json describe() const override
    {
        return {{"kind", "workflow"}, {"name", m_workflow->workflow().name.empty() ? m_file : m_workflow->workflow().name},
                {"file", m_file}};
    }

private:
    CaseOutcome outcomeOf(const engine::WorkflowRun &run, const Seen &seen) const
    {
        CaseOutcome o;
        const engine::GuardOutcome &policy = run.guard();
        for (const auto *stage : {&policy.input, &policy.output})
            for (const auto &f : *stage)
                o.findings.push_back(f.category);
        o.findings.insert(o.findings.end(), seen.findings.begin(), seen.findings.end());
        if (run.status() != engine::RunStatus::Succeeded) {
            if (m_cancelled && run.status() == engine::RunStatus::Cancelled)
                return {};  // stopped by Ctrl-C: not run
            o.kind = CaseOutcome::Kind::Error;
            o.error = seen.waited ? "the workflow waits for a person (a human node); the test bench cannot answer forms."
                             : "the run " + std::string(engine::runStatusName(run.status())) +
                                   (run.failedNode().empty() ? "" : " at node '" + run.failedNode() + "'") + ": " + run.error();
            return o;
        }
        if (policy.blocked || seen.nodeBlocked) {
            o.kind = CaseOutcome::Kind::Refused;
            o.byGuard = true;
            o.stage = policy.blocked ? policy.blockedStage : "node";
            return o;
        }
        const std::string answer = m_workflow->workflow().isChat() ? run.answer() : outputText(run.outputs());
        o.kind = m_matcher.isRefusal(answer) ? CaseOutcome::Kind::Refused : CaseOutcome::Kind::Answered;
        return o;
    }

    boost::asio::io_context &m_io;
    std::unique_ptr<engine::RunHost> m_host;
    std::shared_ptr<const engine::CompiledWorkflow> m_workflow;
    nlohmann::json m_inputs;
    std::string m_promptInput;
    std::string m_file;
    const RefusalMatcher &m_matcher;
    std::map<std::size_t, std::shared_ptr<engine::WorkflowRun>> m_runs;
    std::size_t m_nextSlot = 0;
    bool m_cancelled = false;
};

} // namespace

std::unique_ptr<GuardTarget> makeLocalGuardTarget(boost::asio::io_context &io, const GuardTargetOptions &options,
                                                  RefusalMatcher &matcher, int &exitCode)
{
    auto loaded = engine::loadWorkflowFile(options.target);
    if (!loaded) {
        printDiagnostics(loaded.diagnostics(), options.target);
        exitCode = kExitInvalidWorkflow;
        return nullptr;
    }
    if (options.profile.empty())
        if (auto unbound = engine::unboundModelProblems(loaded.value()); !unbound.empty()) {
            printDiagnostics(unbound, options.target);
            exitCode = kExitInvalidWorkflow;
            return nullptr;
        }
    // The policy's own reply reads as a refusal wherever the answer holds it.
    if (auto policy = engine::GuardPolicy::parse(loaded->guard); policy.ok())
        matcher.addPhrase(policy->replyText());
    auto compiled = engine::CompiledWorkflow::compile(std::move(loaded.value()), engine::NodeRegistry::builtin());
    if (!compiled) {
        printDiagnostics(compiled.diagnostics(), options.target);
        exitCode = kExitInvalidWorkflow;
        return nullptr;
    }
    const engine::Workflow &wf = compiled.value()->workflow();
    std::string promptInput, error;
    if (!wf.isChat() && (promptInput = promptInputOf(wf, options.promptInput, error)).empty()) {
        std::cerr << "flowdeck: " << options.target << ": " << error << "\n";
        exitCode = kExitUsage;
        return nullptr;
    }

    auto host = makeCliRunHost(io, options.profilesFile, cliMcpHost(false));
    engine::RunServices &services = host->services();
    services.profileOverride = options.profile;
    services.modelOverride = options.model;
    services.knowledge =
        std::make_shared<engine::KnowledgeLibrary>(engine::knowledgeFolderFor(std::filesystem::absolute(options.target)));
    applyCliEnv(services, options.envs);
    return std::make_unique<LocalGuardTarget>(io, std::move(host), compiled.value(), options.inputs, promptInput,
                                              options.target, matcher);
}

} // namespace flowdeck::runtime
