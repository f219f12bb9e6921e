#include "runtime/serve/appstore.h"
#include "engine/core/jsonaccess.h"
#include "engine/core/jsonread.h"

#include "engine/deploy/appname.h"
#include "runtime/serve/errorbody.h"
#include "runtime/serve/liveapp.h"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <regex>

namespace flowdeck::runtime {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kVersionsKept = 10;

nlohmann::json problemsJson(const engine::Diagnostics &problems)
{
    nlohmann::json list = nlohmann::json::array();
    for (const auto &d : problems)
        list.push_back({{"field", d.field}, {"message", d.message}});
    return list;
}

AppStore::Outcome error(unsigned status, const std::string &message, const std::string &type,
                        nlohmann::json details = nullptr)
{
    return {status, errorBody(status, message, type, std::move(details))};
}

std::optional<int> readVersionNumber(const fs::path &file)
{
    auto text = readFile(file);
    if (!text)
        return std::nullopt;
    try {
        return std::stoi(*text);
    } catch (...) {
        return std::nullopt;
    }
}

} // namespace

std::string nowIso()
{
    const auto now = std::chrono::system_clock::now();
    const std::time_t t = std::chrono::system_clock::to_time_t(now);
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", std::gmtime(&t));
    char out[48];
    std::snprintf(out, sizeof out, "%s.%03dZ", text, static_cast<int>(ms));
    return out;
}

AppStore::AppStore(boost::asio::io_context &io, engine::RunHostSetup appHost, const SecretBox &box, fs::path dataDir)
    : m_io(io), m_appHost(std::move(appHost)), m_box(box), m_dir(std::move(dataDir)), m_disk(io)
{
}

AppStore::~AppStore()
{
    for (auto &[name, app] : m_apps)
        app->close();
}

bool AppStore::validName(const std::string &name) { return engine::isValidAppName(name); }

std::vector<int> AppStore::versionsOf(const std::string &name) const
{
    std::vector<int> out;
    std::error_code ec;
    for (const auto &entry : fs::directory_iterator(appDir(name) / "versions", ec)) {
        const std::string n = entry.path().filename().string();
        if (!n.empty() && std::all_of(n.begin(), n.end(), ::isdigit) && fs::exists(entry.path() / "live"))
            out.push_back(std::stoi(n));
    }
    std::sort(out.begin(), out.end());
    return out;
}

void AppStore::loadAll(const std::function<void(const std::string &)> &log)
{
    std::error_code ec;
    fs::create_directories(m_dir / "apps", ec);
    for (const auto &entry : fs::directory_iterator(m_dir / "apps", ec)) {
        const std::string name = entry.path().filename().string();
        if (!validName(name))
            continue;
        // A deploy cut short (the process was killed) leaves a version that never went live.
        for (const auto &v : fs::directory_iterator(entry.path() / "versions", ec))
            if (!fs::exists(v.path() / "live"))
                fs::remove_all(v.path(), ec);
        auto version = readVersionNumber(entry.path() / "current");
        if (!version)
            continue;
        const fs::path dir = entry.path() / "versions" / std::to_string(*version);
        std::string why;
        auto bundle = readVersion(dir, why);
        if (!bundle) {
            log("The app '" + name + "' (version " + std::to_string(*version) + ") is not served: " + why);
            continue;
        }
        auto built = LiveApp::build(m_io, m_appHost, name, *version, *bundle, m_dir / "knowledge",
                                    appDir(name) / "versions" / std::to_string(*version));
        if (!built) {
            log("The app '" + name + "' does not load: " + built.diagnostics()[0].message);
            continue;
        }
        built.value()->setRuntimeServices(m_conversations, m_fileRoots);
        m_apps[name] = built.value();
        loadKeys(name);
        log("Serving '" + name + "' version " + std::to_string(*version) + ".");
    }
}

void AppStore::deploy(const std::string &name, const nlohmann::json &bundleIn, Done done, bool modelCall)
{
    if (!validName(name))
        return done(error(400, "The app name '" + name + "' is not valid: " + engine::appNameRule() + ".",
                          "invalid_request"));
    if (m_deploying.count(name))
        return done(error(409, "A deploy of '" + name + "' is already in progress; try again when it has finished.", "conflict"));
    auto bundle = engine::readDeployBundle(bundleIn);
    if (!bundle)
        return done(error(400, "The bundle for '" + name + "' is not valid: " + bundle.diagnostics()[0].message,
                          "invalid_bundle", problemsJson(bundle.diagnostics())));
    const auto versions = versionsOf(name);
    const int version = versions.empty() ? 1 : versions.back() + 1;
    activate(name, version, bundle.value(), true, std::move(done), modelCall);
}

std::optional<engine::DeployBundle> AppStore::readVersion(const fs::path &dir, std::string &why) const
{
    auto text = readFile(dir / "bundle.json");
    if (!text) {
        why = "its bundle cannot be read.";
        return std::nullopt;
    }
    auto bundle = engine::readDeployBundleText(*text);
    if (!bundle) {
        why = "its bundle is not valid: " + bundle.diagnostics()[0].message;
        return std::nullopt;
    }
    auto sealed = readFile(dir / "secrets.sealed");
    std::map<std::string, std::string> secrets;
    if (sealed && !m_box.unseal(*sealed, secrets)) {
        why = "its secrets cannot be opened with this runtime's key.";
        return std::nullopt;
    }
    bundle.value().secrets = std::move(secrets);
    return std::move(bundle.value());
}

void AppStore::activate(const std::string &name, int version, const engine::DeployBundle &bundle, bool fresh, Done done,
                        bool modelCall)
{
    auto built = LiveApp::build(m_io, m_appHost, name, version, bundle, m_dir / "knowledge",
                                appDir(name) / "versions" / std::to_string(version));
    if (!built)
        return done(error(400, "The bundle for '" + name + "' is not valid: " + built.diagnostics()[0].message,
                          "invalid_bundle", problemsJson(built.diagnostics())));
    const fs::path dir = appDir(name) / "versions" / std::to_string(version);
    m_deploying.insert(name);
    auto app = built.value();
    app->setRuntimeServices(m_conversations, m_fileRoots);
    // The version's files are written (and synced) by the disk worker, off the serving
    // loop; secret values are kept sealed, apart from the bundle.
    std::string bundleText = fresh ? engine::safeDump(engine::writeDeployBundle(bundle, false)) : std::string();
    std::string sourceText = fresh ? engine::safeDump(bundle.source) : std::string();
    std::string sealed = fresh ? m_box.seal(bundle.secrets) : std::string();
    m_disk.run(
        [fresh, dir, bundleText = std::move(bundleText), sourceText = std::move(sourceText),
         sealed = std::move(sealed)]() -> std::string {
            if (!fresh)
                return {};
            std::error_code ec;
            fs::create_directories(dir, ec);
            std::string why;
            if (ec || !writeFileAtomically(dir / "bundle.json", bundleText, why) ||
                !writeFileAtomically(dir / "source.json", sourceText, why) ||
                !writeFileAtomically(dir / "secrets.sealed", sealed, why, 0600)) {
                fs::remove_all(dir, ec);
                return why.empty() ? ec.message() : why;
            }
            return {};
        },
        [this, name, version, app, fresh, dir, done, modelCall](std::string stored) {
            if (!stored.empty()) {
                m_deploying.erase(name);
                app->close();
                return done(error(500, "Cannot store the bundle: " + stored, "storage_error"));
            }
            smokeCheckThenSwitch(name, version, app, fresh, dir, done, modelCall);
        });
}

void AppStore::smokeCheckThenSwitch(const std::string &name, int version, std::shared_ptr<LiveApp> app, bool fresh,
                                    const fs::path &dir, Done done, bool modelCall)
{
    app->smokeCheck(modelCall, [this, name, version, app, fresh, dir, done, modelCall](engine::Diagnostics problems) {
        std::error_code ec;
        if (!problems.empty()) {
            m_deploying.erase(name);
            app->close();
            if (fresh)
                fs::remove_all(dir, ec);
            auto out = error(422, "The smoke check of '" + name + "' failed, so the version being served was kept: " +
                                      app->redact(problems.front().message),
                             "smoke_check_failed", problemsJson(problems));
            return done(out);
        }
        const fs::path current = appDir(name) / "current";
        m_disk.run(
            [fresh, dir, current, version]() -> std::string {
                std::string why;
                if ((fresh && !writeFileAtomically(dir / "live", nowIso() + "\n", why)) ||
                    !writeFileAtomically(current, std::to_string(version) + "\n", why))
                    return why;
                return {};
            },
            [this, name, version, app, done, modelCall](std::string switched) {
                m_deploying.erase(name);
                if (!switched.empty()) {
                    app->close();
                    return done(error(500, "Cannot switch to the new version: " + switched, "storage_error"));
                }
                // Requests from now on get the new version; runs in progress keep theirs, and the
                // old version's plugin servers stop when the last of them lets it go (~LiveApp).
                m_apps[name] = app;
                loadKeys(name);
                // Old versions beyond those kept for rollback go.
                std::error_code ec;
                auto all = versionsOf(name);
                for (std::size_t i = 0; i + kVersionsKept < all.size(); ++i)
                    if (all[i] != version)
                        fs::remove_all(appDir(name) / "versions" / std::to_string(all[i]), ec);
                done({200, {{"app", name}, {"version", version}, {"status", "live"}, {"smokeCheck", "passed"},
                            {"modelCheck", modelCall ? "passed" : "skipped"}}});
            });
    });
}

void AppStore::rollback(const std::string &name, std::optional<int> version, Done done)
{
    auto current = find(name);
    if (!current)
        return done(error(404, "There is no app named '" + name + "'.", "not_found"));
    if (m_deploying.count(name))
        return done(error(409, "A deploy of '" + name + "' is in progress; roll back when it has finished.", "conflict"));
    const auto versions = versionsOf(name);
    int target = 0;
    if (version) {
        target = *version;
    } else {
        for (int v : versions)
            if (v < current->version())
                target = v;
    }
    if (target == 0 || std::find(versions.begin(), versions.end(), target) == versions.end())
        return done(error(404, "'" + name + "' has no version " + (version ? std::to_string(*version) : "before this one") +
                                   " to go back to.",
                          "not_found"));
    const fs::path dir = appDir(name) / "versions" / std::to_string(target);
    std::string why;
    auto bundle = readVersion(dir, why);
    if (!bundle)
        return done(error(500, "Version " + std::to_string(target) + " of '" + name + "' cannot be read: " + why, "storage_error"));
    activate(name, target, *bundle, false, std::move(done));
}

AppStore::Outcome AppStore::remove(const std::string &name)
{
    auto it = m_apps.find(name);
    if (it == m_apps.end())
        return error(404, "There is no app named '" + name + "'.", "not_found");
    if (m_deploying.count(name))
        return error(409, "A deploy of '" + name + "' is in progress; delete it when that has finished.", "conflict");
    m_apps.erase(it);
    m_keyHashes.erase(name);
    std::erase_if(m_sources, [&name](const auto &entry) { return entry.first.first == name; });
    std::error_code ec;
    fs::remove(appDir(name) / "current", ec);  // gone at once, even if the files below take a while
    fs::remove_all(appDir(name), ec);
    return {200, {{"app", name}, {"deleted", true}}};
}

std::shared_ptr<LiveApp> AppStore::find(const std::string &name) const
{
    auto it = m_apps.find(name);
    return it == m_apps.end() ? nullptr : it->second;
}

std::shared_ptr<LiveApp> AppStore::version(const std::string &name, int version)
{
    if (auto current = find(name); current && current->version() == version)
        return current;
    if (auto cached = m_older.find({name, version}); cached != m_older.end())
        if (auto app = cached->second.lock())
            return app;
    const auto kept = versionsOf(name);
    if (!find(name) || std::find(kept.begin(), kept.end(), version) == kept.end())
        return nullptr;
    std::string why;
    const fs::path dir = appDir(name) / "versions" / std::to_string(version);
    auto bundle = readVersion(dir, why);
    if (!bundle)
        return nullptr;
    auto built = LiveApp::build(m_io, m_appHost, name, version, *bundle, m_dir / "knowledge", dir);
    if (!built)
        return nullptr;
    built.value()->setRuntimeServices(m_conversations, m_fileRoots);
    std::erase_if(m_older, [](const auto &entry) { return entry.second.expired(); });
    m_older[{name, version}] = built.value();
    return built.value();
}

void AppStore::setRuntimeServices(std::shared_ptr<engine::ConversationStore> conversations,
                                  std::vector<std::string> fileRoots)
{
    m_conversations = std::move(conversations);
    m_fileRoots = std::move(fileRoots);
    for (auto &[name, app] : m_apps)
        app->setRuntimeServices(m_conversations, m_fileRoots);
}

std::vector<std::string> AppStore::names() const
{
    std::vector<std::string> out;
    for (const auto &[name, app] : m_apps)
        out.push_back(name);
    return out;
}

AppStore::Outcome AppStore::describe(const std::string &name) const
{
    auto app = find(name);
    if (!app)
        return error(404, "There is no app named '" + name + "'.", "not_found");
    nlohmann::json versions = nlohmann::json::array();
    for (int v : versionsOf(name)) {
        auto at = readFile(appDir(name) / "versions" / std::to_string(v) / "live");
        versions.push_back({{"version", v}, {"deployedAt", at ? at->substr(0, at->find('\n')) : ""},
                            {"source", versionSource(name, v)}});
    }
    const auto &wf = app->workflow();
    return {200,
            {{"app", name}, {"version", app->version()}, {"versions", versions}, {"title", wf.name},
             {"description", wf.description}, {"mode", wf.mode}, {"inputSchema", app->inputSchema()},
             {"public", app->settings().publicAccess}, {"rateLimitPerMinute", app->settings().rateLimitPerMinute},
             {"source", app->source()}}};
}

nlohmann::json AppStore::versionSource(const std::string &name, int version) const
{
    const auto key = std::make_pair(name, version);
    if (auto it = m_sources.find(key); it != m_sources.end())
        return it->second;
    const fs::path dir = versionDir(name, version);
    nlohmann::json source;
    if (auto text = readFile(dir / "source.json"))
        source = engine::parseJson(*text);
    else if (auto bundle = readFile(dir / "bundle.json"))  // stored before source.json was written
        source = engine::valueOr<nlohmann::json>(engine::parseJson(*bundle), "source", nlohmann::json::object());
    if (!source.is_object())
        source = nlohmann::json::object();
    m_sources[key] = source;
    return source;
}

void AppStore::loadKeys(const std::string &name)
{
    auto &hashes = m_keyHashes[name];
    hashes.clear();
    const nlohmann::json keys = readKeys(name);
    for (const auto &k : engine::valueOr(keys, "keys", nlohmann::json::array()))
        if (!engine::valueOr(k, "revoked", false))
            hashes.insert(engine::valueOr(k, "hash", ""));
}

nlohmann::json AppStore::readKeys(const std::string &name) const
{
    auto text = readFile(appDir(name) / "keys.json");
    auto keys = text ? engine::parseJson(*text) : nlohmann::json();
    return keys.is_object() ? keys : nlohmann::json{{"keys", nlohmann::json::array()}};
}

AppStore::Outcome AppStore::createKey(const std::string &name, const std::string &label)
{
    if (!find(name))
        return error(404, "There is no app named '" + name + "'.", "not_found");
    nlohmann::json keys = readKeys(name);
    const std::string key = "fd-" + randomToken(24);
    const std::string id = randomToken(6);
    // The first characters are kept in clear so a person can tell their keys apart.
    keys["keys"].push_back({{"id", id}, {"label", label}, {"prefix", key.substr(0, 7)}, {"hash", sha256Hex(key)},
                            {"created", nowIso()}, {"revoked", false}});
    std::string why;
    if (!writeFileAtomically(appDir(name) / "keys.json", keys.dump(2), why, 0600))
        return error(500, "Cannot store the key: " + why, "storage_error");
    m_keyHashes[name].insert(sha256Hex(key));
    return {201, {{"id", id}, {"label", label}, {"prefix", key.substr(0, 7)}, {"key", key},
                  {"note", "This is the only time the key is shown; it is stored hashed."}}};
}

AppStore::Outcome AppStore::revokeKey(const std::string &name, const std::string &id)
{
    if (!find(name))
        return error(404, "There is no app named '" + name + "'.", "not_found");
    nlohmann::json keys = readKeys(name);
    for (auto &k : keys["keys"])
        if (engine::valueOr(k, "id", "") == id && !engine::valueOr(k, "revoked", false)) {
            k["revoked"] = true;
            k["revokedAt"] = nowIso();
            std::string why;
            if (!writeFileAtomically(appDir(name) / "keys.json", keys.dump(2), why, 0600))
                return error(500, "Cannot store the change: " + why, "storage_error");
            m_keyHashes[name].erase(engine::valueOr(k, "hash", ""));
            return {200, {{"id", id}, {"revoked", true}}};
        }
    return error(404, "'" + name + "' has no active key '" + id + "'.", "not_found");
}

AppStore::Outcome AppStore::listKeys(const std::string &name) const
{
    if (!find(name))
        return error(404, "There is no app named '" + name + "'.", "not_found");
    nlohmann::json out = nlohmann::json::array();
    const nlohmann::json keys = readKeys(name);
    for (auto k : keys["keys"]) {
        k.erase("hash");
        out.push_back(k);
    }
    return {200, {{"keys", out}}};
}

bool AppStore::keyAllowed(const std::string &name, const std::string &key) const
{
    auto it = m_keyHashes.find(name);
    return it != m_keyHashes.end() && !key.empty() && it->second.count(sha256Hex(key)) > 0;
}

} // namespace flowdeck::runtime
