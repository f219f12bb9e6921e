#include "knowledgecorpus.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

namespace flowdeck::bench {

namespace {

// splitmix64: the same corpus on every machine.
class Random {
public:
    explicit Random(std::uint64_t seed) : m_state(seed) {}
    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }
    int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
    int between(int lo, int hi) { return lo + below(hi - lo + 1); }
    double unit() { return static_cast<double>(next() >> 11) / 9007199254740992.0; }

private:
    std::uint64_t m_state;
};

std::uint64_t fnv1a(std::string_view s, std::uint64_t h = 1469598103934665603ull)
{
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

std::vector<std::string> utf8Chars(std::string_view s)
{
    std::vector<std::string> out;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t n = 1;
        while (i + n < s.size() && (static_cast<unsigned char>(s[i + n]) & 0xC0) == 0x80)
            ++n;
        out.emplace_back(s.substr(i, n));
        i += n;
    }
    return out;
}

// Everyday business and IT words, most frequent first (they take the top Zipf ranks).
const char *const kCommonWords[][2] = {
    {"系统", "system"}, {"数据", "data"}, {"用户", "user"}, {"管理", "management"}, {"服务", "service"},
    {"流程", "process"}, {"安全", "security"}, {"配置", "configuration"}, {"文件", "file"}, {"账号", "account"},
    {"客户", "customer"}, {"订单", "order"}, {"网络", "network"}, {"权限", "permission"}, {"报告", "report"},
    {"合同", "contract"}, {"发票", "invoice"}, {"报销", "reimbursement"}, {"审批", "approval"}, {"库存", "inventory"},
    {"采购", "purchasing"}, {"财务", "finance"}, {"员工", "employee"}, {"部门", "department"}, {"会议", "meeting"},
    {"培训", "training"}, {"考勤", "attendance"}, {"请假", "leave"}, {"设备", "equipment"}, {"维护", "maintenance"},
    {"故障", "incident"}, {"日志", "log"}, {"监控", "monitoring"}, {"告警", "alert"}, {"接口", "interface"},
    {"数据库", "database"}, {"服务器", "server"}, {"存储", "storage"}, {"备份", "backups"}, {"恢复", "recovery"},
    {"密码", "password"}, {"认证", "authentication"}, {"加密", "encryption"}, {"证书", "certificate"}, {"域名", "domain"},
    {"部署", "deployment"}, {"测试", "testing"}, {"发布", "rollout"}, {"需求", "requirement"}, {"设计", "design"},
    {"文档", "documentation"}, {"模板", "template"}, {"表单", "form"}, {"字段", "field"}, {"规则", "rule"},
    {"策略", "policy"}, {"指标", "metric"}, {"目标", "goal"}, {"计划", "plan"}, {"任务", "task"},
    {"风险", "risk"}, {"质量", "quality"}, {"成本", "costs"}, {"效率", "efficiency"}, {"价格", "price"},
    {"产品", "product"}, {"市场", "market"}, {"销售", "sales"}, {"渠道", "channel"}, {"品牌", "brand"},
    {"物流", "logistics"}, {"运输", "shipping"}, {"仓储", "warehousing"}, {"配送", "delivery"}, {"退货", "returns"},
    {"质检", "inspection"}, {"生产", "production"}, {"工艺", "craft"}, {"原料", "material"}, {"批次", "batch"},
    {"客服", "support"}, {"投诉", "complaint"}, {"反馈", "feedback"}, {"满意度", "satisfaction"}, {"工单", "ticket"},
    {"知识库", "knowledge"}, {"检索", "retrieval"}, {"模型", "model"}, {"向量", "vector"}, {"索引", "index"},
    {"查询", "query"}, {"缓存", "cache"}, {"队列", "queue"}, {"消息", "message"}, {"通知", "notification"},
    {"邮件", "email"}, {"短信", "sms"}, {"电话", "phone"}, {"地址", "mailing"}, {"区域", "region"},
    {"总部", "headquarters"}, {"分公司", "subsidiary"}, {"办公室", "office"}, {"园区", "campus"}, {"楼层", "floor"},
    {"预约", "booking"}, {"差旅", "travel"}, {"住宿", "lodging"}, {"餐饮", "catering"}, {"交通", "transport"},
    {"补贴", "allowance"}, {"薪资", "salary"}, {"绩效", "performance"}, {"晋升", "promotion"}, {"招聘", "recruiting"},
    {"入职", "onboarding"}, {"离职", "offboarding"}, {"档案", "records"}, {"合规", "compliance"}, {"审计", "audit"},
    {"法务", "legal"}, {"隐私", "privacy"}, {"授权", "authorization"}, {"签字", "signature"}, {"盖章", "stamp"},
    {"付款", "payment"}, {"收款", "receipt"}, {"结算", "settlement"}, {"对账", "reconciliation"}, {"税务", "tax"},
    {"汇率", "exchange"}, {"利润", "profit"}, {"收入", "revenue"}, {"资产", "asset"}, {"折旧", "depreciation"},
    {"项目组", "squad"}, {"里程碑", "milestone"}, {"排期", "schedule"}, {"评审", "review"}, {"验收", "acceptance"},
    {"上线", "launching"}, {"回滚", "rollback"}, {"灰度", "canary"}, {"扩容", "scaling"}, {"限流", "throttling"},
    {"容灾", "failover"}, {"机房", "datacenter"}, {"带宽", "bandwidth"}, {"负载", "load"}, {"节点", "node"},
    {"集群", "cluster"}, {"容器", "container"}, {"镜像", "image"}, {"脚本", "script"}, {"任务流", "workflow"},
};

// Entity kinds: the second half of a planted fact's subject ("... 仓库" / "... warehouse").
const char *const kKinds[][2] = {
    {"项目", "project"}, {"平台", "platform"}, {"仓库", "warehouse"}, {"工厂", "plant"}, {"门店", "store"},
    {"实验室", "lab"}, {"车队", "fleet"}, {"门户", "portal"}, {"分行", "branch"}, {"中心", "hub"},
};

// Attributes a fact states, each with a synonym in both languages (for paraphrased questions)
// and the unit of its value.
struct Attribute {
    const char *zh[2];
    const char *en[2];
    const char *zhUnit;
    const char *enUnit;
};
const Attribute kAttributes[] = {
    {{"预算", "经费"}, {"budget", "funding"}, "万元", "thousand yuan"},
    {{"负责人工号", "主管工号"}, {"owner", "lead"}, "号", "badge"},
    {{"截止日期", "期限"}, {"deadline", "cutoff"}, "号前", "day of the month"},
    {{"存储容量", "容量"}, {"capacity", "volume"}, "TB", "TB"},
    {{"可用性", "可用率"}, {"availability", "uptime"}, "个九", "nines"},
    {{"人员编制", "编制"}, {"headcount", "staffing"}, "人", "people"},
    {{"版本号", "版本"}, {"version", "edition"}, "版", "edition"},
    {{"响应时间", "时延"}, {"latency", "responsiveness"}, "毫秒", "ms"},
    {{"审批人工号", "批准人工号"}, {"approver", "signatory"}, "号", "badge"},
    {{"供应商编号", "厂商编号"}, {"supplier", "vendor"}, "号", "number"},
    {{"保修期", "质保期"}, {"warranty", "guarantee"}, "个月", "months"},
    {{"月度开支", "开支"}, {"expenditure", "spending"}, "万元", "thousand yuan"},
    {{"备份周期", "备份间隔"}, {"snapshot", "checkpoint"}, "小时", "hours"},
    {{"安全等级", "密级"}, {"clearance", "classification"}, "级", "level"},
};

// Characters for made-up Chinese words; none of the template's function words.
const char *const kHanzi =
    "安百邦宝北贝奔本碧标博材采彩灿昌长超朝辰成承诚驰崇初川创春纯慈聪翠达道德登鼎东冬栋端盾帆方芳飞丰锋峰凤福"
    "富刚钢高歌阁耕工功贡谷冠光广桂国海涵寒航豪浩禾合和河恒宏红鸿华桦辉慧惠吉佳嘉坚建剑江金锦劲晶景静久居巨俊骏"
    "凯康柯科可克坤蓝朗乐雷蕾立丽利连莲良亮林霖琳凌灵岭龙隆鲁路禄伦罗马茂美萌盟梦淼敏名明铭墨木牧楠宁农欧帕攀沛鹏"
    "平普齐奇启千强桥勤青清晴庆秋泉然仁荣融瑞润若森山善尚韶绍申深升圣盛石世书舒曙树顺朔思松颂素涛腾天田铁亭通同"
    "彤拓万旺威巍维伟文翁沃西曦溪霞祥翔晓欣新鑫星兴雄秀旭轩雅岩炎彦扬阳耀业怡益逸毅英盈颖永勇优友宇羽雨玉元源远"
    "跃云韵泽展湛章昭哲振征正芝志致智中钟舟洲竹卓子紫宗";
const char *const kSyllables[] = {"ka", "lo", "vi", "ren", "tor", "mi", "sa", "del", "quin", "an", "ex", "po",
                                  "ri", "zen", "mar", "tel", "no", "vu", "bra", "cin", "dor", "fe", "gal", "hu",
                                  "jor", "lek", "mun", "nyx", "or", "pel", "sor", "tam", "ul", "wen", "yor", "zi"};

const char *const kZhTemplates[] = {
    "{0}的{1}需要与{2}保持一致。", "在{0}过程中，{1}会影响{2}。", "我们建议先检查{0}，再调整{1}和{2}。",
    "{0}和{1}是{2}的关键环节。", "如果{0}出现异常，请联系{1}小组处理{2}。", "根据{0}规定，{1}必须在{2}之前完成。",
    "{0}小组每周复核{1}与{2}的情况。", "本节说明{0}、{1}以及{2}之间的关系。", "对于{0}，应当记录{1}并同步给{2}。",
    "{0}变更后，{1}通常需要重新评估{2}。",
};
const char *const kEnTemplates[] = {
    "The {0} of the {1} must match the {2}.", "During {0}, the {1} can affect {2}.",
    "We recommend checking the {0} before adjusting {1} and {2}.", "{0} and {1} are key parts of the {2}.",
    "If the {0} fails, ask the {1} group to handle the {2}.", "Under the {0} policy, {1} must be done before {2}.",
    "The {0} group reviews {1} and {2} every week.", "This section explains how {0}, {1} and {2} relate.",
    "For {0}, record the {1} and share it with {2}.", "After a {0} change, the {1} usually needs a new look at {2}.",
};

std::string fill(std::string pattern, const std::string (&words)[3])
{
    for (int i = 0; i < 3; ++i) {
        const std::string slot = "{" + std::to_string(i) + "}";
        if (auto at = pattern.find(slot); at != std::string::npos)
            pattern.replace(at, slot.size(), words[i]);
    }
    return pattern;
}

std::string capitalized(std::string s)
{
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z')
        s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
}

enum class Language { Chinese, English, Mixed };

struct Fact {
    int entity = 0, kind = 0, attribute = 0;  // concept ids (entity, kind) and kAttributes index
    Language language = Language::Chinese;
    std::string sentence;
};

} // namespace

struct KnowledgeCorpus::Impl {
    struct Concept {
        std::string zh, en;
        float weight = 1;
    };
    Random random;
    std::vector<Concept> concepts;
    std::vector<double> zipf;  // cumulative
    int kindBase = 0, attributeBase = 0, generatedBase = 0;
    int nameBase = 0;  // names of things facts are about: rare, only in facts and their distractors
    std::unordered_map<std::string, int> english, chinese;  // surface form -> concept id
    std::size_t longestChinese = 1;

    explicit Impl(std::uint64_t seed) : random(seed) { buildVocabulary(); }

    void add(std::string zh, std::string en, float weight)
    {
        const int id = static_cast<int>(concepts.size());
        chinese.emplace(zh, id);
        english.emplace(en, id);
        longestChinese = std::max(longestChinese, utf8Chars(zh).size());
        concepts.push_back({std::move(zh), std::move(en), weight});
    }

    static float rarity(int rank) { return 1.0f + static_cast<float>(std::log1p(rank / 10.0)); }

    void buildVocabulary()
    {
        for (const auto &w : kCommonWords)
            add(w[0], w[1], rarity(static_cast<int>(concepts.size())));
        kindBase = static_cast<int>(concepts.size());
        for (const auto &k : kKinds)
            add(k[0], k[1], rarity(300));
        attributeBase = static_cast<int>(concepts.size());
        for (const auto &a : kAttributes) {
            add(a.zh[0], a.en[0], rarity(300));
            chinese.emplace(a.zh[1], static_cast<int>(concepts.size()) - 1);
            longestChinese = std::max(longestChinese, utf8Chars(a.zh[1]).size());
            english.emplace(a.en[1], static_cast<int>(concepts.size()) - 1);
        }
        generatedBase = static_cast<int>(concepts.size());
        const auto hanzi = utf8Chars(kHanzi);
        const int syllables = static_cast<int>(std::size(kSyllables));
        constexpr std::size_t kWords = 3000, kNames = 1500;
        while (concepts.size() < kWords + kNames) {
            if (concepts.size() == kWords)
                nameBase = static_cast<int>(kWords);
            std::string zh = hanzi[random.below(static_cast<int>(hanzi.size()))]
                + hanzi[random.below(static_cast<int>(hanzi.size()))];
            std::string en;
            for (int n = random.between(2, 3); n > 0; --n)
                en += kSyllables[random.below(syllables)];
            if (chinese.count(zh) || english.count(en))
                continue;
            add(zh, en, rarity(static_cast<int>(concepts.size())));
        }
        double sum = 0;
        for (std::size_t r = 0; r < static_cast<std::size_t>(nameBase); ++r)
            zipf.push_back(sum += 1.0 / (r + 1.0));
        for (double &z : zipf)
            z /= sum;
    }

    int zipfConcept()
    {
        const double u = random.unit();
        return static_cast<int>(std::lower_bound(zipf.begin(), zipf.end(), u) - zipf.begin()) % int(zipf.size());
    }
    const std::string &surface(int id, bool chineseForm) const
    {
        return chineseForm ? concepts[id].zh : concepts[id].en;
    }

    std::string factSentence(const Fact &f, int value)
    {
        const Attribute &a = kAttributes[f.attribute - attributeBase];
        if (f.language == Language::English)
            return "The " + std::string(a.en[0]) + " of the " + concepts[f.entity].en + " " + concepts[f.kind].en + " is "
                + std::to_string(value) + " " + a.enUnit + ".";
        return concepts[f.entity].zh + concepts[f.kind].zh + "的" + a.zh[0] + "为" + std::to_string(value) + a.zhUnit
            + "。";
    }

    std::string question(const Fact &f, bool chineseForm, bool paraphrase) const
    {
        const Attribute &a = kAttributes[f.attribute - attributeBase];
        const std::string &entity = surface(f.entity, chineseForm), &kind = surface(f.kind, chineseForm);
        if (chineseForm)
            return paraphrase ? "请问" + kind + entity + "，" + a.zh[1] + "怎么规定？"
                              : entity + kind + "的" + a.zh[0] + "是多少？";
        return paraphrase ? "Which " + std::string(a.en[1]) + " applies to " + entity + " (" + kind + ")?"
                          : "What is the " + std::string(a.en[0]) + " of the " + entity + " " + kind + "?";
    }
};

KnowledgeCorpus::KnowledgeCorpus(std::uint64_t seed) : m_impl(std::make_unique<Impl>(seed)) {}
KnowledgeCorpus::~KnowledgeCorpus() = default;

std::size_t KnowledgeCorpus::vocabularySize() const
{
    return m_impl->chinese.size() + m_impl->english.size();
}

CorpusSummary KnowledgeCorpus::write(const std::filesystem::path &folder, int sections, int queries)
{
    Impl &d = *m_impl;
    Random &rnd = d.random;
    const int conceptCount = static_cast<int>(d.concepts.size());
    CorpusSummary summary;
    std::filesystem::create_directories(folder);

    // Topics: each a name and a few dozen words of its own (mid to rare ranks).
    const int topicCount = std::max(50, sections / 100);
    std::vector<std::vector<int>> topics(topicCount);
    for (auto &t : topics)
        for (int i = 0; i < 30; ++i)
            t.push_back(rnd.between(100, d.nameBase - 1));

    // Facts planted in distinct sections, each (entity, kind, attribute) once; each fact has
    // two distractors elsewhere: the same thing with another attribute (or kind).
    std::unordered_map<int, Fact> factAt, distractorAt;
    std::set<std::tuple<int, int, int>> used;
    std::vector<int> factOrder;
    const int attributeCount = static_cast<int>(std::size(kAttributes));
    while (static_cast<int>(factOrder.size()) < std::min(queries, sections)) {
        Fact f;
        f.entity = rnd.between(d.nameBase, conceptCount - 1);
        f.kind = d.kindBase + rnd.below(static_cast<int>(std::size(kKinds)));
        f.attribute = d.attributeBase + rnd.below(attributeCount);
        const int at = rnd.below(sections);
        if (factAt.count(at) || !used.insert({f.entity, f.kind, f.attribute}).second)
            continue;
        factAt.emplace(at, f);
        factOrder.push_back(at);
        for (int n = 0; n < 2; ++n) {
            Fact other = f;
            (n == 0 ? other.attribute : other.kind) = n == 0 ? d.attributeBase + rnd.below(attributeCount)
                                                             : d.kindBase + rnd.below(static_cast<int>(std::size(kKinds)));
            const int where = rnd.below(sections);
            if (!factAt.count(where) && !distractorAt.count(where) && used.insert({other.entity, other.kind, other.attribute}).second)
                distractorAt.emplace(where, other);
        }
    }

    auto topicWord = [&](const std::vector<int> &topic) {
        return rnd.unit() < 0.65 ? topic[rnd.below(static_cast<int>(topic.size()))] : d.zipfConcept();
    };
    int section = 0;
    for (int file = 0; section < sections; ++file) {
        const auto &topic = topics[rnd.below(topicCount)];
        const bool chineseTitle = rnd.unit() < 0.6;
        const std::string name = chineseTitle ? d.concepts[topic[0]].zh + d.concepts[topic[1]].zh + "手册"
                                              : capitalized(d.concepts[topic[0]].en) + " " + d.concepts[topic[1]].en + " handbook";
        std::string out = "# " + name + "\n\n";
        const int count = std::min(sections - section, rnd.between(150, 350));
        for (int s = 0; s < count; ++s, ++section) {
            const double pick = rnd.unit();
            const Language lang = pick < 0.45 ? Language::Chinese : pick < 0.8 ? Language::English : Language::Mixed;
            const bool zhHeading = lang != Language::English;
            const int a = topicWord(topic), b = topicWord(topic);
            out += (s > 0 && rnd.unit() < 0.2) ? "### " : "## ";
            out += zhHeading ? d.concepts[a].zh + d.concepts[b].zh : capitalized(d.concepts[a].en) + " " + d.concepts[b].en;
            out += "\n\n";
            std::vector<std::string> sentences;
            for (int n = rnd.between(4, 9); n > 0; --n) {
                std::string words[3];
                for (auto &w : words) {
                    const int c = topicWord(topic);
                    w = lang == Language::English || (lang == Language::Mixed && rnd.unit() < 0.3)
                        ? d.concepts[c].en
                        : d.concepts[c].zh;
                }
                if (lang == Language::English)
                    sentences.push_back(capitalized(fill(kEnTemplates[rnd.below(int(std::size(kEnTemplates)))], words)));
                else
                    sentences.push_back(fill(kZhTemplates[rnd.below(int(std::size(kZhTemplates)))], words));
            }
            if (auto o = distractorAt.find(section); o != distractorAt.end()) {
                o->second.language = lang == Language::English ? Language::English : Language::Chinese;
                sentences.insert(sentences.begin() + rnd.below(static_cast<int>(sentences.size()) + 1),
                                 d.factSentence(o->second, rnd.between(3, 9800)));
            }
            if (auto f = factAt.find(section); f != factAt.end()) {
                f->second.language = lang == Language::English ? Language::English : Language::Chinese;
                f->second.sentence = d.factSentence(f->second, rnd.between(3, 9800));
                sentences.insert(sentences.begin() + rnd.below(static_cast<int>(sentences.size()) + 1), f->second.sentence);
            }
            const bool list = rnd.unit() < 0.15;
            for (std::size_t i = 0; i < sentences.size(); ++i) {
                if (list)
                    out += "- " + sentences[i] + "\n";
                else
                    out += sentences[i] + (lang == Language::English ? " " : "");
            }
            out += "\n\n";
        }
        char fileName[64];
        std::snprintf(fileName, sizeof fileName, "%s-%04d.md", chineseTitle ? "shouce" : "handbook", file);
        std::ofstream(folder / fileName, std::ios::binary) << out;
        summary.bytes += out.size();
        ++summary.files;
    }
    summary.sections = section;

    const char *const kinds[] = {"same words", "other language", "paraphrase"};
    for (std::size_t i = 0; i < factOrder.size(); ++i) {
        const Fact &f = factAt.at(factOrder[i]);
        const bool chineseFact = f.language == Language::Chinese;
        const int kind = static_cast<int>(i % 3);
        const bool chineseQuestion = kind == 1 ? !chineseFact : chineseFact;
        summary.queries.push_back({d.question(f, chineseQuestion, kind == 2), f.sentence, kinds[kind]});
    }
    return summary;
}

std::vector<float> KnowledgeCorpus::embed(std::string_view text, int dimensions) const
{
    const Impl &d = *m_impl;
    std::vector<float> v(static_cast<std::size_t>(dimensions), 0.0f);
    // Concepts, and pairs of concepts near each other (a phrase's meaning, in either order).
    std::vector<int> seen;
    auto spread = [&](std::uint64_t feature, float weight, std::uint64_t copies) {
        for (std::uint64_t j = 0; j < copies; ++j) {
            const std::uint64_t h = fnv1a(std::string_view(reinterpret_cast<const char *>(&j), sizeof j), feature);
            v[h % static_cast<std::uint64_t>(dimensions)] += (h >> 63) ? weight : -weight;
        }
    };
    auto addConcept = [&](int id) { seen.push_back(id); };
    std::string word;
    auto flushWord = [&] {
        if (!word.empty())
            if (auto it = d.english.find(word); it != d.english.end())
                addConcept(it->second);
        word.clear();
    };
    for (std::size_t i = 0; i < text.size();) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            if (std::isalnum(c))
                word += static_cast<char>(std::tolower(c));
            else
                flushWord();
            ++i;
            continue;
        }
        flushWord();
        // Longest known Chinese word starting here, else skip one character.
        std::size_t ends[8] = {};
        std::size_t n = 0, at = i;
        while (n < d.longestChinese && n < 8 && at < text.size() && static_cast<unsigned char>(text[at]) >= 0x80) {
            ++at;
            while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80)
                ++at;
            ends[n++] = at;
        }
        std::size_t next = n > 0 ? ends[0] : i + 1;
        for (std::size_t k = n; k-- > 0;) {
            if (auto it = d.chinese.find(std::string(text.substr(i, ends[k] - i))); it != d.chinese.end()) {
                addConcept(it->second);
                next = ends[k];
                break;
            }
        }
        i = next;
    }
    flushWord();
    for (std::size_t i = 0; i < seen.size(); ++i) {
        const float w = d.concepts[seen[i]].weight;
        spread(fnv1a(d.concepts[seen[i]].en), w, 4);
        for (std::size_t j = i + 1; j < std::min(seen.size(), i + 3); ++j) {
            const int a = std::min(seen[i], seen[j]), b = std::max(seen[i], seen[j]);
            if (a != b)
                spread(fnv1a(d.concepts[b].en, fnv1a(d.concepts[a].en + "+")), std::sqrt(w * d.concepts[seen[j]].weight), 2);
        }
    }
    double norm = 0;
    for (float x : v)
        norm += double(x) * x;
    if (norm > 0)
        for (float &x : v)
            x = static_cast<float>(x / std::sqrt(norm));
    return v;
}

} // namespace flowdeck::bench
