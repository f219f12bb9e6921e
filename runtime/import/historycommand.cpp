// `flowdeck history [--project DIR] list|show ID|diff A [B]|restore ID [FILE]`: a project
// folder's versions (engine/history) from the command line, without git installed.
#include "engine/history/projecthistory.h"
#include "engine/history/versiondiff.h"
#include "runtime/commands.h"
#include "runtime/exitcodes.h"

#include <ctime>
#include <iostream>
#include <memory>

namespace flowdeck::runtime {

namespace {

using engine::ProjectHistory;
using engine::VersionInfo;

struct HistoryOptions {
    std::string project = ".";
    bool json = false;
    std::size_t limit = 500;
    std::string id, other, file;
};

std::string timeText(std::int64_t seconds)
{
    const std::time_t t = static_cast<std::time_t>(seconds);
    std::tm parts{};
    gmtime_r(&t, &parts);
    char text[32] = {};
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M UTC", &parts);
    return text;
}

nlohmann::json versionJson(const VersionInfo &v)
{
    return {{"id", v.id}, {"shortId", v.shortId()}, {"message", v.message}, {"time", v.time}, {"kind", v.kind}, {"target", v.target}};
}

int fail(const engine::Diagnostics &diagnostics, bool json)
{
    const std::string message = diagnostics.empty() ? std::string("The version history could not be read.") : diagnostics.front().message;
    if (json)
        std::cout << nlohmann::json{{"error", message}}.dump(2) << "\n";
    else
        std::cerr << "flowdeck history: " << message << "\n";
    return kExitRunFailed;
}

void printWarnings(const engine::Diagnostics &diagnostics)
{
    for (const auto &d : diagnostics)
        std::cerr << "warning: " << d.message << "\n";
}

void printVersionLine(const VersionInfo &v)
{
    std::cout << v.shortId() << "  " << timeText(v.time) << "  " << (v.kind.empty() ? "git" : v.kind);
    if (!v.target.empty())
        std::cout << " -> " << v.target;
    std::cout << "  " << v.message << "\n";
}

void printDiffs(const std::vector<engine::FileDiff> &diffs)
{
    if (diffs.empty()) {
        std::cout << "No differences.\n";
        return;
    }
    for (const auto &file : diffs) {
        std::cout << file.path << " (" << file.status << ")\n";
        if (!file.problem.empty())
            std::cout << "  " << file.problem << "\n";
        for (const auto &change : file.changes) {
            std::cout << "  " << engine::describeChange(change) << "\n";
            for (const auto &line : change.lines)
                std::cout << "    " << line.op << " " << line.text << "\n";
        }
    }
}

int runHistory(const std::string &action, const HistoryOptions &o)
{
    // Reading a folder's history does not start one (saves, deploys and imports do).
    std::error_code ec;
    if (action != "restore" && std::filesystem::is_directory(o.project, ec) && !ProjectHistory::hasHistory(o.project)) {
        if (o.json)
            std::cout << nlohmann::json{{"project", o.project}, {"versions", nlohmann::json::array()}}.dump(2) << "\n";
        else
            std::cout << "No version history in " << o.project << " yet: it starts with the first save in the studio, "
                      << "a deploy or an import.\n";
        return action == "list" ? 0 : 1;
    }
    auto opened = ProjectHistory::open(o.project);
    if (!opened)
        return fail(opened.diagnostics(), o.json);
    ProjectHistory &history = *opened.value();

    if (action == "list") {
        const auto versions = history.list(o.limit);
        if (o.json) {
            nlohmann::json out = nlohmann::json::array();
            for (const auto &v : versions)
                out.push_back(versionJson(v));
            std::cout << nlohmann::json{{"project", history.folder().string()}, {"versions", out}}.dump(2) << "\n";
        } else if (versions.empty()) {
            std::cout << "No versions yet in " << history.folder().string() << ".\n";
        } else {
            for (const auto &v : versions)
                printVersionLine(v);
        }
        return kExitOk;
    }
    if (action == "show") {
        auto version = history.resolve(o.id);
        if (!version)
            return fail(version.diagnostics(), o.json);
        const auto files = history.filesAt(version->id);
        if (o.json) {
            auto out = versionJson(version.value());
            out["files"] = files;
            std::cout << out.dump(2) << "\n";
        } else {
            std::cout << "Version " << version->id << "\n" << "Time:    " << timeText(version->time) << "\n"
                      << "Kind:    " << (version->kind.empty() ? "git" : version->kind) << "\n";
            if (!version->target.empty())
                std::cout << "Target:  " << version->target << "\n";
            std::cout << "Message: " << version->message << "\n" << "Files:\n";
            for (const auto &f : files)
                std::cout << "  " << f << "\n";
        }
        return kExitOk;
    }
    if (action == "diff") {
        auto diffs = engine::diffVersions(history, o.id, o.other);
        if (!diffs)
            return fail(diffs.diagnostics(), o.json);
        if (o.json) {
            const std::string from = history.resolve(o.id)->id;  // both known: the diff found them
            const std::string to = o.other.empty() ? std::string("working") : history.resolve(o.other)->id;
            std::cout << nlohmann::json{{"from", from}, {"to", to},
                                        {"files", engine::fileDiffsToJson(diffs.value())}}
                             .dump(2)
                      << "\n";
        } else {
            printDiffs(diffs.value());
        }
        return kExitOk;
    }
    // restore
    auto restored = history.restore(o.id, o.file);
    if (!restored)
        return fail(restored.diagnostics(), o.json);
    if (o.json) {
        std::cout << versionJson(restored.value()).dump(2) << "\n";
    } else {
        printWarnings(restored.diagnostics());
        std::cout << restored->message << ": new version " << restored->shortId() << ".\n";
    }
    return kExitOk;
}

} // namespace

void addHistoryCommand(CLI::App &app, std::function<int()> &action)
{
    auto opts = std::make_shared<HistoryOptions>();
    CLI::App *cmd = app.add_subcommand("history", "A project folder's versions: list them, show one, compare two, restore one.");
    cmd->add_option("--project", opts->project, "The project folder (default: the current folder)");
    cmd->add_flag("--json", opts->json, "Print JSON");
    cmd->require_subcommand(1);

    CLI::App *list = cmd->add_subcommand("list", "The versions, newest first.");
    list->add_option("--limit", opts->limit, "At most this many (default 500)");
    CLI::App *show = cmd->add_subcommand("show", "One version: time, kind, deploy target, message and files.");
    show->add_option("id", opts->id, "The version's id (8 or more of its first characters)")->required();
    CLI::App *diff = cmd->add_subcommand("diff", "What changed from version A to version B (default: the files now).");
    diff->add_option("a", opts->id, "The earlier version")->required();
    diff->add_option("b", opts->other, "The later version (default: the files in the folder now)");
    CLI::App *restore = cmd->add_subcommand("restore", "Put a version's files back (or one file), and record that as a version.");
    restore->add_option("id", opts->id, "The version to restore")->required();
    restore->add_option("file", opts->file, "Only this file (relative to the project folder)");
    // --json also after the action ("history diff A --json").
    for (CLI::App *sub : {list, show, diff, restore})
        sub->add_flag("--json", opts->json, "Print JSON");

    for (CLI::App *sub : {list, show, diff, restore})
        sub->callback([opts, &action, name = sub->get_name()] { action = [opts, name] { return runHistory(name, *opts); }; });
}

} // namespace flowdeck::runtime
