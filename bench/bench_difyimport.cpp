// Dify import benchmark (DESIGN.md §11, issue 19): how fast importDify maps each file of
// tests/import/dify (the same call `flowdeck import dify` makes, with the plugin catalog),
// in ms per import, nodes/s and MB/s, the largest file on its own, and the share of the
// corpus that imports with no unmapped items.
//   bench_difyimport [repeats]
#include "engine/import/difyimport.h"
#include "engine/mcp/plugincatalog.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace flowdeck::engine;
using Clock = std::chrono::steady_clock;

namespace {

struct Timing {
    std::string name;
    std::size_t bytes = 0;
    std::size_t nodes = 0;
    double msPerImport = 0;
    bool clean = false;
};

// The median time of `repeats` imports of `text`, in ms; the last import's result in `out`.
double medianImportMs(const std::string &text, const DifyImportOptions &options, int repeats, Result<DifyImport> *out)
{
    std::vector<double> ms;
    for (int i = 0; i < repeats; ++i) {
        const auto t0 = Clock::now();
        auto result = importDify(text, options);
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
        if (i == repeats - 1 && out)
            *out = std::move(result);
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

} // namespace

int main(int argc, char **argv)
{
    const int repeats = argc > 1 ? std::max(1, std::atoi(argv[1])) : 20;
    const std::filesystem::path dir = FLOWDECK_SOURCE_DIR "/tests/import/dify";
    PluginCatalog catalog;
    catalog.loadDirectory(FLOWDECK_SOURCE_DIR "/plugins");
    DifyImportOptions options;
    options.catalog = &catalog;

    std::vector<std::filesystem::path> files;
    for (const auto &entry : std::filesystem::directory_iterator(dir))
        if (entry.path().extension() == ".yml")
            files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    if (files.empty()) {
        std::fprintf(stderr, "bench_difyimport: no .yml files in %s\n", dir.c_str());
        return 1;
    }

    std::vector<Timing> timings;
    std::size_t failed = 0;
    std::printf("%-44s %9s %6s %10s %11s %8s\n", "file", "bytes", "nodes", "ms/import", "nodes/s", "MB/s");
    for (const auto &path : files) {
        std::ifstream in(path, std::ios::binary);
        std::stringstream buffer;
        buffer << in.rdbuf();
        const std::string text = buffer.str();
        Result<DifyImport> result(Diagnostics{});
        Timing t;
        t.name = path.filename().string();
        t.bytes = text.size();
        t.msPerImport = medianImportMs(text, options, repeats, &result);
        if (!result) {
            ++failed;
            std::printf("%-44s  did not import: %s\n", t.name.c_str(),
                        result.diagnostics().empty() ? "?" : result.diagnostics().front().message.c_str());
            continue;
        }
        t.nodes = result->workflow.nodes.size();
        t.clean = result->clean();
        std::printf("%-44s %9zu %6zu %10.3f %11.0f %8.2f%s\n", t.name.c_str(), t.bytes, t.nodes, t.msPerImport,
                    t.nodes / (t.msPerImport / 1000.0), t.bytes / 1e6 / (t.msPerImport / 1000.0), t.clean ? "" : "  (unmapped items)");
        timings.push_back(t);
    }

    std::size_t bytes = 0, nodes = 0, clean = 0;
    double ms = 0;
    for (const auto &t : timings) {
        bytes += t.bytes;
        nodes += t.nodes;
        ms += t.msPerImport;
        clean += t.clean ? 1 : 0;
    }
    const auto largest = std::max_element(timings.begin(), timings.end(),
                                          [](const Timing &a, const Timing &b) { return a.bytes < b.bytes; });
    std::printf("\nwhole corpus: %zu files, %zu nodes, %.1f KB in %.2f ms (%.0f nodes/s, %.2f MB/s), median of %d imports each\n",
                timings.size(), nodes, bytes / 1024.0, ms, nodes / (ms / 1000.0), bytes / 1e6 / (ms / 1000.0), repeats);
    if (largest != timings.end())
        std::printf("largest: %s, %zu nodes, %.1f KB: %.2f ms per import, %.0f nodes/s, %.2f MB/s\n", largest->name.c_str(),
                    largest->nodes, largest->bytes / 1024.0, largest->msPerImport,
                    largest->nodes / (largest->msPerImport / 1000.0), largest->bytes / 1e6 / (largest->msPerImport / 1000.0));
    std::printf("imports with no unmapped items: %zu/%zu\n", clean, files.size());
    if (failed)
        std::printf("did not import: %zu\n", failed);
    return failed ? 1 : 0;
}
