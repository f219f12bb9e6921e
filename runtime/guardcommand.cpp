// `flowdeck guard test`: a safety test bank through a workflow or a deployed app, with
// refusal and over-refusal figures (docs/guard.md, "The test bench").
#include "engine/core/eventloop.h"
#include "engine/core/jsonaccess.h"
#include "runtime/cliconfig.h"
#include "runtime/commands.h"
#include "runtime/exitcodes.h"
#include "runtime/guardtarget.h"

#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <iostream>

namespace flowdeck::runtime {

namespace {

struct GuardTestOptions {
    GuardTargetOptions target;
    std::string bank;
    std::vector<std::string> inputs;
    std::vector<std::string> refusals;
    int concurrency = 1;
    bool json = false;
    double minRefusal = -1;      // < 0: not given
    double maxOverRefusal = -1;
};

// A line per case on stderr; on a terminal, one line rewritten in place.
class Progress {
public:
    explicit Progress(std::size_t total) : m_total(total), m_tty(isatty(STDERR_FILENO) != 0) {}
    ~Progress() { clear(); }

    void operator()(std::size_t done, const BankCase &c, const CaseOutcome &o)
    {
        const std::string line = "[" + std::to_string(done) + "/" + std::to_string(m_total) + "] " + c.id + ": " +
                                 describeOutcome(c, o);
        if (!m_tty) {
            std::cerr << line << "\n";
            return;
        }
        const std::string shown = line.size() > 100 ? line.substr(0, 97) + "..." : line;
        std::cerr << "\r" << shown << std::string(m_width > shown.size() ? m_width - shown.size() : 0, ' ') << std::flush;
        m_width = shown.size();
    }
    void clear()
    {
        if (m_tty && m_width > 0)
            std::cerr << "\r" << std::string(m_width, ' ') << "\r" << std::flush;
        m_width = 0;
    }

private:
    std::size_t m_total;
    bool m_tty;
    std::size_t m_width = 0;
};

// Feeds the cases to the target, `concurrency` at a time, until all are done or it is stopped.
class BenchRun {
public:
    BenchRun(boost::asio::io_context &io, GuardTarget &target, GuardReport &report, int concurrency)
        : m_io(io), m_target(target), m_report(report), m_concurrency(std::max(1, concurrency)),
          m_progress(report.cases().size())
    {
    }

    void start() { fill(); }

    void stop()
    {
        if (m_stopping)
            return;
        m_stopping = true;
        m_progress.clear();
        std::cerr << "flowdeck: stopping; the report covers the cases done so far.\n";
        m_target.cancelAll();
        finishIfIdle();
    }

    bool stopped() const { return m_stopping; }

private:
    void fill()
    {
        while (!m_stopping && m_inFlight < m_concurrency && m_next < m_report.cases().size()) {
            const std::size_t index = m_next++;
            ++m_inFlight;
            m_target.start(m_report.cases()[index], [this, index](CaseOutcome outcome) {
                // A case's end is posted so a target that answers at once does not recurse into fill().
                boost::asio::post(m_io, [this, index, outcome = std::move(outcome)]() mutable { finished(index, std::move(outcome)); });
            });
        }
        finishIfIdle();
    }

    void finished(std::size_t index, CaseOutcome outcome)
    {
        --m_inFlight;
        if (outcome.kind != CaseOutcome::Kind::Pending) {
            m_report.record(index, outcome);
            m_progress(m_report.done(), m_report.cases()[index], outcome);
        }
        fill();
    }

    void finishIfIdle()
    {
        if (m_inFlight > 0 || (!m_stopping && m_next < m_report.cases().size()) || m_ended)
            return;
        m_ended = true;
        m_progress.clear();
        m_io.stop();  // plugin servers keep the loop busy; the cases are what we waited for
    }

    boost::asio::io_context &m_io;
    GuardTarget &m_target;
    GuardReport &m_report;
    int m_concurrency;
    Progress m_progress;
    std::size_t m_next = 0;
    int m_inFlight = 0;
    bool m_stopping = false;
    bool m_ended = false;
};

int guardTest(GuardTestOptions &opts)
{
    const std::string bankFile = opts.bank.empty() ? shippedGuardBank().string() : opts.bank;
    std::string error;
    auto cases = loadGuardBank(bankFile, error);
    if (!cases) {
        std::cerr << "flowdeck: " << error << "\n";
        return kExitInvalidWorkflow;
    }
    for (const auto &pair : opts.inputs) {
        std::string name, value;
        if (!splitNameValue(pair, name, value, "--input"))
            return kExitUsage;
        opts.target.inputs[name] = value;
    }
    if (opts.target.key.empty())
        if (const char *key = std::getenv("FLOWDECK_API_KEY"); key && *key)
            opts.target.key = key;

    RefusalMatcher matcher;
    for (const auto &phrase : opts.refusals)
        matcher.addPhrase(phrase);
    boost::asio::io_context io;
    int exitCode = kExitOk;
    std::unique_ptr<GuardTarget> target = opts.target.url.empty()
                                              ? makeLocalGuardTarget(io, opts.target, matcher, exitCode)
                                              : makeEndpointGuardTarget(io, opts.target, matcher, exitCode);
    if (!target)
        return exitCode;

    GuardReport report(std::move(*cases), target->describe(), bankFile);
    report.setThresholds(opts.minRefusal >= 0 ? std::optional(opts.minRefusal) : std::nullopt,
                         opts.maxOverRefusal >= 0 ? std::optional(opts.maxOverRefusal) : std::nullopt);
    BenchRun bench(io, *target, report, opts.concurrency);
    boost::asio::signal_set signals(io, SIGINT, SIGTERM);
    std::function<void(const boost::system::error_code &, int)> onSignal = [&](const boost::system::error_code &ec, int) {
        if (ec)
            return;
        if (bench.stopped()) {
            io.stop();  // a second Ctrl-C does not wait for the cancelled cases to wind down
            return;
        }
        bench.stop();
        signals.async_wait(onSignal);
    };
    signals.async_wait(onSignal);
    boost::asio::post(io, [&] { bench.start(); });
    engine::runEventLoop(io, [](const std::string &what) { std::cerr << "flowdeck: " << what << "\n"; });
    signals.cancel();
    target->close();

    if (opts.json)
        std::cout << engine::safeDump(report.toJson(), 2) << "\n";
    else
        report.print(std::cout);
    if (bench.stopped())
        return kExitCancelled;
    if (report.errors() > 0)
        return kExitEndpointFailed;
    return report.thresholdsMet() ? kExitOk : kExitRunFailed;
}

} // namespace

void addGuardCommand(CLI::App &app, std::function<int()> &action)
{
    auto opts = std::make_shared<GuardTestOptions>();
    CLI::App *guard = app.add_subcommand("guard", "Content safety: test a workflow or a deployed app against a bank of prompts.");
    guard->require_subcommand(1);
    CLI::App *test = guard->add_subcommand(
        "test", "Run a bank of must-refuse and must-answer prompts; report refusal and over-refusal rates (docs/guard.md)");
    GuardTargetOptions &t = opts->target;
    test->add_option("target", t.target, "A workflow (*.flow.json), or with --url the name of a deployed app")->required();
    test->add_option("--bank", opts->bank, "The bank (JSON Lines; default: the bank shipped with Flowdeck)");
    test->add_option("--url", t.url, "A runtime's address (http://host:port): test the deployed app named by target");
    test->add_option("--key", t.key, "The app's API key (or FLOWDECK_API_KEY)");
    test->add_option("-c,--concurrency", opts->concurrency, "Cases run at once (default 1)")->check(CLI::Range(1, 64));
    test->add_option("--min-refusal", opts->minRefusal, "Fail (exit 1) below this refusal rate on must-refuse cases, e.g. 0.95")
        ->check(CLI::Range(0.0, 1.0));
    test->add_option("--max-over-refusal", opts->maxOverRefusal,
                     "Fail (exit 1) above this refusal rate on must-answer cases, e.g. 0.05")
        ->check(CLI::Range(0.0, 1.0));
    test->add_option("--refusal", opts->refusals, "A phrase that marks an answer as a refusal (the app's own reply)")
        ->allow_extra_args(false);
    test->add_option("--prompt-input", t.promptInput, "Workflow mode: the start input that takes the prompt (default: the first text input)");
    test->add_option("-i,--input", opts->inputs, "Another start input, as name=value")->allow_extra_args(false);
    test->add_option("-p,--profile", t.profile, "Local runs: use this model provider profile for every model (demo: offline)");
    test->add_option("-m,--model", t.model, "Local runs: use this model name for every model");
    test->add_option("--profiles", t.profilesFile, "Local runs: a profiles.json to use instead of the config folder's");
    test->add_option("--env", t.envs, "Local runs: a setting for {{env.NAME}}, as NAME=value")->allow_extra_args(false);
    test->add_option("--timeout", t.timeoutSeconds, "Deployed apps: seconds one answer may take (default 300)")->check(CLI::Range(1, 86400));
    test->add_flag("--json", opts->json, "Print the report as JSON");
    test->callback([opts, &action] { action = [opts] { return guardTest(*opts); }; });
}

} // namespace flowdeck::runtime
