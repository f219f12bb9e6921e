#include "engine/model/structuredoutput.h"

namespace flowdeck::engine {

namespace {

bool contains(const std::string &text, const char *part) { return text.find(part) != std::string::npos; }
bool startsWith(const std::string &text, const char *prefix) { return text.rfind(prefix, 0) == 0; }

// DashScope takes json_schema for the Qwen Max 3, Plus and Flash families only; its
// other models (Turbo, QwQ, Long, open-weight Qwen) take json_object.
bool dashScopeTakesSchema(const std::string &model)
{
    return startsWith(model, "qwen-plus") || startsWith(model, "qwen-flash") || startsWith(model, "qwen3-max") ||
           startsWith(model, "qwen3.5-plus") || startsWith(model, "qwen3.5-flash");
}

} // namespace

const char *structuredOutputName(StructuredOutput mode)
{
    switch (mode) {
    case StructuredOutput::JsonSchema: return "json_schema";
    case StructuredOutput::JsonObject: return "json_object";
    case StructuredOutput::PromptOnly: return "none";
    }
    return "none";
}

StructuredOutput structuredOutputFor(const ProviderProfile &profile, const std::string &model)
{
    for (auto mode : {StructuredOutput::JsonSchema, StructuredOutput::JsonObject, StructuredOutput::PromptOnly})
        if (profile.structuredOutput == structuredOutputName(mode))
            return mode;
    const std::string &name = profile.name;
    const std::string &url = profile.baseUrl;
    if (name == "demo" || startsWith(url, "demo:"))
        return StructuredOutput::JsonSchema;  // the offline demo model fills a json_schema in
    if (name == "openai" || contains(url, "api.openai.com"))
        return StructuredOutput::JsonSchema;
    if (name == "dashscope" || contains(url, "dashscope"))
        return dashScopeTakesSchema(model) ? StructuredOutput::JsonSchema : StructuredOutput::JsonObject;
    // vLLM (guided decoding), Ollama 0.5+ (llama.cpp grammars) and LM Studio take json_schema;
    // LM Studio refuses json_object outright.
    if (name == "vllm" || name == "ollama" || contains(url, ":11434") || name == "lmstudio" || contains(url, ":1234/"))
        return StructuredOutput::JsonSchema;
    // DeepSeek, Zhipu GLM, Moonshot Kimi, Baidu Qianfan and Huawei MaaS document json_object
    // (JSON mode) but no json_schema; so does any other OpenAI-compatible server we cannot name.
    return StructuredOutput::JsonObject;
}

nlohmann::json responseFormatFor(StructuredOutput mode, const nlohmann::json &schema, const std::string &name,
                                 bool strict)
{
    switch (mode) {
    case StructuredOutput::JsonSchema:
        return {{"type", "json_schema"}, {"json_schema", {{"name", name}, {"schema", schema}, {"strict", strict}}}};
    case StructuredOutput::JsonObject:
        return {{"type", "json_object"}};
    case StructuredOutput::PromptOnly:
        break;
    }
    return nullptr;
}

} // namespace flowdeck::engine
