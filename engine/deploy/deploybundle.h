#pragma once

#include "engine/core/result.h"
#include "engine/workflow/workflow.h"

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <string_view>

namespace flowdeck::engine {

class PluginCatalog;
class ProfileStore;
class SecretStore;

struct BundleOptions {
    bool publicAccess = false;   // callable without an API key
    int rateLimitPerMinute = 0;  // 0: none
};

// A deploy bundle, format version 1 (engine/deploy/bundle.schema.json): what a runtime
// needs to serve one version of an app. The one reader and the one writer below are
// used by the runtime, `flowdeck deploy`, the studio and the Kubernetes export.
struct DeployBundle {
    static constexpr int kFormatVersion = 1;
    nlohmann::json workflow = nlohmann::json::object();  // the workflow document
    nlohmann::json profiles = nlohmann::json::object();  // profile name -> profile (no keys)
    nlohmann::json plugins = nlohmann::json::object();   // catalog id -> manifest
    std::map<std::string, std::string> secrets;          // NAME -> value
    BundleOptions settings;
    std::map<std::string, std::string> env;              // {{env.NAME}} values
    // Where it was deployed from ({"project", "path", "host"}), so a deploy from another
    // project can be warned about before it replaces this app; empty when not known. From a
    // project with a version history also "version" (commit id), "message", "time" (seconds).
    nlohmann::json source = nlohmann::json::object();
    // Knowledge bases by name: {"sha256", "bytes", "settings"} (DESIGN.md §9); the packed
    // databases travel apart from the bundle, uploaded by their sha256.
    nlohmann::json knowledge = nlohmann::json::object();
};

// Checks a bundle against its schema and reads it; the diagnostics name the field.
Result<DeployBundle> readDeployBundle(const nlohmann::json &document);
// The same from JSON text ("The deploy bundle is not valid JSON" when it does not parse).
Result<DeployBundle> readDeployBundleText(std::string_view text);
// The bundle as JSON; without `withSecrets`, the "secrets" object is left out (the
// runtime stores secret values sealed, apart from the bundle).
nlohmann::json writeDeployBundle(const DeployBundle &bundle, bool withSecrets = true);

// The deploy bundle for `flowdeck serve` (runtime/serve/liveapp.h): the workflow, the
// provider profiles its models use, the manifests of its catalog plugins, and the secret
// values it needs (API keys, plugin tokens) read from the secret store. A secret that is
// needed but not set is an error naming it, so a deploy never goes out half-configured.
Result<nlohmann::json> buildDeployBundle(const Workflow &workflow, const ProfileStore &profiles, const SecretStore &secrets,
                                         const PluginCatalog &catalog, const BundleOptions &options = {});

} // namespace flowdeck::engine
