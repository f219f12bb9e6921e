#pragma once

#include <string>
#include <vector>

namespace flowdeck::engine {

// One risk category of Flowdeck's guard taxonomy. Every category maps to the risk types
// of GB/T 45654-2025 (Appendix A: A.1.a … A.5.b, 31 in all) it covers and to the OpenAI
// moderation categories that report it; security categories (prompt injection, a link
// off the allow-list) map to no GB/T type of their own.
struct GuardCategory {
    std::string id;       // "personal_information", "prompt_injection", ...
    std::string name;     // English
    std::string nameZh;   // 简体中文
    std::vector<std::string> gbt;     // "A.4.f", ...
    std::vector<std::string> openai;  // "harassment", "self-harm/intent", ...
};

const std::vector<GuardCategory> &guardCategories();
const GuardCategory *findGuardCategory(const std::string &id);
// The taxonomy's category for an OpenAI moderation category ("sexual/minors" -> "sexual").
std::string categoryForOpenAi(const std::string &openaiCategory);
// The 31 GB/T 45654-2025 risk types: code ("A.1.a") and name in Chinese and English.
struct GbtRiskType {
    std::string code;
    std::string name;
    std::string nameZh;
};
const std::vector<GbtRiskType> &gbtRiskTypes();

} // namespace flowdeck::engine
