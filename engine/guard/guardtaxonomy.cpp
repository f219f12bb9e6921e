#include "engine/guard/guardtaxonomy.h"

#include <algorithm>

namespace flowdeck::engine {

const std::vector<GbtRiskType> &gbtRiskTypes()
{
    // GB/T 45654-2025, Appendix A (as TC260-003 before it): the main security risks of training data and generated content.
    static const std::vector<GbtRiskType> types = {
        {"A.1.a", "Inciting subversion of state power or the overthrow of the socialist system", "煽动颠覆国家政权、推翻社会主义制度"},
        {"A.1.b", "Endangering national security and interests, harming the national image", "危害国家安全和利益、损害国家形象"},
        {"A.1.c", "Inciting separatism, undermining national unity and social stability", "煽动分裂国家、破坏国家统一和社会稳定"},
        {"A.1.d", "Promoting terrorism or extremism", "宣扬恐怖主义、极端主义"},
        {"A.1.e", "Promoting ethnic hatred", "宣扬民族仇恨"},
        {"A.1.f", "Promoting violence, obscenity or pornography", "宣扬暴力、淫秽色情"},
        {"A.1.g", "Spreading false and harmful information", "传播虚假有害信息"},
        {"A.1.h", "Other content prohibited by laws and administrative regulations", "其他法律、行政法规禁止的内容"},
        {"A.2.a", "Ethnic discrimination", "民族歧视内容"},
        {"A.2.b", "Discrimination by belief", "信仰歧视内容"},
        {"A.2.c", "Discrimination by nationality", "国别歧视内容"},
        {"A.2.d", "Regional discrimination", "地域歧视内容"},
        {"A.2.e", "Gender discrimination", "性别歧视内容"},
        {"A.2.f", "Age discrimination", "年龄歧视内容"},
        {"A.2.g", "Occupational discrimination", "职业歧视内容"},
        {"A.2.h", "Discrimination by health", "健康歧视内容"},
        {"A.2.i", "Other discrimination", "其他方面歧视内容"},
        {"A.3.a", "Infringing intellectual property rights", "侵犯他人知识产权"},
        {"A.3.b", "Violating business ethics", "违反商业道德"},
        {"A.3.c", "Disclosing trade secrets", "泄露他人商业秘密"},
        {"A.3.d", "Monopoly and unfair competition through algorithms, data or platforms",
         "利用算法、数据、平台等优势，实施垄断和不正当竞争行为"},
        {"A.3.e", "Other commercial violations", "其他商业违法违规行为"},
        {"A.4.a", "Endangering others' physical or mental health", "危害他人身心健康"},
        {"A.4.b", "Infringing portrait rights", "侵害他人肖像权"},
        {"A.4.c", "Infringing reputation rights", "侵害他人名誉权"},
        {"A.4.d", "Infringing honor rights", "侵害他人荣誉权"},
        {"A.4.e", "Infringing privacy rights", "侵害他人隐私权"},
        {"A.4.f", "Infringing personal information rights", "侵害他人个人信息权益"},
        {"A.4.g", "Infringing other legitimate rights and interests", "侵犯他人其他合法权益"},
        {"A.5.a", "Inaccurate content, seriously at odds with scientific common sense or mainstream understanding",
         "内容不准确，严重不符合科学常识或主流认知"},
        {"A.5.b", "Unreliable content that, though without serious errors, cannot help the user",
         "内容不可靠，虽然不包含严重错误的内容，但无法对使用者形成帮助"},
    };
    return types;
}

const std::vector<GuardCategory> &guardCategories()
{
    static const std::vector<GuardCategory> categories = {
        {"subversion", "Subversion of state power", "颠覆国家政权", {"A.1.a"}, {}},
        {"national_security", "National security and image", "危害国家安全", {"A.1.b"}, {}},
        {"separatism", "Separatism", "分裂国家", {"A.1.c"}, {}},
        {"terrorism", "Terrorism and extremism", "恐怖主义与极端主义", {"A.1.d"}, {}},
        {"ethnic_hatred", "Ethnic hatred", "民族仇恨", {"A.1.e"}, {"hate/threatening"}},
        {"violence", "Violence", "暴力", {"A.1.f"}, {"violence", "violence/graphic", "harassment/threatening", "illicit/violent"}},
        {"sexual", "Sexual content", "淫秽色情", {"A.1.f"}, {"sexual", "sexual/minors"}},
        {"false_information", "False and harmful information", "虚假有害信息", {"A.1.g"}, {}},
        {"illegal", "Other unlawful content", "其他违法内容", {"A.1.h"}, {"illicit"}},
        {"discrimination_ethnicity", "Ethnic discrimination", "民族歧视", {"A.2.a"}, {"hate"}},
        {"discrimination_belief", "Discrimination by belief", "信仰歧视", {"A.2.b"}, {"hate"}},
        {"discrimination_nationality", "Discrimination by nationality", "国别歧视", {"A.2.c"}, {"hate"}},
        {"discrimination_region", "Regional discrimination", "地域歧视", {"A.2.d"}, {"hate"}},
        {"discrimination_gender", "Gender discrimination", "性别歧视", {"A.2.e"}, {"hate"}},
        {"discrimination_age", "Age discrimination", "年龄歧视", {"A.2.f"}, {"hate"}},
        {"discrimination_occupation", "Occupational discrimination", "职业歧视", {"A.2.g"}, {"hate"}},
        {"discrimination_health", "Discrimination by health", "健康歧视", {"A.2.h"}, {"hate"}},
        {"discrimination_other", "Other discrimination", "其他歧视", {"A.2.i"}, {"hate"}},
        {"ip_infringement", "Intellectual property infringement", "侵犯知识产权", {"A.3.a"}, {}},
        {"business_ethics", "Business ethics", "违反商业道德", {"A.3.b"}, {}},
        {"trade_secret", "Trade secrets", "泄露商业秘密", {"A.3.c"}, {}},
        {"unfair_competition", "Monopoly and unfair competition", "垄断与不正当竞争", {"A.3.d"}, {}},
        {"commercial_other", "Other commercial violations", "其他商业违法违规", {"A.3.e"}, {}},
        {"physical_mental_harm", "Harm to physical or mental health", "危害身心健康", {"A.4.a"},
         {"self-harm", "self-harm/intent", "self-harm/instructions", "harassment"}},
        {"portrait_rights", "Portrait rights", "侵害肖像权", {"A.4.b"}, {}},
        {"reputation", "Reputation rights", "侵害名誉权", {"A.4.c"}, {}},
        {"honor", "Honor rights", "侵害荣誉权", {"A.4.d"}, {}},
        {"privacy", "Privacy", "侵害隐私权", {"A.4.e"}, {}},
        {"personal_information", "Personal information", "个人信息", {"A.4.f"}, {}},
        {"other_rights", "Other legitimate rights", "侵犯其他合法权益", {"A.4.g"}, {}},
        {"inaccurate", "Inaccurate content", "内容不准确", {"A.5.a"}, {}},
        {"unreliable", "Unreliable content", "内容不可靠", {"A.5.b"}, {}},
        // Security categories: no GB/T type of their own, except a leaked credential (a trade secret).
        {"prompt_injection", "Prompt injection", "提示词注入", {}, {}},
        {"jailbreak", "Jailbreak attempt", "越狱攻击", {}, {}},
        {"credential", "Credentials and secrets", "密钥与凭据", {"A.3.c"}, {}},
        {"disallowed_url", "Link not on the allow-list", "不在许可列表中的链接", {}, {}},
        {"custom", "Custom list", "自定义词表", {}, {}},
        {"check_unavailable", "Check unavailable", "检查不可用", {}, {}},
    };
    return categories;
}

const GuardCategory *findGuardCategory(const std::string &id)
{
    const auto &all = guardCategories();
    const auto it = std::find_if(all.begin(), all.end(), [&](const GuardCategory &c) { return c.id == id; });
    return it == all.end() ? nullptr : &*it;
}

std::string categoryForOpenAi(const std::string &openaiCategory)
{
    // "hate" is listed by every discrimination category; what it reports is discrimination in general.
    if (openaiCategory == "hate")
        return "discrimination_other";
    for (const auto &c : guardCategories())
        if (std::find(c.openai.begin(), c.openai.end(), openaiCategory) != c.openai.end())
            return c.id;
    // A subcategory the table does not know ("sexual/other"): its parent's category.
    if (const auto slash = openaiCategory.find('/'); slash != std::string::npos)
        return categoryForOpenAi(openaiCategory.substr(0, slash));
    return "custom";
}

} // namespace flowdeck::engine
