#include "engine/model/embeddingcapabilities.h"

namespace flowdeck::engine {

namespace {

bool contains(const std::string &text, const char *part) { return text.find(part) != std::string::npos; }

} // namespace

EmbeddingCapabilities embeddingCapabilities(const ProviderProfile &profile, const std::string &model)
{
    EmbeddingCapabilities c;
    const std::string &name = profile.name;
    const std::string &url = profile.baseUrl;
    if (name == "deepseek" || contains(url, "api.deepseek.com") || name == "moonshot" || contains(url, "moonshot.cn")) {
        c.available = false;
        c.note = "Provider '" + profile.titleIn("en") + "' has no embeddings model. Choose another profile for this "
                 "base's embeddings (for example DashScope, Zhipu, OpenAI or a local Ollama), or use keyword search.";
        return c;
    }
    if (name == "demo" || url.rfind("demo:", 0) == 0) {
        c.maxBatch = 256;
        c.dimensions = 256;
        return c;
    }
    if (name == "dashscope" || contains(url, "dashscope")) {
        c.maxBatch = 10;  // DashScope's compatible mode refuses more than 10 inputs per call
        c.maxInputChars = 8000;
        c.dimensions = contains(model, "v1") || contains(model, "v2") ? 1536 : 1024;
        c.acceptsDimensions = contains(model, "v3") || contains(model, "v4");
    } else if (name == "zhipu" || contains(url, "bigmodel.cn")) {
        c.maxBatch = 64;
        c.maxInputChars = 3000;
        c.dimensions = contains(model, "embedding-2") ? 1024 : 2048;
        c.acceptsDimensions = contains(model, "embedding-3");
    } else if (name == "qianfan" || contains(url, "qianfan") || contains(url, "baidubce")) {
        c.maxBatch = 16;
        c.maxInputChars = 384;
        c.dimensions = contains(model, "bge") ? 1024 : 384;
    } else if (name == "openai" || contains(url, "api.openai.com")) {
        c.maxBatch = 512;
        c.maxInputChars = 8000;
        c.dimensions = contains(model, "3-large") ? 3072 : 1536;
        c.acceptsDimensions = contains(model, "embedding-3");
    } else if (name == "ollama" || contains(url, ":11434")) {
        c.maxBatch = 64;
        c.maxInputChars = 2000;
        c.dimensions = contains(model, "nomic") ? 768 : 0;
    } else if (name == "maas" || contains(url, "huaweicloud")) {
        c.maxBatch = 16;
        c.maxInputChars = 4000;
        c.dimensions = contains(model, "bge-m3") ? 1024 : 0;
    } else if (contains(url, "siliconflow")) {
        c.maxBatch = 32;
        c.maxInputChars = 8000;
        c.dimensions = contains(model, "bge-m3") ? 1024 : 0;
    }
    return c;
}

} // namespace flowdeck::engine
