// `flowdeck import dify FILE.yml`: a Dify app export becomes a Flowdeck project folder
// (DESIGN.md §11). The engine maps the app; this file reads it, stores the credentials
// found in it in the command line's secret store and tells the user what happened.
#include "engine/core/atomicfile.h"
#include "engine/history/projecthistory.h"
#include "engine/import/difyimport.h"
#include "engine/mcp/plugincatalog.h"
#include "engine/model/providerprofile.h"
#include "runtime/cliconfig.h"
#include "runtime/commands.h"
#include "runtime/exitcodes.h"
#include "runtime/import/secretsfile.h"

#include <iostream>
#include <set>

namespace flowdeck::runtime {

namespace {

// The contract of `flowdeck import`: 0 imported (with or without issues), 1 not imported.
constexpr int kExitNotImported = 1;
// A Dify export is a few hundred kilobytes; anything this large is not one.
constexpr std::uintmax_t kMaxDslBytes = 32 * 1024 * 1024;

struct ImportOptions {
    std::string file;
    std::string out;
    bool json = false;
    bool force = false;
    bool noHistory = false;
};

// A folder inside a repository someone else keeps (the user's own git work) gets no
// history of its own: a repository nested in theirs would confuse their git.
bool insideAnotherRepository(const std::filesystem::path &folder)
{
    std::error_code ec;
    std::filesystem::path at = std::filesystem::absolute(folder, ec).parent_path();
    for (; !at.empty() && at != at.root_path(); at = at.parent_path())
        if (std::filesystem::exists(at / ".git", ec))
            return true;
    return false;
}

// The import is the project's first version (DESIGN.md §11), so later saves diff against
// what came from Dify. Returns a line for the user; empty when nothing is to be said.
std::string recordImport(const std::filesystem::path &folder, const engine::DifyImport &result)
{
    if (insideAnotherRepository(folder))
        return "No version history was started: " + folder.string() + " is inside another git repository.";
    auto history = engine::ProjectHistory::open(folder);
    if (!history)
        return "No version history was started: " + history.diagnostics().front().message;
    auto version = history.value()->record("Imported from Dify: " + result.workflow.name, "import");
    if (!version)
        return "The import was not recorded as a version: " + version.diagnostics().front().message;
    return "Recorded as version " + version.value().shortId() + " of the project's history (flowdeck history --project " +
           folder.string() + " list).";
}

std::string joined(const std::vector<std::string> &names)
{
    std::string s;
    for (const auto &n : names)
        s += (s.empty() ? "" : ", ") + n;
    return s;
}

std::vector<std::string> secretNames(const engine::DifyImport &result)
{
    std::vector<std::string> names;
    for (const auto &s : result.secrets)
        names.push_back(s.name);
    return names;
}

// A word for the shell, quoted when it needs to be.
std::string shellWord(const std::string &word)
{
    if (!word.empty() && word.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:@") ==
                             std::string::npos)
        return word;
    std::string q = "'";
    for (char c : word)
        q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

// How to run what was written: the inputs it needs and the profiles its models name.
std::vector<std::string> runHints(const engine::Workflow &workflow, const std::filesystem::path &written)
{
    std::string command = "flowdeck run " + shellWord(written.string());
    if (workflow.isChat())
        command += " -q 'Hello'";
    for (const auto &input : workflow.inputs)
        if (input.required)
            command += " -i " + shellWord(input.name + "=" + (input.type == "file" ? "PATH" : "..."));
    std::vector<std::string> hints{command};
    std::set<std::string> profiles;
    for (const auto &[alias, model] : workflow.models.items())
        if (model.is_object())
            if (auto p = model.find("profile"); p != model.end() && p->is_string())
                profiles.insert(p->get<std::string>());
    if (!profiles.empty())
        hints.push_back("Its models use the provider profile(s) " + joined({profiles.begin(), profiles.end()}) +
                        ": check them with `flowdeck profiles`, or add -p PROFILE to run every model on one of yours.");
    return hints;
}

int runImportDify(const ImportOptions &opts)
{
    const std::filesystem::path file(opts.file);
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) {
        std::cerr << "flowdeck: " << opts.file << ": there is no such file.\n";
        return kExitNotImported;
    }
    if (!std::filesystem::is_regular_file(file, ec)) {
        std::cerr << "flowdeck: " << opts.file << " is not a file: give the .yml file Dify exported.\n";
        return kExitNotImported;
    }
    if (const auto size = std::filesystem::file_size(file, ec); !ec && size > kMaxDslBytes) {
        std::cerr << "flowdeck: " << opts.file << ": the file is larger than 32 MB, so it is not a Dify app export.\n";
        return kExitNotImported;
    }
    const auto text = engine::readWholeFile(file);
    if (!text) {
        std::cerr << "flowdeck: " << opts.file << ": the file cannot be read (check its permissions).\n";
        return kExitNotImported;
    }

    engine::PluginCatalog catalog;
    catalog.loadDirectory(engine::PluginCatalog::defaultDirectory());  // a bad manifest only loses its mapping
    engine::DifyImportOptions options;
    options.catalog = &catalog;
    auto imported = engine::importDify(*text, options);
    if (!imported) {
        printDiagnostics(imported.diagnostics(), opts.file);
        std::cerr << "flowdeck: " << opts.file << " was not imported.\n";
        return kExitNotImported;
    }
    const engine::DifyImport &result = imported.value();

    const std::filesystem::path folder = opts.out.empty() ? std::filesystem::current_path(ec) / result.workflow.id
                                                          : std::filesystem::path(opts.out);
    auto written = engine::writeImportedProject(folder, result, opts.force);
    if (!written) {
        printDiagnostics(written.diagnostics(), opts.file);
        std::cerr << "flowdeck: " << opts.file << " was not imported.\n";
        return kExitNotImported;
    }

    const std::string historyLine = opts.noHistory ? std::string() : recordImport(folder, result);

    std::vector<std::pair<std::string, std::string>> secrets;
    for (const auto &s : result.secrets)
        secrets.emplace_back(s.name, s.value);
    const auto secretsFile = engine::defaultConfigDir() / "secrets.json";
    const SecretsMerge merge = secrets.empty() ? SecretsMerge{} : mergeSecretsFile(secretsFile, secrets, opts.force);

    const auto hints = runHints(result.workflow, written.value());
    if (opts.json) {
        nlohmann::json out = engine::importReportJson(result);
        out["file"] = opts.file;
        out["written"] = written.value().string();
        out["secretsFile"] = secretsFile.string();
        out["secretsStored"] = merge.error.empty() ? nlohmann::json(merge.added) : nlohmann::json::array();
        if (merge.error.empty())
            for (const auto &n : merge.replaced)
                out["secretsStored"].push_back(n);
        out["secretsKept"] = merge.kept;
        if (!merge.error.empty())
            out["secretsError"] = merge.error;
        out["run"] = hints.front();
        if (!historyLine.empty())
            out["history"] = historyLine;
        std::cout << out.dump(2) << "\n";
    } else {
        std::cout << engine::importReportText(result);
        std::cout << "\nWrote " << written.value().string() << "\n";
        if (!historyLine.empty())
            std::cout << historyLine << "\n";
        if (!merge.error.empty()) {
            std::cout << "The credentials were not stored: " << merge.error << " Add these names to it yourself: "
                      << joined(secretNames(result)) << ".\n";
        } else {
            std::vector<std::string> stored = merge.added;
            stored.insert(stored.end(), merge.replaced.begin(), merge.replaced.end());
            stored.insert(stored.end(), merge.unchanged.begin(), merge.unchanged.end());
            if (!stored.empty())
                std::cout << "Stored " << stored.size() << " credential(s) in " << secretsFile.string() << ": "
                          << joined(stored) << " (the workflow names them as {{secret.NAME}}).\n";
            if (!merge.kept.empty())
                std::cout << "Kept the value already in " << secretsFile.string() << " for " << joined(merge.kept)
                          << "; the app's value differs. Import again with --force to replace it.\n";
        }
        std::cout << "Run it: " << hints.front() << "\n";
        for (std::size_t i = 1; i < hints.size(); ++i)
            std::cout << hints[i] << "\n";
    }
    if (opts.json && !merge.error.empty())
        std::cerr << "flowdeck: " << merge.error << "\n";
    return kExitOk;
}

} // namespace

void addImportCommand(CLI::App &app, std::function<int()> &action)
{
    auto opts = std::make_shared<ImportOptions>();
    CLI::App *cmd = app.add_subcommand("import", "Bring an app from another tool into Flowdeck.");
    cmd->require_subcommand(1);
    CLI::App *dify = cmd->add_subcommand(
        "dify", "Import a Dify app export (DSL .yml, versions 0.1 to 0.6, every app mode) as a Flowdeck project.");
    dify->add_option("file", opts->file, "The Dify DSL file (*.yml)")->required();
    dify->add_option("--out", opts->out, "The project folder to write (default: ./<app id>)");
    dify->add_flag("--json", opts->json, "Print the import report as JSON");
    dify->add_flag("--force", opts->force,
                   "Overwrite an imported workflow of the same name, and replace stored credentials of the same name");
    dify->add_flag("--no-history", opts->noHistory, "Do not start the project's version history with this import");
    dify->callback([opts, &action] { action = [opts] { return runImportDify(*opts); }; });
}

} // namespace flowdeck::runtime
