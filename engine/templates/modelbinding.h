#pragma once

#include "engine/core/diagnostic.h"
#include "engine/workflow/workflow.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <vector>

namespace flowdeck::engine {

class ProfileStore;
struct ProviderProfile;

// A workflow's "models" entry: {"kind": "chat"|"reasoning"|"tools"|"embeddings",
// "profile": NAME (absent: not bound yet), "model": ID (absent: the profile's model for
// the kind)}. Templates declare only kinds; a project binds them to a provider.

const std::vector<std::string> &modelKinds();           // chat, reasoning, tools, embeddings
std::string modelKind(const nlohmann::json &entry);     // "chat" when absent or unknown
std::string boundProfile(const nlohmann::json &entry);  // "" when not bound

// The aliases of the models that name no provider yet, in the file's order.
std::vector<std::string> unboundModels(const Workflow &workflow);
// "Choose a provider for model 'default' …": one error per unbound model, for Run,
// Deploy and `flowdeck run`; the validator shows the same sentences as warnings.
Diagnostics unboundModelProblems(const Workflow &workflow);

// `entry` bound to `profile`: its kind kept, "model" set to the profile's model for the
// kind (left out when the profile has none).
nlohmann::json boundModelEntry(const nlohmann::json &entry, const ProviderProfile &profile);
// Binds the workflow's models to `profile` (with `onlyUnbound`, leaves the bound ones
// alone). Returns how many entries changed.
int bindModels(Workflow &workflow, const ProviderProfile &profile, bool onlyUnbound = false);

// The profiles in the order a person chooses from: the presets (Huawei Cloud MaaS
// first), then the user's own profiles by name.
std::vector<const ProviderProfile *> profilesInOrder(const ProfileStore &profiles);
// The provider to bind a new project to: the first profile in that order that needs a
// key and has one (`hasKey` looks in the keychain, secrets file or environment).
// nullptr when the user has no key for any.
const ProviderProfile *preferredProfile(const ProfileStore &profiles,
                                        const std::function<bool(const ProviderProfile &)> &hasKey);

} // namespace flowdeck::engine
