#include "runtime/serve/appstore.h"

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
    nlohmann::json e = {{"message", message}, {"type", type}};
    if (!details.is_null())
        e["details"] = std::move(details);
    return {status, {{"error", e}}};
}

std::optional<int> readVersion(const fs::path &file)
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

AppStore::AppStore(boost::asio::io_context &io, engine::HttpClient &http, const SecretBox &box, fs::path dataDir)
    : m_io(io), m_http(http), m_box(box), m_dir(std::move(dataDir))
{
}

AppStore::~AppStore()
{
    for (auto &[name, app] : m_apps)
        app->close();
}

bool AppStore::validName(const std::string &name)
{
    static const std::regex pattern("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$");
    return std::regex_match(name, pattern) && name.find("..") == std::string::npos;
}

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
        auto version = readVersion(entry.path() / "current");
        if (!version)
            continue;
        const fs::path dir = entry.path() / "versions" / std::to_string(*version);
        auto bundleText = readFile(dir / "bundle.json");
        auto sealed = readFile(dir / "secrets.sealed");
        std::map<std::string, std::string> secrets;
        if (!bundleText || (sealed && !m_box.unseal(*sealed, secrets))) {
            log("The app '" + name + "' (version " + std::to_string(*version) +
                ") cannot be read or its secrets cannot be opened with this key; it is not served.");
            continue;
        }
        auto built = LiveApp::build(m_io, m_http, name, *version, nlohmann::json::parse(*bundleText, nullptr, false), secrets);
        if (!built) {
            log("The app '" + name + "' does not load: " + built.diagnostics()[0].message);
            continue;
        }
        m_apps[name] = built.value();
        loadKeys(name);
        log("Serving '" + name + "' version " + std::to_string(*version) + ".");
    }
}

void AppStore::deploy(const std::string &name, const nlohmann::json &bundleIn, Done done)
{
    if (!validName(name))
        return done(error(400, "The app name '" + name + "' is not valid: use letters, digits, '.', '_' and '-' (at most 64).",
                          "invalid_request"));
    if (m_deploying.count(name))
        return done(error(409, "A deploy of '" + name + "' is already in progress; try again when it has finished.", "conflict"));
    nlohmann::json bundle = bundleIn;
    std::map<std::string, std::string> secrets;
    if (bundle.is_object() && bundle.contains("secrets")) {
        if (!bundle["secrets"].is_object())
            return done(error(400, "\"secrets\" must be an object of names and text values.", "invalid_request"));
        for (const auto &[key, value] : bundle["secrets"].items()) {
            if (!value.is_string())
                return done(error(400, "The secret " + key + " must be text.", "invalid_request"));
            secrets[key] = value.get<std::string>();
        }
        bundle.erase("secrets");  // secret values are kept sealed, apart from the bundle
    }
    const auto versions = versionsOf(name);
    const int version = versions.empty() ? 1 : versions.back() + 1;
    activate(name, version, bundle, secrets, true, std::move(done));
}

void AppStore::activate(const std::string &name, int version, const nlohmann::json &bundle,
                        const std::map<std::string, std::string> &secrets, bool fresh, Done done)
{
    auto built = LiveApp::build(m_io, m_http, name, version, bundle, secrets);
    if (!built)
        return done(error(400, "The bundle for '" + name + "' is not valid: " + built.diagnostics()[0].message,
                          "invalid_bundle", problemsJson(built.diagnostics())));
    const fs::path dir = appDir(name) / "versions" / std::to_string(version);
    if (fresh) {
        std::error_code ec;
        fs::create_directories(dir, ec);
        std::string why;
        if (ec || !writeFileAtomically(dir / "bundle.json", bundle.dump(), why) ||
            !writeFileAtomically(dir / "secrets.sealed", m_box.seal(secrets), why, 0600)) {
            fs::remove_all(dir, ec);
            return done(error(500, "Cannot store the bundle: " + (why.empty() ? ec.message() : why), "storage_error"));
        }
    }
    m_deploying.insert(name);
    auto app = built.value();
    app->smokeCheck([this, name, version, app, fresh, dir, done](engine::Diagnostics problems) {
        m_deploying.erase(name);
        std::error_code ec;
        if (!problems.empty()) {
            app->close();
            if (fresh)
                fs::remove_all(dir, ec);
            auto out = error(422, "The smoke check of '" + name + "' failed, so the version being served was kept: " +
                                      app->redact(problems.front().message),
                             "smoke_check_failed", problemsJson(problems));
            return done(out);
        }
        std::string why;
        if ((fresh && !writeFileAtomically(dir / "live", nowIso() + "\n", why)) ||
            !writeFileAtomically(appDir(name) / "current", std::to_string(version) + "\n", why)) {
            app->close();
            return done(error(500, "Cannot switch to the new version: " + why, "storage_error"));
        }
        // Requests from now on get the new version; runs in progress keep theirs, and the
        // old version's plugin servers stop when the last of them lets it go (~LiveApp).
        m_apps[name] = app;
        loadKeys(name);
        // Old versions beyond those kept for rollback go.
        auto all = versionsOf(name);
        for (std::size_t i = 0; i + kVersionsKept < all.size(); ++i)
            if (all[i] != version)
                fs::remove_all(appDir(name) / "versions" / std::to_string(all[i]), ec);
        done({200, {{"app", name}, {"version", version}, {"status", "live"}, {"smokeCheck", "passed"}}});
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
    auto bundleText = readFile(dir / "bundle.json");
    auto sealed = readFile(dir / "secrets.sealed");
    std::map<std::string, std::string> secrets;
    if (!bundleText || (sealed && !m_box.unseal(*sealed, secrets)))
        return done(error(500, "Version " + std::to_string(target) + " of '" + name + "' cannot be read.", "storage_error"));
    activate(name, target, nlohmann::json::parse(*bundleText, nullptr, false), secrets, false, std::move(done));
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
        versions.push_back({{"version", v}, {"deployedAt", at ? at->substr(0, at->find('\n')) : ""}});
    }
    const auto &wf = app->workflow();
    return {200,
            {{"app", name}, {"version", app->version()}, {"versions", versions}, {"title", wf.name},
             {"description", wf.description}, {"mode", wf.mode}, {"inputSchema", app->inputSchema()},
             {"public", app->settings().publicAccess}, {"rateLimitPerMinute", app->settings().rateLimitPerMinute}}};
}

void AppStore::loadKeys(const std::string &name)
{
    auto &hashes = m_keyHashes[name];
    hashes.clear();
    const nlohmann::json keys = readKeys(name);
    for (const auto &k : keys.value("keys", nlohmann::json::array()))
        if (!k.value("revoked", false))
            hashes.insert(k.value("hash", ""));
}

nlohmann::json AppStore::readKeys(const std::string &name) const
{
    auto text = readFile(appDir(name) / "keys.json");
    auto keys = text ? nlohmann::json::parse(*text, nullptr, false) : nlohmann::json();
    return keys.is_object() ? keys : nlohmann::json{{"keys", nlohmann::json::array()}};
}

AppStore::Outcome AppStore::createKey(const std::string &name, const std::string &label)
{
    if (!find(name))
        return error(404, "There is no app named '" + name + "'.", "not_found");
    nlohmann::json keys = readKeys(name);
    const std::string key = "fd-" + randomToken(24);
    const std::string id = randomToken(6);
    keys["keys"].push_back({{"id", id}, {"label", label}, {"hash", sha256Hex(key)}, {"created", nowIso()}, {"revoked", false}});
    std::string why;
    if (!writeFileAtomically(appDir(name) / "keys.json", keys.dump(2), why, 0600))
        return error(500, "Cannot store the key: " + why, "storage_error");
    m_keyHashes[name].insert(sha256Hex(key));
    return {201, {{"id", id}, {"label", label}, {"key", key},
                  {"note", "This is the only time the key is shown; it is stored hashed."}}};
}

AppStore::Outcome AppStore::revokeKey(const std::string &name, const std::string &id)
{
    if (!find(name))
        return error(404, "There is no app named '" + name + "'.", "not_found");
    nlohmann::json keys = readKeys(name);
    for (auto &k : keys["keys"])
        if (k.value("id", "") == id && !k.value("revoked", false)) {
            k["revoked"] = true;
            k["revokedAt"] = nowIso();
            std::string why;
            if (!writeFileAtomically(appDir(name) / "keys.json", keys.dump(2), why, 0600))
                return error(500, "Cannot store the change: " + why, "storage_error");
            m_keyHashes[name].erase(k.value("hash", ""));
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
