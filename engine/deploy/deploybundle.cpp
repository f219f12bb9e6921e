#include "engine/deploy/deploybundle.h"
#include "engine/core/jsonaccess.h"
#include "engine/core/jsonread.h"

#include "engine/core/jsonschema.h"
#include "engine/core/secretstore.h"
#include "engine/templates/modelbinding.h"
#include "engine/templates/workflowneeds.h"
#include "engine/mcp/plugincatalog.h"
#include "engine/model/providerprofile.h"
#include "engine/workflow/reference.h"
#include "engine/workflow/workflowfile.h"

#include <algorithm>
#include <set>

namespace flowdeck::engine {

namespace embedded {
extern const char bundle_schema[];
}

namespace {

Diagnostic problem(const std::string &field, const std::string &message)
{
    Diagnostic d;
    d.code = "deploy";
    d.field = field;
    d.message = message;
    return d;
}

std::shared_ptr<const JsonSchema> bundleSchema()
{
    static const auto schema = JsonSchema::compile(nlohmann::json::parse(embedded::bundle_schema));
    return schema;
}

} // namespace

Result<DeployBundle> readDeployBundle(const nlohmann::json &document)
{
    using R = Result<DeployBundle>;
    if (!document.is_object() || !document.contains("format") || document["format"] != "flowdeck.bundle")
        return R::failure(problem("format", "The body is not a deploy bundle: it needs \"format\": \"flowdeck.bundle\"."));
    const auto version = document.find("formatVersion");
    if (version == document.end() || !version->is_number_integer() || version->get<long long>() != DeployBundle::kFormatVersion)
        return R::failure(problem("formatVersion", "This runtime reads bundle format version 1."));
    const auto violations = bundleSchema()->validate(document);
    if (!violations.empty()) {
        Diagnostics problems;
        for (const auto &v : violations)
            problems.push_back(problem(v.path, "The deploy bundle's " + (v.path.empty() ? std::string("top level") : v.path) +
                                                   " is not right: " + v.message));
        return R(problems);
    }
    DeployBundle bundle;
    bundle.workflow = document["workflow"];
    if (auto it = document.find("profiles"); it != document.end())
        bundle.profiles = *it;
    if (auto it = document.find("plugins"); it != document.end())
        bundle.plugins = *it;
    if (auto it = document.find("secrets"); it != document.end())
        for (const auto &[name, value] : it->items())
            bundle.secrets[name] = value.get<std::string>();  // the schema made them text
    if (auto settings = document.find("settings"); settings != document.end()) {
        if (auto it = settings->find("public"); it != settings->end())
            bundle.settings.publicAccess = it->get<bool>();
        if (auto it = settings->find("rateLimitPerMinute"); it != settings->end())
            bundle.settings.rateLimitPerMinute = static_cast<int>(std::min<long long>(it->get<long long>(), 1000000000));
        if (auto it = settings->find("env"); it != settings->end())
            for (const auto &[name, value] : it->items())
                bundle.env[name] = value.get<std::string>();
    }
    if (auto it = document.find("source"); it != document.end())
        bundle.source = *it;  // the schema made it an object of strings (and "time" a whole number)
    if (auto it = document.find("knowledge"); it != document.end())
        bundle.knowledge = *it;  // checked by the schema: sha256 and settings for each
    return R(std::move(bundle));
}

Result<DeployBundle> readDeployBundleText(std::string_view text)
{
    const auto document = engine::parseJson(text);
    if (document.is_discarded())
        return Result<DeployBundle>::failure(problem("", "The deploy bundle is not valid JSON."));
    return readDeployBundle(document);
}

nlohmann::json writeDeployBundle(const DeployBundle &bundle, bool withSecrets)
{
    nlohmann::json settings = {{"public", bundle.settings.publicAccess},
                               {"rateLimitPerMinute", bundle.settings.rateLimitPerMinute}};
    if (!bundle.env.empty())
        settings["env"] = bundle.env;
    nlohmann::json out = {{"format", "flowdeck.bundle"},
                          {"formatVersion", DeployBundle::kFormatVersion},
                          {"workflow", bundle.workflow},
                          {"profiles", bundle.profiles},
                          {"plugins", bundle.plugins},
                          {"settings", settings}};
    if (withSecrets)
        out["secrets"] = bundle.secrets;
    if (!bundle.source.empty())
        out["source"] = bundle.source;
    if (!bundle.knowledge.empty())
        out["knowledge"] = bundle.knowledge;
    return out;
}

Result<nlohmann::json> buildDeployBundle(const Workflow &workflow, const ProfileStore &profiles, const SecretStore &secrets,
                                         const PluginCatalog &catalog, const BundleOptions &options)
{
    Diagnostics problems;
    nlohmann::json profileJson = nlohmann::json::object(), manifests = nlohmann::json::object();
    std::map<std::string, std::string> secretValues;
    std::set<std::string> needed;  // secrets that must have a value
    for (auto &d : unboundModelProblems(workflow))
        problems.push_back(std::move(d));
    for (const auto &[alias, model] : workflow.models.items()) {
        const std::string name = model.is_object() ? engine::valueOr(model, "profile", "") : "";
        if (name.empty())
            continue;  // reported above
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
    // A node's pinned test data is the studio's: the bundle's nodes run for real, and a
    // pin's text neither travels nor asks for a secret.
    Workflow deployed = workflow;
    for (auto &node : deployed.nodes)
        node.pin = nullptr;
    // {{secret.NAME}} anywhere: plugin entries, and node settings rendered at run time (http headers, ...).
    const nlohmann::json document = nlohmann::json::parse(serializeWorkflow(deployed));
    std::vector<std::string> referenced;
    collectSecretReferences(document, referenced);
    needed.insert(referenced.begin(), referenced.end());
    for (const auto &[alias, entry] : workflow.plugins.items()) {
        if (!entry.is_object())
            continue;
        if (!entry.contains("catalog"))
            continue;
        const PluginManifest *m = catalog.find(engine::valueOr(entry, "catalog", ""));
        if (!m) {
            problems.push_back(problem("plugins." + alias, "The plugin catalog has no server '" + engine::valueOr(entry, "catalog", "") + "'."));
            continue;
        }
        manifests[m->id] = m->raw;
        for (const auto &e : m->env)
            if (engine::valueOr(e, "secret", false)) {
                const std::string name = engine::valueOr(e, "name", "");
                if (engine::valueOr(e, "required", false))
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
    DeployBundle bundle;
    bundle.workflow = document;
    bundle.profiles = std::move(profileJson);
    bundle.plugins = std::move(manifests);
    bundle.secrets = std::move(secretValues);
    bundle.settings = options;
    return Result<nlohmann::json>(writeDeployBundle(bundle));
}

} // namespace flowdeck::engine
