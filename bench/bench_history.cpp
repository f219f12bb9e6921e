// Version history benchmark (DESIGN.md §11, issue 19): recording a version of a project
// with a 500-node workflow (the first and one after a prompt edit), listing 1,000 versions,
// and the structural diff of two 500-node workflows. Prints milliseconds.
//   bench_history [nodes] [versions]
#include "engine/history/projecthistory.h"
#include "engine/history/versiondiff.h"
#include "engine/history/workflowdiff.h"
#include "engine/workflow/workflowfile.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <unistd.h>
#include <string>

using namespace flowdeck::engine;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

namespace {

double msSince(Clock::time_point start) { return std::chrono::duration<double, std::milli>(Clock::now() - start).count(); }

// A chain of `count` nodes: every third an LLM with a three-line prompt, the others code
// and answer nodes; `variant` changes a tenth of the prompts and moves a tenth of the nodes.
Workflow makeWorkflow(int count, int variant)
{
    Workflow w;
    w.id = "big";
    w.name = "Big workflow";
    w.models = {{"default", {{"profile", "maas"}, {"model", "deepseek-v3.1"}}}};
    NodeSpec start;
    start.id = "start";
    start.type = "start";
    w.nodes.push_back(start);
    for (int i = 1; i < count; ++i) {
        NodeSpec n;
        n.id = "n" + std::to_string(i);
        n.position = {260.0 * i, (variant && i % 10 == 3) ? 80.0 : 0.0};
        if (i % 3 == 0) {
            n.type = "llm";
            const bool edited = variant && i % 10 == 0;
            n.config = {{"model", "default"},
                        {"system", "You are step " + std::to_string(i) + " of a long pipeline."},
                        {"prompt", "Read the previous result:\n{{n" + std::to_string(i - 1) + ".text}}\n" +
                                       (edited ? "Answer in one short paragraph." : "Answer briefly.")}};
        } else if (i % 3 == 1) {
            n.type = "code";
            n.config = {{"language", "python3"}, {"code", "def main(x):\n    return {'y': x}\n"}};
        } else {
            n.type = "answer";
            n.config = {{"text", "{{n" + std::to_string(i - 1) + ".y}}"}};
        }
        w.nodes.push_back(n);
        w.edges.push_back({w.nodes[static_cast<std::size_t>(i - 1)].id, n.id, {}});
    }
    return w;
}

} // namespace

int main(int argc, char **argv)
{
    const int nodes = argc > 1 ? std::atoi(argv[1]) : 500;
    const int versions = argc > 2 ? std::atoi(argv[2]) : 1000;
    const fs::path folder = fs::temp_directory_path() / ("bench-history-" + std::to_string(::getpid()));
    fs::create_directories(folder);
    const Workflow before = makeWorkflow(nodes, 0);
    const Workflow after = makeWorkflow(nodes, 1);
    const std::string beforeText = serializeWorkflow(before);
    std::ofstream(folder / "big.flow.json") << beforeText;
    std::ofstream(folder / "README.md") << "# A big project\n";

    auto start = Clock::now();
    auto opened = ProjectHistory::open(folder);
    if (!opened) {
        std::fprintf(stderr, "%s\n", opened.diagnostics().front().message.c_str());
        return 1;
    }
    auto &history = *opened.value();
    std::printf("open (creates the repository):          %8.2f ms\n", msSince(start));
    start = Clock::now();
    const auto first = history.record("First");
    std::printf("record, %d-node workflow (%zu KB):     %8.2f ms\n", nodes, beforeText.size() / 1024, msSince(start));
    start = Clock::now();
    history.record("Unchanged");
    std::printf("record with nothing changed:             %8.2f ms\n", msSince(start));
    std::ofstream(folder / "big.flow.json", std::ios::trunc) << serializeWorkflow(after);
    start = Clock::now();
    const auto second = history.record("Edited prompts");
    std::printf("record after editing prompts:            %8.2f ms\n", msSince(start));

    start = Clock::now();
    for (int i = static_cast<int>(history.list(versions + 10).size()); i < versions; ++i)
        history.record("Deploy " + std::to_string(i), "deploy", "http://127.0.0.1:8080");
    std::printf("record %d deploys (no change):         %8.2f ms total\n", versions, msSince(start));
    start = Clock::now();
    const auto listed = history.list(static_cast<std::size_t>(versions));
    std::printf("list %zu versions:                     %8.2f ms\n", listed.size(), msSince(start));

    start = Clock::now();
    const auto changes = diffWorkflows(before, after);
    std::printf("diff two %d-node workflows (%zu changes): %6.2f ms\n", nodes, changes.size(), msSince(start));
    start = Clock::now();
    const auto files = diffVersions(history, first->id, second->id);
    std::printf("diff two versions (files read, parsed): %8.2f ms\n", msSince(start));
    start = Clock::now();
    const auto restored = history.restore(first->id);
    std::printf("restore the first version:               %8.2f ms\n", msSince(start));

    std::error_code ec;
    fs::remove_all(folder, ec);
    return files && restored && listed.size() == static_cast<std::size_t>(versions) ? 0 : 1;
}
