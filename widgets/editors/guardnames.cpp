#include "widgets/editors/guardnames.h"

#include "engine/core/jsonaccess.h"
#include "engine/guard/guardtaxonomy.h"
#include "widgets/document/localized.h"

#include <QCoreApplication>
#include <QStringList>

#include <map>

namespace flowdeck::studio {

namespace {

// The texts of this file, translated under one context.
class Text {
    Q_DECLARE_TR_FUNCTIONS(GuardNames)
};

QString fromStd(const std::string &text) { return QString::fromStdString(text); }

// Between the items of a list in a sentence: ", " in English, "、" in Chinese.
QString separator() { return Text::tr(", ", "between the items of a list"); }

// A category's name inside a sentence: "personal information", but "IP address" stays.
QString inSentence(QString title)
{
    if (title.size() > 1 && title[0].isUpper() && title[1].isLower())
        title[0] = title[0].toLower();
    return title;
}

// A name from a table of untranslated texts, translated; the key itself when the table has none.
QString lookUp(const std::map<std::string, const char *> &titles, const std::string &key)
{
    const auto it = titles.find(key);
    return it == titles.end() ? fromStd(key) : QCoreApplication::translate("GuardNames", it->second);
}

} // namespace

QString guardCategoryTitle(const std::string &category)
{
    const engine::GuardCategory *c = engine::findGuardCategory(category);
    if (!c)
        return fromStd(category);
    return fromStd(studioSpeaksChinese() && !c->nameZh.empty() ? c->nameZh : c->name);
}

QString guardCategoryTip(const std::string &category)
{
    const engine::GuardCategory *c = engine::findGuardCategory(category);
    if (!c || c->gbt.empty())
        return Text::tr("A security category of its own (no GB/T 45654-2025 risk type)");
    QStringList types;
    for (const auto &code : c->gbt)
        for (const auto &t : engine::gbtRiskTypes())
            if (t.code == code)
                types << QStringLiteral("%1 %2").arg(fromStd(t.code), fromStd(studioSpeaksChinese() ? t.nameZh : t.name));
    return Text::tr("GB/T 45654-2025: %1").arg(types.join(separator()));
}

QColor guardCategoryColour(const std::string &category)
{
    if (category == "personal_information" || category == "privacy" || category == "portrait_rights")
        return QColor(0xf0, 0x9a, 0x2a);  // orange
    if (category == "credential" || category == "trade_secret")
        return QColor(0xe0, 0x4f, 0x4f);  // red
    if (category == "prompt_injection" || category == "jailbreak")
        return QColor(0xa0, 0x62, 0xe0);  // purple
    if (category == "disallowed_url")
        return QColor(0x3f, 0x8f, 0xe8);  // blue
    if (category == "custom")
        return QColor(0xe3, 0xc2, 0x2e);  // yellow
    if (category == "check_unavailable")
        return QColor(0x8a, 0x90, 0x98);  // grey
    return QColor(0xe0, 0x5a, 0x8a);      // content risks: pink
}

QString guardCheckTitle(const std::string &check)
{
    static const std::map<std::string, const char *> titles = {
        {"pii", QT_TRANSLATE_NOOP("GuardNames", "personal information check")},
        {"secret", QT_TRANSLATE_NOOP("GuardNames", "secrets check")},
        {"keyword", QT_TRANSLATE_NOOP("GuardNames", "keyword list")},
        {"injection", QT_TRANSLATE_NOOP("GuardNames", "injection check")},
        {"url", QT_TRANSLATE_NOOP("GuardNames", "link allow-list")},
        {"moderation", QT_TRANSLATE_NOOP("GuardNames", "moderation endpoint")},
        {"guard_model", QT_TRANSLATE_NOOP("GuardNames", "guard model")},
        {"judge", QT_TRANSLATE_NOOP("GuardNames", "model judge")}};
    return lookUp(titles, check);
}

const std::vector<std::string> &guardPiiTypes()
{
    static const std::vector<std::string> types = {"id_card", "mobile", "bank_card", "credit_code", "passport", "email", "ip"};
    return types;
}

QString guardPiiTypeTitle(const std::string &type)
{
    static const std::map<std::string, const char *> titles = {
        {"id_card", QT_TRANSLATE_NOOP("GuardNames", "ID card")},
        {"mobile", QT_TRANSLATE_NOOP("GuardNames", "mobile number")},
        {"bank_card", QT_TRANSLATE_NOOP("GuardNames", "bank card")},
        {"credit_code", QT_TRANSLATE_NOOP("GuardNames", "unified social credit code")},
        {"passport", QT_TRANSLATE_NOOP("GuardNames", "passport")},
        {"email", QT_TRANSLATE_NOOP("GuardNames", "e-mail address")},
        {"ip", QT_TRANSLATE_NOOP("GuardNames", "IP address")}};
    return lookUp(titles, type);
}

QString guardFindingDetail(const engine::GuardFinding &finding)
{
    if (finding.check == "pii")
        return guardPiiTypeTitle(finding.type);
    if (finding.check == "keyword" && !finding.label.empty())
        return Text::tr("“%1”", "a term of a keyword list").arg(fromStd(finding.label));
    if (finding.check == "secret" && finding.label.empty())
        return Text::tr("API key or token");
    QString detail = fromStd(finding.label.empty() ? finding.type : finding.label);
    if (finding.score < 1.0 && finding.score > 0.0)
        detail = Text::tr("%1, score %2").arg(detail, QString::number(finding.score, 'f', 2));
    return detail;
}

QString guardFindingTitle(const engine::GuardFinding &finding, bool withCheck)
{
    const QString detail = guardFindingDetail(finding);
    QString title = detail.isEmpty() ? guardCategoryTitle(finding.category)
                                     : Text::tr("%1 (%2)").arg(guardCategoryTitle(finding.category), detail);
    if (withCheck)
        title = Text::tr("%1 — %2").arg(title, guardCheckTitle(finding.check));
    return title;
}

QString guardFindingsSummary(const engine::GuardFindings &findings)
{
    QStringList parts;
    for (const auto &category : engine::findingCategories(findings)) {
        QStringList details;
        for (const auto &f : findings) {
            const QString detail = f.category == category ? guardFindingDetail(f) : QString();
            if (!detail.isEmpty() && !details.contains(detail))
                details << detail;
        }
        const QString title = inSentence(guardCategoryTitle(category));
        parts << (details.isEmpty() ? title : Text::tr("%1 (%2)").arg(title, details.join(separator())));
    }
    return parts.join(Text::tr("; ", "between the categories of a list"));
}

QString guardEventLine(const nlohmann::json &data)
{
    engine::GuardFindings findings;
    for (const auto &f : engine::valueOr(data, "findings", nlohmann::json::array()))
        findings.push_back(engine::GuardFinding::fromJson(f));
    QString summary = guardFindingsSummary(findings);
    if (summary.isEmpty()) {  // only the categories came
        QStringList names;
        for (const auto &c : engine::valueOr(data, "categories", nlohmann::json::array()))
            if (c.is_string())
                names << inSentence(guardCategoryTitle(c.get<std::string>()));
        summary = names.join(Text::tr("; ", "between the categories of a list"));
    }
    const bool output = engine::valueOr(data, "stage", "") == "output";
    const std::string action = engine::valueOr(data, "action", "");
    const QString field = fromStd(engine::valueOr(data, "field", ""));
    // The question of a chat and the answer are the stage's own text; other fields are named.
    const bool named = !field.isEmpty() && field != (output ? QLatin1String("answer") : QLatin1String("query"));
    QString line;
    if (action == "blocked")
        line = output ? (named ? Text::tr("Output “%1” blocked: %2") : Text::tr("Output blocked: %1"))
                      : (named ? Text::tr("Input “%1” blocked: %2") : Text::tr("Input blocked: %1"));
    else if (action == "masked")
        line = output ? (named ? Text::tr("Output “%1” masked: %2") : Text::tr("Output masked: %1"))
                      : (named ? Text::tr("Input “%1” masked: %2") : Text::tr("Input masked: %1"));
    else
        line = output ? (named ? Text::tr("Output “%1” flagged: %2") : Text::tr("Output flagged: %1"))
                      : (named ? Text::tr("Input “%1” flagged: %2") : Text::tr("Input flagged: %1"));
    return named ? line.arg(field, summary) : line.arg(summary);
}

} // namespace flowdeck::studio
