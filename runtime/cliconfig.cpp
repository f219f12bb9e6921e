#include "runtime/cliconfig.h"

#include <iostream>

namespace flowdeck::runtime {

void CliConfig::load(const std::string &profilesFile)
{
    const auto dir = engine::defaultConfigDir();
    engine::Diagnostics problems = profiles.loadFile(profilesFile.empty() ? dir / "profiles.json" : std::filesystem::path(profilesFile));
    auto more = secrets.loadFile(dir / "secrets.json");
    problems.insert(problems.end(), more.begin(), more.end());
    for (auto &d : problems) {
        d.severity = engine::Diagnostic::Severity::Warning;
        std::cerr << "flowdeck: " << d.toString() << "\n";
    }
}

void printDiagnostics(const engine::Diagnostics &diagnostics, const std::string &file)
{
    for (const auto &d : diagnostics)
        std::cerr << file << ": " << d.toString() << "\n";
}

} // namespace flowdeck::runtime
