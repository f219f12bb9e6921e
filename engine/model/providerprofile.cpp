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
    if (!titleZh.empty())
        j["titleZh"] = titleZh;
    if (!keyUrl.empty())
        j["keyUrl"] = keyUrl;
    if (!kindModels.empty())
        j["models"] = kindModels;
    if (!suggestions.empty())
        j["suggestions"] = suggestions;
    if (!structuredOutput.empty())
        j["structuredOutput"] = structuredOutput;
    return j;
}

std::string ProviderProfile::modelFor(const std::string &kind) const
{
    if (kind.empty() || kind == "chat")
        return defaultModel;
    if (auto it = kindModels.find(kind); it != kindModels.end() && !it->second.empty())
        return it->second;
    return kind == "embeddings" ? std::string() : defaultModel;
}

const std::string &ProviderProfile::titleIn(const std::string &language) const
{
    return language == "zh" && !titleZh.empty() ? titleZh : title;
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
    p.titleZh = j.value("titleZh", p.titleZh);
    p.keyUrl = j.value("keyUrl", p.keyUrl);
    if (j.contains("models") && j["models"].is_object()) {
        p.kindModels.clear();
        for (const auto &[kind, model] : j["models"].items())
            if (model.is_string())
                p.kindModels[kind] = model.get<std::string>();
    }
    if (j.contains("suggestions") && j["suggestions"].is_array()) {
        p.suggestions.clear();
        for (const auto &model : j["suggestions"])
            if (model.is_string())
                p.suggestions.push_back(model.get<std::string>());
    }
    p.structuredOutput = j.value("structuredOutput", p.structuredOutput);
    while (!p.baseUrl.empty() && p.baseUrl.back() == '/')
        p.baseUrl.pop_back();
    return p;
}

namespace {

struct PresetDetails {
    const char *name;
    const char *titleZh;
    const char *keyUrl;
    std::map<std::string, std::string> kindModels;
    std::vector<std::string> suggestions;
};

// Friendly Chinese names, where a user gets a key, and the model per kind of each preset.
const std::vector<PresetDetails> &presetDetails()
{
    static const std::vector<PresetDetails> details = {
        {"maas", "华为云 MaaS", "https://console.huaweicloud.com/modelarts/?#/model-studio/authmanage",
         {{"reasoning", "DeepSeek-R1"}, {"tools", "DeepSeek-V3"}},
         {"DeepSeek-V3", "DeepSeek-R1", "qwen3-235b-a22b", "qwen3-32b"}},
        {"deepseek", "DeepSeek 深度求索", "https://platform.deepseek.com/api_keys",
         {{"reasoning", "deepseek-reasoner"}, {"tools", "deepseek-chat"}}, {"deepseek-chat", "deepseek-reasoner"}},
        {"dashscope", "通义千问 DashScope", "https://bailian.console.aliyun.com/?apiKey=1",
         {{"reasoning", "qwq-plus"}, {"tools", "qwen-plus"}, {"embeddings", "text-embedding-v3"}},
         {"qwen-plus", "qwen-max", "qwen-turbo", "qwq-plus", "text-embedding-v3"}},
        {"qianfan", "文心 Qianfan（百度千帆）", "https://console.bce.baidu.com/iam/#/iam/apikey/list",
         {{"reasoning", "ernie-x1-32k"}, {"tools", "ernie-4.0-turbo-8k"}, {"embeddings", "embedding-v1"}},
         {"ernie-4.0-turbo-8k", "ernie-4.5-turbo-32k", "ernie-x1-32k", "embedding-v1"}},
        {"zhipu", "智谱 GLM", "https://open.bigmodel.cn/usercenter/apikeys",
         {{"reasoning", "glm-z1-flash"}, {"tools", "glm-4-flash"}, {"embeddings", "embedding-3"}},
         {"glm-4-flash", "glm-4-plus", "glm-z1-flash", "embedding-3"}},
        {"moonshot", "Kimi 月之暗面", "https://platform.moonshot.cn/console/api-keys",
         {{"reasoning", "kimi-thinking-preview"}, {"tools", "moonshot-v1-8k"}},
         {"moonshot-v1-8k", "moonshot-v1-32k", "kimi-latest", "kimi-thinking-preview"}},
        {"openai", "OpenAI", "https://platform.openai.com/api-keys",
         {{"reasoning", "o4-mini"}, {"tools", "gpt-4o-mini"}, {"embeddings", "text-embedding-3-small"}},
         {"gpt-4o-mini", "gpt-4o", "o4-mini", "text-embedding-3-small"}},
        {"ollama", "Ollama（本机）", "https://ollama.com/download",
         {{"reasoning", "deepseek-r1"}, {"tools", "llama3.2"}, {"embeddings", "nomic-embed-text"}},
         {"llama3.2", "qwen3", "deepseek-r1", "nomic-embed-text"}},
        {"vllm", "vLLM（本机）", "https://docs.vllm.ai/en/latest/getting_started/quickstart.html", {}, {}},
        {"lmstudio", "LM Studio（本机）", "https://lmstudio.ai/download", {}, {}},
        {"demo", "离线演示（无需密钥）", "", {}, {}},
    };
    return details;
}

std::vector<ProviderProfile> withDetails(std::vector<ProviderProfile> list)
{
    for (auto &p : list)
        for (const auto &d : presetDetails())
            if (p.name == d.name) {
                p.titleZh = d.titleZh;
                p.keyUrl = d.keyUrl;
                p.kindModels = d.kindModels;
                p.suggestions = d.suggestions;
            }
    return list;
}

} // namespace

const std::vector<ProviderProfile> &ProfileStore::presets()
{
    static const std::vector<ProviderProfile> list = withDetails({
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
        // Answered in-process by engine/model/demomodel.h: no server, no key, no network.
        {"demo", "Offline demo (no key)", "demo:", "demo", "", false, {}},
    });
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
