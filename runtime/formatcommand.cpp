#include "engine/workflow/workflowfile.h"
#include "runtime/cliconfig.h"
#include "runtime/commands.h"
#include "runtime/exitcodes.h"

#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

namespace flowdeck::runtime {

void addFormatCommand(CLI::App &app, std::function<int()> &action)
{
    struct Options {
        std::vector<std::string> files;
        bool check = false;
    };
    auto opts = std::make_shared<Options>();
    CLI::App *cmd = app.add_subcommand("format", "Rewrite workflow files in the canonical form (stable keys, 2 spaces).");
    cmd->add_option("files", opts->files, "The workflows (*.flow.json)")->required();
    cmd->add_flag("--check", opts->check, "Only report files that are not in canonical form (exit 1)");
    cmd->callback([opts, &action] {
        action = [opts] {
            int status = kExitOk;
            for (const auto &file : opts->files) {
                auto loaded = engine::loadWorkflowFile(file);
                if (!loaded) {
                    printDiagnostics(loaded.diagnostics(), file);
                    status = kExitInvalidWorkflow;
                    continue;
                }
                std::ifstream in(file, std::ios::binary);
                std::stringstream current;
                current << in.rdbuf();
                if (current.str() == engine::serializeWorkflow(loaded.value()))
                    continue;
                if (opts->check) {
                    std::cout << file << ": not in canonical form\n";
                    status = status == kExitOk ? kExitRunFailed : status;
                    continue;
                }
                auto saved = engine::saveWorkflowFile(file, loaded.value());
                if (!saved) {
                    printDiagnostics(saved.diagnostics(), file);
                    status = kExitRunFailed;
                } else {
                    std::cout << file << ": formatted\n";
                }
            }
            return status;
        };
    });
}

} // namespace flowdeck::runtime
