#include "engine/templates/modelbinding.h"

#include "engine/core/jsonaccess.h"
#include "engine/model/providerprofile.h"

#include <algorithm>

namespace flowdeck::engine {

const std::vector<std::string> &modelKinds()
{
    static const std::vector<std::string> kinds = {"chat", "reasoning", "tools", "embeddings"};
    return kinds;
}

std::string modelKind(const nlohmann::json &entry)
{
    const std::string kind = valueOr(entry, "kind", std::string("chat"));
    const auto &kinds = modelKinds();
    return std::find(kinds.begin(), kinds.end(), kind) == kinds.end() ? "chat" : kind;
}

std::string boundProfile(const nlohmann::json &entry)
{
    return valueOr(entry, "profile", std::string());
}

std::vector<std::string> unboundModels(const Workflow &workflow)
{
    std::vector<std::string> out;
    if (!workflow.models.is_object())
        return out;
    for (const auto &[alias, entry] : workflow.models.items())
        if (boundProfile(entry).empty())
            out.push_back(alias);
    return out;
}

Diagnostics unboundModelProblems(const Workflow &workflow)
{
    Diagnostics out;
    for (const auto &alias : unboundModels(workflow)) {
        Diagnostic d;
        d.code = "unbound-model";
        d.field = "models." + alias;
        d.message = "Choose a provider for model '" + alias + "' (a " + modelKind(workflow.models[alias]) +
                    " model): in the studio use Workflow → Models…; with the flowdeck program make the project with "
                    "--profile NAME or run it with --profile NAME.";
        d.args = {alias, modelKind(workflow.models[alias])};
        out.push_back(std::move(d));
    }
    return out;
}

nlohmann::json boundModelEntry(const nlohmann::json &entry, const ProviderProfile &profile)
{
    const std::string kind = modelKind(entry);
    nlohmann::json out = entry.is_object() ? entry : nlohmann::json::object();
    out["kind"] = kind;
    out["profile"] = profile.name;
    if (const std::string model = profile.modelFor(kind); !model.empty())
        out["model"] = model;
    else
        out.erase("model");
    return out;
}

int bindModels(Workflow &workflow, const ProviderProfile &profile, bool onlyUnbound)
{
    if (!workflow.models.is_object())
        return 0;
    int changed = 0;
    for (auto &[alias, entry] : workflow.models.items()) {
        if (onlyUnbound && !boundProfile(entry).empty())
            continue;
        nlohmann::json bound = boundModelEntry(entry, profile);
        if (bound != entry) {
            entry = std::move(bound);
            ++changed;
        }
    }
    return changed;
}

std::vector<const ProviderProfile *> profilesInOrder(const ProfileStore &profiles)
{
    std::vector<const ProviderProfile *> out;
    for (const auto &preset : ProfileStore::presets())
        if (const ProviderProfile *p = profiles.find(preset.name))
            out.push_back(p);
    for (const ProviderProfile *p : profiles.all())  // all() is sorted by name
        if (std::find(out.begin(), out.end(), p) == out.end())
            out.push_back(p);
    return out;
}

const ProviderProfile *preferredProfile(const ProfileStore &profiles,
                                        const std::function<bool(const ProviderProfile &)> &hasKey)
{
    for (const ProviderProfile *p : profilesInOrder(profiles))
        if (p->needsKey && !p->apiKeySecret.empty() && hasKey(*p))
            return p;
    return nullptr;
}

} // namespace flowdeck::engine
