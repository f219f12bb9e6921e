#include "engine/model/providerprofile.h"
#include "engine/core/jsonread.h"

#include "engine/core/secretstore.h"

#include <cstdlib>
#include <fstream>

namespace flowdeck::engine {

nlohmann::json ProviderProfile::toJson() const
{
    nlohmann::json j = {{"name", name},         {"title", title},     {"baseUrl", baseUrl},
                        {"defaultModel", defaultModel}, {"apiKeySecret", apiKeySecret}, {"needsKey", needsKey}};
    if (!headers.empty())
        j["headers"] = headers;
    return j;
}

ProviderProfile ProviderProfile::fromJson(const std::string &name, const nlohmann::json &j, const ProviderProfile *base)
{
    ProviderProfile p = base ? *base : ProviderProfile{};
    p.name = name;
    p.title = j.value("title", p.title.empty() ? name : p.title);
    p.baseUrl = j.value("baseUrl", p.baseUrl);
    p.defaultModel = j.value("defaultModel", p.defaultModel);
    p.apiKeySecret = j.value("apiKeySecret", p.apiKeySecret);
    p.needsKey = j.value("needsKey", base ? p.needsKey : !p.apiKeySecret.empty());
    if (j.contains("headers") && j["headers"].is_object())
        p.headers = j["headers"];
    while (!p.baseUrl.empty() && p.baseUrl.back() == '/')
        p.baseUrl.pop_back();
    return p;
}

const std::vector<ProviderProfile> &ProfileStore::presets()
{
    static const std::vector<ProviderProfile> list = {
        {"maas", "Huawei Cloud MaaS", "https://api.modelarts-maas.com/v1", "DeepSeek-V3", "MAAS_API_KEY", true, {}},
        {"deepseek", "DeepSeek", "https://api.deepseek.com/v1", "deepseek-chat", "DEEPSEEK_API_KEY", true, {}},
        {"dashscope", "Alibaba DashScope (Qwen)", "https://dashscope.aliyuncs.com/compatible-mode/v1", "qwen-plus",
         "DASHSCOPE_API_KEY", true, {}},
        {"qianfan", "Baidu Qianfan", "https://qianfan.baidubce.com/v2", "ernie-4.0-turbo-8k", "QIANFAN_API_KEY", true, {}},
        {"zhipu", "Zhipu AI (GLM)", "https://open.bigmodel.cn/api/paas/v4", "glm-4-flash", "ZHIPUAI_API_KEY", true, {}},
        {"moonshot", "Moonshot (Kimi)", "https://api.moonshot.cn/v1", "moonshot-v1-8k", "MOONSHOT_API_KEY", true, {}},
        {"openai", "OpenAI", "https://api.openai.com/v1", "gpt-4o-mini", "OPENAI_API_KEY", true, {}},
        {"ollama", "Ollama (this computer)", "http://127.0.0.1:11434/v1", "llama3.2", "", false, {}},
        {"vllm", "vLLM (this computer)", "http://127.0.0.1:8000/v1", "", "VLLM_API_KEY", false, {}},
        {"lmstudio", "LM Studio (this computer)", "http://127.0.0.1:1234/v1", "", "", false, {}},
    };
    return list;
}

ProfileStore::ProfileStore()
{
    for (const auto &p : presets())
        m_profiles[p.name] = p;
}

Diagnostics ProfileStore::loadFile(const std::filesystem::path &path)
{
    std::ifstream in(path);
    if (!in)
        return {};
    auto j = engine::parseJson(in);
    Diagnostic d;
    d.code = "profiles-file";
    d.field = path.string();
    if (j.is_discarded() || !j.is_object() || !j.value("profiles", nlohmann::json::object()).is_object()) {
        d.message = "The profiles file " + path.string() + " is not valid: it must be {\"profiles\": {NAME: {...}}}.";
        return {d};
    }
    Diagnostics problems;
    const nlohmann::json list = j.value("profiles", nlohmann::json::object());
    for (const auto &[name, value] : list.items()) {
        ProviderProfile p;
        try {
            if (!value.is_object())
                throw std::invalid_argument("it is not an object");
            const ProviderProfile *base = find(value.value("preset", name));
            p = ProviderProfile::fromJson(name, value, base);
        } catch (const std::exception &e) {
            d.message = "The profile '" + name + "' in " + path.string() + " was skipped: a value has the wrong type (" +
                        e.what() + ").";
            problems.push_back(d);
            continue;
        }
        if (p.baseUrl.rfind("http://", 0) != 0 && p.baseUrl.rfind("https://", 0) != 0) {
            d.message = "The profile '" + name + "' needs a baseUrl starting with http:// or https://.";
            problems.push_back(d);
            continue;
        }
        add(std::move(p));
    }
    return problems;
}

void ProfileStore::add(ProviderProfile profile)
{
    std::string name = profile.name;
    m_profiles[name] = std::move(profile);
}

const ProviderProfile *ProfileStore::find(const std::string &name) const
{
    auto it = m_profiles.find(name);
    return it == m_profiles.end() ? nullptr : &it->second;
}

std::vector<const ProviderProfile *> ProfileStore::all() const
{
    std::vector<const ProviderProfile *> out;
    for (const auto &[n, p] : m_profiles)
        out.push_back(&p);
    return out;
}

Result<ProfileStore::Resolved> ProfileStore::resolve(const std::string &name, const SecretStore &secrets) const
{
    Diagnostic d;
    d.code = "profile";
    const ProviderProfile *p = find(name);
    if (!p) {
        std::string known;
        for (const auto &[n, _] : m_profiles)
            known += (known.empty() ? "" : ", ") + n;
        d.message = "There is no model provider profile named '" + name + "'. Known profiles: " + known + ".";
        return Result<Resolved>::failure(d);
    }
    Resolved r{*p, {}};
    if (!p->apiKeySecret.empty())
        r.apiKey = secrets.get(p->apiKeySecret).value_or("");
    if (p->needsKey && r.apiKey.empty()) {
        d.message = "The profile '" + name + "' (" + p->title + ") needs an API key: set the environment variable " +
                    p->apiKeySecret + " or add \"" + p->apiKeySecret + "\" to " +
                    (defaultConfigDir() / "secrets.json").string() + " (mode 0600).";
        return Result<Resolved>::failure(d);
    }
    return Result<Resolved>(std::move(r));
}

std::filesystem::path defaultConfigDir()
{
    if (const char *dir = std::getenv("FLOWDECK_CONFIG_DIR"); dir && *dir)
        return dir;
    if (const char *xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg)
        return std::filesystem::path(xdg) / "flowdeck";
    const char *home = std::getenv("HOME");
    return std::filesystem::path(home && *home ? home : ".") / ".config" / "flowdeck";
}

} // namespace flowdeck::engine
