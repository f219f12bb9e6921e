#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace flowdeck::engine {

struct PluginManifest;

// Catalog servers published on npm can be installed once, so they start without npx
// fetching anything: `npm install` into <dir>/<id>@<version>, made in a staging folder
// and renamed into place only when it succeeded. A server that is not installed runs
// through npx as its manifest says.

// $FLOWDECK_PLUGIN_DIR, else $XDG_DATA_HOME/flowdeck/plugins, else ~/.local/share/flowdeck/plugins.
std::filesystem::path defaultPluginInstallDir();

struct NpmInstallPlan {
    std::string package;                // "@scope/name@1.2.3"; empty when the manifest has no npm install
    std::filesystem::path target;       // where the finished install lives
    std::filesystem::path staging;      // where npm installs first
    std::vector<std::string> npmArgs;   // arguments for `npm`
};
NpmInstallPlan npmInstallPlan(const PluginManifest &manifest, const std::filesystem::path &dir);

// Moves a finished staging install into place (replacing an older copy). False with
// `error` if the staging folder holds no usable server.
bool finishNpmInstall(const PluginManifest &manifest, const NpmInstallPlan &plan, std::string &error);

// The server's executable inside an install, or empty when it is not installed.
std::filesystem::path installedExecutable(const PluginManifest &manifest, const std::filesystem::path &dir);

// The command line for an installed server: its executable and the manifest's
// arguments after the npx package spec. False when the server is not installed.
bool installedLaunch(const PluginManifest &manifest, const std::filesystem::path &dir, std::string &command,
                     std::vector<std::string> &args);

// Whether a catalog server can start here: built into `flowdeck`, installed from npm into
// `dir`, still to install, or reached over the network / started by its own command.
enum class PluginInstallState { BuiltIn, Installed, Missing, External };
PluginInstallState pluginInstallState(const PluginManifest &manifest, const std::filesystem::path &dir);

// The `flowdeck` program, for catalog servers built into it (command "flowdeck"):
// $FLOWDECK_BINARY, this program when it is flowdeck, a `flowdeck` beside it (or in
// ../runtime/ of a build tree), else "flowdeck" from PATH.
std::string flowdeckProgram();

} // namespace flowdeck::engine
