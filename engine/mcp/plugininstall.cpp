#include "engine/mcp/plugininstall.h"
#include "engine/core/jsonaccess.h"
#include "engine/core/jsonread.h"

#include "engine/mcp/plugincatalog.h"

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>

namespace flowdeck::engine {

namespace fs = std::filesystem;

namespace {

std::string npmPackage(const PluginManifest &m) { return engine::valueOr(engine::valueOr(m.raw, "install", nlohmann::json::object()), "npm", ""); }
std::string npmVersion(const PluginManifest &m) { return engine::valueOr(engine::valueOr(m.raw, "install", nlohmann::json::object()), "version", ""); }

fs::path installRoot(const PluginManifest &m, const fs::path &dir) { return dir / (m.id + "@" + npmVersion(m)); }

// The executable a package declares in its package.json "bin", inside `root`.
fs::path binaryIn(const fs::path &root, const std::string &package)
{
    std::ifstream in(root / "node_modules" / package / "package.json");
    const auto manifest = engine::parseJson(in);
    if (manifest.is_discarded() || !manifest.is_object() || !manifest.contains("bin"))
        return {};
    const std::string plain = package.substr(package.rfind('/') == std::string::npos ? 0 : package.rfind('/') + 1);
    std::string name;
    const auto &bin = manifest["bin"];
    if (bin.is_string())
        name = plain;
    else if (bin.is_object() && bin.contains(plain))
        name = plain;
    else if (bin.is_object() && bin.size() == 1)
        name = bin.begin().key();
    if (name.empty())
        return {};
    fs::path exe = root / "node_modules" / ".bin" / name;
    std::error_code ec;
    return fs::exists(exe, ec) ? exe : fs::path();
}

} // namespace

fs::path defaultPluginInstallDir()
{
    if (const char *dir = std::getenv("FLOWDECK_PLUGIN_DIR"); dir && *dir)
        return dir;
    if (const char *xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
        return fs::path(xdg) / "flowdeck" / "plugins";
    const char *home = std::getenv("HOME");
    return fs::path(home && *home ? home : ".") / ".local" / "share" / "flowdeck" / "plugins";
}

NpmInstallPlan npmInstallPlan(const PluginManifest &manifest, const fs::path &dir)
{
    NpmInstallPlan plan;
    const std::string package = npmPackage(manifest), version = npmVersion(manifest);
    if (package.empty() || version.empty())
        return plan;
    plan.package = package + "@" + version;
    plan.target = installRoot(manifest, dir);
    plan.staging = dir / (".staging-" + manifest.id + "@" + version);
    plan.npmArgs = {"install", "--prefix", plan.staging.string(), "--no-audit", "--no-fund", "--no-save",
                    "--loglevel", "http", plan.package};
    return plan;
}

bool finishNpmInstall(const PluginManifest &manifest, const NpmInstallPlan &plan, std::string &error)
{
    if (binaryIn(plan.staging, npmPackage(manifest)).empty()) {
        error = "npm finished, but " + plan.package + " has no program to start in " + plan.staging.string() + ".";
        return false;
    }
    std::error_code ec;
    const fs::path old = plan.target.string() + ".old";
    fs::remove_all(old, ec);
    if (fs::exists(plan.target, ec))
        fs::rename(plan.target, old, ec);
    fs::rename(plan.staging, plan.target, ec);
    if (ec) {
        error = "Could not move the install into " + plan.target.string() + ": " + ec.message();
        if (fs::exists(old))
            fs::rename(old, plan.target, ec);  // the earlier install stays usable
        return false;
    }
    fs::remove_all(old, ec);
    return true;
}

fs::path installedExecutable(const PluginManifest &manifest, const fs::path &dir)
{
    const std::string package = npmPackage(manifest);
    if (package.empty() || npmVersion(manifest).empty())
        return {};
    return binaryIn(installRoot(manifest, dir), package);
}

bool installedLaunch(const PluginManifest &manifest, const fs::path &dir, std::string &command, std::vector<std::string> &args)
{
    const fs::path exe = installedExecutable(manifest, dir);
    if (exe.empty())
        return false;
    // The manifest runs `npx -y <package>@<version> <args...>`: keep what follows the spec.
    const std::string spec = npmPackage(manifest) + "@" + npmVersion(manifest);
    auto at = std::find(manifest.args.begin(), manifest.args.end(), spec);
    command = exe.string();
    args.assign(at == manifest.args.end() ? manifest.args.end() : at + 1, manifest.args.end());
    return true;
}

PluginInstallState pluginInstallState(const PluginManifest &manifest, const fs::path &dir)
{
    if (manifest.command == "flowdeck")
        return PluginInstallState::BuiltIn;
    if (npmPackage(manifest).empty() || npmVersion(manifest).empty())
        return PluginInstallState::External;
    return installedExecutable(manifest, dir).empty() ? PluginInstallState::Missing : PluginInstallState::Installed;
}

std::string flowdeckProgram()
{
    if (const char *given = std::getenv("FLOWDECK_BINARY"); given && *given)
        return given;
    std::error_code ec;
    const fs::path self = fs::read_symlink("/proc/self/exe", ec);
    if (ec)
        return "flowdeck";
    if (self.filename() == "flowdeck")
        return self.string();
    for (const fs::path &candidate : {self.parent_path() / "flowdeck", self.parent_path().parent_path() / "runtime" / "flowdeck"})
        if (fs::is_regular_file(candidate, ec))
            return candidate.string();
    return "flowdeck";
}

} // namespace flowdeck::engine
