#pragma once

#include "engine/core/result.h"
#include "engine/workflow/workflow.h"

#include <nlohmann/json.hpp>

namespace flowdeck::engine {

class PluginCatalog;
class ProfileStore;
class SecretStore;

struct BundleOptions {
    bool publicAccess = false;   // callable without an API key
    int rateLimitPerMinute = 0;  // 0: none
};

// The deploy bundle for `flowdeck serve` (runtime/serve/liveapp.h): the workflow, the
// provider profiles its models use, the manifests of its catalog plugins, and the secret
// values it needs (API keys, plugin tokens) read from the secret store. A secret that is
// needed but not set is an error naming it, so a deploy never goes out half-configured.
Result<nlohmann::json> buildDeployBundle(const Workflow &workflow, const ProfileStore &profiles, const SecretStore &secrets,
                                         const PluginCatalog &catalog, const BundleOptions &options = {});

} // namespace flowdeck::engine
