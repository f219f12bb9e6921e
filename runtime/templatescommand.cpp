// `flowdeck templates` lists the solution templates; `flowdeck new TEMPLATE [FOLDER]`
// makes a project folder from one (the studio's gallery does the same).
#include "engine/mcp/plugincatalog.h"
#include "engine/nodes/noderegistry.h"
#include "engine/templates/modelbinding.h"
#include "engine/templates/solutiontemplate.h"
#include "engine/templates/workflowneeds.h"
#include "engine/workflow/workflowfile.h"
#include "runtime/cliconfig.h"
#include "runtime/commands.h"
#include "runtime/exitcodes.h"

#include <iostream>
#include <memory>

namespace flowdeck::runtime {

namespace {

struct Options {
    std::string dir;
    bool json = false;
    std::string language = "en";
    std::string id;
    std::string target;
    std::string profile;
    std::string profilesFile;
};

engine::TemplateLibrary loadLibrary(const Options &o)
{
    return engine::loadTemplateLibrary(o.dir.empty() ? engine::defaultTemplatesDirectory() : std::filesystem::path(o.dir),
                                       engine::NodeRegistry::builtin());
}

int listTemplates(const Options &o)
{
    const auto library = loadLibrary(o);
    engine::PluginCatalog catalog;
    catalog.loadDirectory(engine::PluginCatalog::defaultDirectory());
    if (o.json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto &t : library.templates) {
            nlohmann::json item = t.meta;
            auto wf = engine::parseWorkflow(t.workflow.dump());
            if (wf)
                item["computedNeeds"] = engine::workflowNeeds(wf.value(), catalog).toJson();
            out.push_back(std::move(item));
        }
        std::cout << out.dump(2) << "\n";
    } else {
        for (const auto &t : library.templates)
            std::cout << t.id << "  [" << t.meta.value("category", "") << "]  " << t.text("title", o.language) << " — "
                      << t.text("summary", o.language) << "\n";
    }
    printDiagnostics(library.problems, "templates");
    return library.problems.empty() ? kExitOk : kExitInvalidWorkflow;
}

int newProject(const Options &o)
{
    const auto library = loadLibrary(o);
    const engine::SolutionTemplate *t = library.find(o.id);
    if (!t) {
        std::cerr << "There is no template '" << o.id << "'. See `flowdeck templates` for the list.\n";
        printDiagnostics(library.problems, "templates");
        return kExitUsage;
    }
    const std::filesystem::path target =
        o.target.empty() ? engine::freeProjectDirectory(".", t->id) : std::filesystem::path(o.target);
    CliConfig config;
    const engine::ProviderProfile *bindTo = nullptr;
    if (!o.profile.empty()) {
        config.load(o.profilesFile);
        bindTo = config.profiles.find(o.profile);
        if (!bindTo) {
            std::cerr << "There is no model provider profile named '" << o.profile
                      << "'. See `flowdeck profiles` for the list, or add one to profiles.json.\n";
            return kExitUsage;
        }
    }
    auto made = engine::instantiateTemplate(*t, target, bindTo);
    if (!made) {
        printDiagnostics(made.diagnostics(), t->id);
        return kExitInvalidWorkflow;
    }
    std::cout << made.value().string() << "\n";
    if (!bindTo) {
        auto wf = engine::loadWorkflowFile(made.value());
        if (wf && !engine::unboundModels(wf.value()).empty())
            std::cerr << "Its models name no provider yet: run it with --profile NAME, or make the project with "
                         "`flowdeck new "
                      << t->id << " --profile NAME` (see `flowdeck profiles`).\n";
    }
    return kExitOk;
}

} // namespace

void addTemplatesCommand(CLI::App &app, std::function<int()> &action)
{
    auto opts = std::make_shared<Options>();
    auto *list = app.add_subcommand("templates", "List the solution templates (and check them)");
    list->add_option("--dir", opts->dir, "A templates folder to use instead of the installed one");
    list->add_option("--language", opts->language, "en or zh")->check(CLI::IsMember({"en", "zh"}));
    list->add_flag("--json", opts->json, "Print the templates' metadata as JSON");
    list->callback([&action, opts] { action = [opts] { return listTemplates(*opts); }; });

    auto *make = app.add_subcommand("new", "Make a project folder from a solution template");
    make->add_option("template", opts->id, "The template's id (see `flowdeck templates`)")->required();
    make->add_option("folder", opts->target, "The project folder to create (default: ./<template id>)");
    make->add_option("--dir", opts->dir, "A templates folder to use instead of the installed one");
    make->add_option("-p,--profile", opts->profile, "Bind the template's models to this model provider profile");
    make->add_option("--profiles", opts->profilesFile, "A profiles.json to use instead of the config folder's");
    make->callback([&action, opts] { action = [opts] { return newProject(*opts); }; });
}

} // namespace flowdeck::runtime
