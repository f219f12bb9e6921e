#include "engine/deploy/deploybundle.h"

#include "engine/core/secretstore.h"
#include "engine/templates/workflowneeds.h"
#include "engine/mcp/plugincatalog.h"
#include "engine/model/providerprofile.h"
#include "engine/workflow/reference.h"
#include "engine/workflow/workflowfile.h"

#include <set>

namespace flowdeck::engine {

namespace {

Diagnostic problem(const std::string &field, const std::string &message)
{
    Diagnostic d;
    d.code = "deploy";
    d.field = field;
    d.message = message;
    return d;
}

} // namespace

Result<nlohmann::json> buildDeployBundle(const Workflow &workflow, const ProfileStore &profiles, const SecretStore &secrets,
                                         const PluginCatalog &catalog, const BundleOptions &options)
{
    Diagnostics problems;
    nlohmann::json profileJson = nlohmann::json::object(), manifests = nlohmann::json::object(),
                   secretValues = nlohmann::json::object();
    std::set<std::string> needed;  // secrets that must have a value
    for (const auto &[alias, model] : workflow.models.items()) {
        const std::string name = model.is_object() ? model.value("profile", "") : "";
        const ProviderProfile *p = profiles.find(name);
        if (!p) {
            problems.push_back(problem("models." + alias, "The model '" + alias + "' uses the profile '" + name +
                                                              "', which is not set up here (see `flowdeck profiles`)."));
            continue;
        }
        profileJson[name] = p->toJson();
        if (p->needsKey && !p->apiKeySecret.empty())
            needed.insert(p->apiKeySecret);
    }
    // {{secret.NAME}} anywhere: plugin entries, and node settings rendered at run time (http headers, ...).
    const nlohmann::json document = nlohmann::json::parse(serializeWorkflow(workflow));
    std::vector<std::string> referenced;
    collectSecretReferences(document, referenced);
    needed.insert(referenced.begin(), referenced.end());
    for (const auto &[alias, entry] : workflow.plugins.items()) {
        if (!entry.is_object())
            continue;
        if (!entry.contains("catalog"))
            continue;
        const PluginManifest *m = catalog.find(entry.value("catalog", ""));
        if (!m) {
            problems.push_back(problem("plugins." + alias, "The plugin catalog has no server '" + entry.value("catalog", "") + "'."));
            continue;
        }
        manifests[m->id] = m->raw;
        for (const auto &e : m->env)
            if (e.value("secret", false)) {
                const std::string name = e.value("name", "");
                if (e.value("required", false))
                    needed.insert(name);
                else if (auto value = secrets.get(name))
                    secretValues[name] = *value;
            }
    }
    for (const auto &name : needed) {
        if (auto value = secrets.get(name))
            secretValues[name] = *value;
        else
            problems.push_back(problem("secrets." + name, "The app needs the secret " + name +
                                                              ", which has no value here: set it in the environment or in "
                                                              "secrets.json (or the studio's keychain) before deploying."));
    }
    if (!problems.empty())
        return Result<nlohmann::json>(problems);
    nlohmann::json bundle = {{"format", "flowdeck.bundle"},
                             {"formatVersion", 1},
                             {"workflow", document},
                             {"profiles", profileJson},
                             {"plugins", manifests},
                             {"secrets", secretValues},
                             {"settings", {{"public", options.publicAccess}, {"rateLimitPerMinute", options.rateLimitPerMinute}}}};
    return Result<nlohmann::json>(std::move(bundle));
}

} // namespace flowdeck::engine
