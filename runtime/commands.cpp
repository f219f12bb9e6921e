#include "runtime/commands.h"

#include "runtime/exitcodes.h"

namespace flowdeck::runtime {

int runCommandLine(int argc, char **argv)
{
    CLI::App app{"Flowdeck: run, validate and serve AI workflows (*.flow.json)."};
    app.require_subcommand(1);
    app.set_version_flag("--version", "flowdeck 0.1.0");
    std::function<int()> action;
    addRunCommand(app, action);
    addValidateCommand(app, action);
    addProfilesCommand(app, action);
    addFormatCommand(app, action);
    addMcpCommand(app, action);
    addServeCommand(app, action);
    addDeployCommand(app, action);
    addTemplatesCommand(app, action);
    addTablesCommand(app, action);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError &e) {
        const int code = app.exit(e);
        return code == 0 ? 0 : kExitUsage;
    }
    return action ? action() : kExitUsage;
}

} // namespace flowdeck::runtime
