#include "runtime/commands.h"
#include "runtime/exitcodes.h"

#include <iostream>

int main(int argc, char **argv)
{
    CLI::App app{"Flowdeck: run, validate and serve AI workflows (*.flow.json)."};
    app.require_subcommand(1);
    app.set_version_flag("--version", "flowdeck 0.1.0");
    std::function<int()> action;
    flowdeck::runtime::addRunCommand(app, action);
    flowdeck::runtime::addValidateCommand(app, action);
    flowdeck::runtime::addProfilesCommand(app, action);
    flowdeck::runtime::addFormatCommand(app, action);
    flowdeck::runtime::addMcpCommand(app, action);
    flowdeck::runtime::addServeCommand(app, action);
    flowdeck::runtime::addDeployCommand(app, action);
    flowdeck::runtime::addTemplatesCommand(app, action);
    flowdeck::runtime::addTablesCommand(app, action);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError &e) {
        int code = app.exit(e);
        return code == 0 ? 0 : flowdeck::runtime::kExitUsage;
    }
    return action ? action() : flowdeck::runtime::kExitUsage;
}
