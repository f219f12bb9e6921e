#pragma once

#include <CLI/CLI.hpp>

#include <functional>

namespace flowdeck::runtime {

// The `flowdeck` program: parses the command line and runs the chosen command.
// Returns the process exit code (runtime/exitcodes.h).
int runCommandLine(int argc, char **argv);

// Each command adds its subcommand to the app and sets `action` to run it when chosen.
void addRunCommand(CLI::App &app, std::function<int()> &action);
void addValidateCommand(CLI::App &app, std::function<int()> &action);
void addProfilesCommand(CLI::App &app, std::function<int()> &action);
void addFormatCommand(CLI::App &app, std::function<int()> &action);
void addMcpCommand(CLI::App &app, std::function<int()> &action);
void addServeCommand(CLI::App &app, std::function<int()> &action);
void addDeployCommand(CLI::App &app, std::function<int()> &action);
void addTablesCommand(CLI::App &app, std::function<int()> &action);
void addTemplatesCommand(CLI::App &app, std::function<int()> &action);
void addKbCommand(CLI::App &app, std::function<int()> &action);
void addGuardCommand(CLI::App &app, std::function<int()> &action);
void addImportCommand(CLI::App &app, std::function<int()> &action);  // runtime/import/importcommand.cpp
void addHistoryCommand(CLI::App &app, std::function<int()> &action);  // runtime/import/historycommand.cpp
// `flowdeck mcp conformance-client URL` (conformanceclient.cpp).
int runConformanceClient(const std::string &url, const std::string &clientMetadataUrl);

} // namespace flowdeck::runtime
