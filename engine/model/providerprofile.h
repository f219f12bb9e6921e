#pragma once

#include "engine/core/result.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace flowdeck::engine {

class SecretStore;

// Where a model lives: settings, never workflow content (DESIGN.md §4).
struct ProviderProfile {
    std::string name;          // "deepseek"
    std::string title;         // "DeepSeek"
    std::string baseUrl;       // up to and including /v1 (or the provider's equivalent)
    std::string defaultModel;
    std::string apiKeySecret;  // the secret (or environment variable) holding the key
    bool needsKey = true;      // local servers (Ollama, vLLM) do not
    nlohmann::json headers = nlohmann::json::object();
    // After `headers`, so that the presets' short initialisers stay valid.
    std::string titleZh;  // "华为云 MaaS"; empty: the title
    std::string keyUrl;   // the page where a user gets a key (or the server), for "where to get a key"
    std::map<std::string, std::string> kindModels;  // "reasoning", "tools", "embeddings" -> model id
    std::vector<std::string> suggestions;           // model ids offered in pickers
    // How the provider takes structured output: "json_schema", "json_object" or "none"; empty:
    // known from the provider and model (engine/model/structuredoutput.h). For a user's own server.
    std::string structuredOutput;

    // The model this provider uses for a kind of model ("chat", "reasoning", "tools",
    // "embeddings"): chat is defaultModel; the others their own default, else
    // defaultModel (empty for embeddings the provider has none of).
    std::string modelFor(const std::string &kind) const;
    // The title in a language ("en" or "zh").
    const std::string &titleIn(const std::string &language) const;

    nlohmann::json toJson() const;  // never includes a key
    static ProviderProfile fromJson(const std::string &name, const nlohmann::json &j, const ProviderProfile *base);
};

// The built-in presets and the user's own profiles (profiles.json in the config folder).
class ProfileStore {
public:
    ProfileStore();  // presets only
    static const std::vector<ProviderProfile> &presets();

    // Adds or overrides profiles from a profiles.json ({"profiles": {name: {...}}}).
    Diagnostics loadFile(const std::filesystem::path &path);
    void add(ProviderProfile profile);
    const ProviderProfile *find(const std::string &name) const;
    std::vector<const ProviderProfile *> all() const;

    // The profile with its API key, or a clear error naming what is missing.
    struct Resolved {
        ProviderProfile profile;
        std::string apiKey;
    };
    Result<Resolved> resolve(const std::string &name, const SecretStore &secrets) const;

private:
    std::map<std::string, ProviderProfile> m_profiles;
};

// The folder holding profiles.json and secrets.json: $FLOWDECK_CONFIG_DIR, else
// $XDG_CONFIG_HOME/flowdeck, else ~/.config/flowdeck.
std::filesystem::path defaultConfigDir();

} // namespace flowdeck::engine
