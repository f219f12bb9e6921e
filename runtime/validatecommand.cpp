#include "engine/nodes/noderegistry.h"
#include "engine/workflow/validator.h"
#include "engine/workflow/workflowfile.h"
#include "engine/knowledge/knowledgepack.h"
#include "runtime/cliconfig.h"
#include "runtime/commands.h"
#include "runtime/exitcodes.h"

#include <iostream>
#include <memory>

namespace flowdeck::runtime {

void addValidateCommand(CLI::App &app, std::function<int()> &action)
{
    struct Options {
        std::string file;
        bool json = false;
    };
    auto opts = std::make_shared<Options>();
    CLI::App *cmd = app.add_subcommand("validate", "Check a workflow file and list every problem in it.");
    cmd->add_option("file", opts->file, "The workflow (*.flow.json)")->required();
    cmd->add_flag("--json", opts->json, "Print the problems as JSON");
    cmd->callback([opts, &action] {
        action = [opts] {
            auto loaded = engine::loadWorkflowFile(opts->file);
            engine::Diagnostics diagnostics = loaded.diagnostics();
            if (loaded) {
                auto more = engine::validateWorkflow(loaded.value(), engine::NodeRegistry::builtin());
                diagnostics.insert(diagnostics.end(), more.begin(), more.end());
                auto bases = engine::missingKnowledgeBases(
                    loaded.value(), engine::knowledgeFolderFor(std::filesystem::absolute(opts->file)));
                diagnostics.insert(diagnostics.end(), bases.begin(), bases.end());
            }
            const bool valid = loaded && !engine::hasErrors(diagnostics);
            if (opts->json) {
                nlohmann::json out = {{"file", opts->file}, {"valid", valid}, {"diagnostics", nlohmann::json::array()}};
                for (const auto &d : diagnostics)
                    out["diagnostics"].push_back(d.toJson());
                std::cout << out.dump(2) << "\n";
            } else {
                printDiagnostics(diagnostics, opts->file);
                if (valid)
                    std::cout << opts->file << ": valid (" << loaded->nodes.size() << " nodes, " << loaded->edges.size()
                              << " edges)\n";
                else
                    std::cerr << opts->file << ": not valid, " << diagnostics.size() << " problem(s)\n";
            }
            return valid ? kExitOk : kExitInvalidWorkflow;
        };
    });
}

} // namespace flowdeck::runtime
