#pragma once

#include "engine/core/diagnostic.h"
#include "engine/core/secretstore.h"
#include "engine/model/providerprofile.h"

#include <string>

namespace flowdeck::runtime {

// Profiles and secrets as the command line sees them: presets, then the config
// folder's profiles.json (or --profiles FILE), secrets from the environment and
// secrets.json. Problems are printed as warnings on stderr.
struct CliConfig {
    engine::ProfileStore profiles;
    engine::SecretStore secrets;

    void load(const std::string &profilesFile);
};

void printDiagnostics(const engine::Diagnostics &diagnostics, const std::string &file);

} // namespace flowdeck::runtime
