#pragma once

#include "runtime/serve/diskworker.h"
#include "runtime/serve/liveapp.h"
#include "runtime/serve/secretbox.h"

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>

namespace flowdeck::runtime {

// Now, as ISO 8601 UTC with milliseconds ("2026-11-23T14:05:09.123Z").
std::string nowIso();

// The deployed apps and their state in the data directory:
//   apps/<app>/versions/<n>/bundle.json    the bundle without its secret values
//   apps/<app>/versions/<n>/secrets.sealed the secret values, encrypted (SecretBox)
//   apps/<app>/versions/<n>/source.json    the bundle's "source" (project, version id...), for describe()
//   apps/<app>/versions/<n>/live           written once the version passed its smoke check
//   apps/<app>/current                     the number of the version being served
//   apps/<app>/keys.json                   the app's API keys, hashed
// A deploy writes its version, builds it, smoke-checks it and only then switches
// `current` (an atomic rename) and the app in memory; until then, and after any
// failure or crash, the previous version goes on serving.
class AppStore {
public:
    // Apps run on hosts made from `appHost` (a deployed runtime's run host setup).
    AppStore(boost::asio::io_context &io, engine::RunHostSetup appHost, const SecretBox &box, std::filesystem::path dataDir);
    ~AppStore();

    // Loads the current version of every app; problems go to `log` and that app is left out.
    void loadAll(const std::function<void(const std::string &)> &log);

    struct Outcome {
        unsigned status = 200;       // HTTP status for the admin API
        nlohmann::json body;         // the answer
    };
    using Done = std::function<void(Outcome)>;
    // `modelCall`: the smoke check also makes one short call to each model (PUT ...?modelCheck=1).
    void deploy(const std::string &name, const nlohmann::json &bundle, Done done, bool modelCall = false);
    // Back to `version`, or the one before the current.
    void rollback(const std::string &name, std::optional<int> version, Done done);
    Outcome remove(const std::string &name);

    std::shared_ptr<LiveApp> find(const std::string &name) const;
    // Version `version` of an app: the one served, or a kept one built again (for a paused
    // run that goes on where it began); nullptr when that version is gone.
    std::shared_ptr<LiveApp> version(const std::string &name, int version);
    // Every app's runs keep conversation variables in `conversations` and read files only
    // inside `fileRoots` (LiveApp::setRuntimeServices).
    void setRuntimeServices(std::shared_ptr<engine::ConversationStore> conversations, std::vector<std::string> fileRoots);
    std::vector<std::string> names() const;
    // The app, its live version's "source" and each kept version's ({"version", "deployedAt", "source"}).
    Outcome describe(const std::string &name) const;
    // Where version `version` of an app is kept (its bundle.json: the bundle without secret
    // values); read it off the serving loop. The folder is gone once the version is no
    // longer kept (the newest 10 are).
    std::filesystem::path versionDir(const std::string &name, int version) const
    {
        return versionsDir(name) / std::to_string(version);
    }
    std::filesystem::path versionsDir(const std::string &name) const { return appDir(name) / "versions"; }

    Outcome createKey(const std::string &name, const std::string &label);
    Outcome revokeKey(const std::string &name, const std::string &id);
    Outcome listKeys(const std::string &name) const;
    bool keyAllowed(const std::string &name, const std::string &key) const;
    bool deploying() const { return !m_deploying.empty(); }

    static bool validName(const std::string &name);

private:
    std::filesystem::path appDir(const std::string &name) const { return m_dir / "apps" / name; }
    std::vector<int> versionsOf(const std::string &name) const;
    void activate(const std::string &name, int version, const engine::DeployBundle &bundle, bool fresh, Done done,
                  bool modelCall = false);
    void smokeCheckThenSwitch(const std::string &name, int version, std::shared_ptr<LiveApp> app, bool fresh,
                              const std::filesystem::path &dir, Done done, bool modelCall);
    // A stored version's bundle with its secrets unsealed; nullopt when it cannot be read.
    std::optional<engine::DeployBundle> readVersion(const std::filesystem::path &dir, std::string &why) const;
    nlohmann::json readKeys(const std::string &name) const;
    void loadKeys(const std::string &name);  // the live keys' hashes, from keys.json
    // A kept version's "source" (its source.json, or the bundle's for a version stored before there was one).
    nlohmann::json versionSource(const std::string &name, int version) const;

    boost::asio::io_context &m_io;
    engine::RunHostSetup m_appHost;
    const SecretBox &m_box;
    std::filesystem::path m_dir;
    std::map<std::string, std::shared_ptr<LiveApp>> m_apps;
    std::map<std::pair<std::string, int>, std::weak_ptr<LiveApp>> m_older;  // versions built again, while in use
    std::shared_ptr<engine::ConversationStore> m_conversations;
    std::vector<std::string> m_fileRoots;
    std::map<std::string, std::set<std::string>> m_keyHashes;  // app -> sha256 of live keys
    std::set<std::string> m_deploying;
    mutable std::map<std::pair<std::string, int>, nlohmann::json> m_sources;  // versionSource, read once
    DiskWorker m_disk;  // the versions' files are written off the serving loop
};

} // namespace flowdeck::runtime
