#include "runtime/commands.h"

#include "runtime/exitcodes.h"

#include <csignal>

namespace flowdeck::runtime {

int runCommandLine(int argc, char **argv)
{
    // A plugin server or client that has gone away makes a write fail with EPIPE,
    // which is handled where it happens, instead of ending the program.
    std::signal(SIGPIPE, SIG_IGN);
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
    addKbCommand(app, action);
    addGuardCommand(app, action);
    addImportCommand(app, action);
    addHistoryCommand(app, action);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError &e) {
        const int code = app.exit(e);
        return code == 0 ? 0 : kExitUsage;
    }
    return action ? action() : kExitUsage;
}

} // namespace flowdeck::runtime
