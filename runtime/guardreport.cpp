// The figures of `flowdeck guard test`: refusal rate on must-refuse cases, over-refusal on
// must-answer cases, by class, category and language, findings, failing cases.
#include "runtime/guardreport.h"

#include <algorithm>
#include <cstdio>
#include <set>

namespace flowdeck::runtime {

namespace {

std::optional<double> rate(int part, int whole)
{
    if (whole <= 0)
        return std::nullopt;
    return static_cast<double>(part) / whole;
}

nlohmann::json rateJson(std::optional<double> r) { return r ? nlohmann::json(*r) : nlohmann::json(nullptr); }

std::string percent(std::optional<double> r)
{
    if (!r)
        return "-";
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.1f%%", *r * 100.0);
    return buf;
}

std::string fraction(int part, int whole) { return whole ? std::to_string(part) + "/" + std::to_string(whole) : "-"; }

std::string padded(std::string text, std::size_t width)
{
    // Width in characters: a UTF-8 continuation byte adds none.
    std::size_t chars = 0;
    for (unsigned char c : text)
        chars += (c & 0xC0) != 0x80;
    if (chars < width)
        text.append(width - chars, ' ');
    return text;
}

} // namespace

void GuardReport::Tally::add(const BankCase &c, const CaseOutcome &o)
{
    if (o.kind == CaseOutcome::Kind::Error) {
        ++errors;
        return;
    }
    const bool refusedNow = o.kind == CaseOutcome::Kind::Refused;
    if (c.mustRefuse) {
        ++refuse;
        refused += refusedNow;
        refusedByGuard += refusedNow && o.byGuard;
    } else {
        ++answer;
        overRefused += refusedNow;
        overRefusedByGuard += refusedNow && o.byGuard;
    }
}

nlohmann::json GuardReport::Tally::toJson() const
{
    return {{"refusal", {{"cases", refuse}, {"refused", refused}, {"byGuard", refusedByGuard}, {"rate", rateJson(rate(refused, refuse))}}},
            {"overRefusal",
             {{"cases", answer}, {"refused", overRefused}, {"byGuard", overRefusedByGuard}, {"rate", rateJson(rate(overRefused, answer))}}},
            {"errors", errors}};
}

GuardReport::GuardReport(std::vector<BankCase> cases, nlohmann::json target, std::string bankFile)
    : m_cases(std::move(cases)), m_outcomes(m_cases.size()), m_target(std::move(target)), m_bankFile(std::move(bankFile))
{
}

void GuardReport::record(std::size_t index, CaseOutcome outcome)
{
    if (index >= m_outcomes.size() || outcome.kind == CaseOutcome::Kind::Pending)
        return;
    if (m_outcomes[index].kind == CaseOutcome::Kind::Pending)
        ++m_done;
    m_outcomes[index] = std::move(outcome);
}

GuardReport::Tally GuardReport::total() const
{
    Tally t;
    for (std::size_t i = 0; i < m_cases.size(); ++i)
        if (m_outcomes[i].kind != CaseOutcome::Kind::Pending)
            t.add(m_cases[i], m_outcomes[i]);
    return t;
}

std::map<std::string, GuardReport::Tally> GuardReport::tallyBy(std::string BankCase::*field) const
{
    std::map<std::string, Tally> out;
    for (std::size_t i = 0; i < m_cases.size(); ++i)
        if (m_outcomes[i].kind != CaseOutcome::Kind::Pending && !(m_cases[i].*field).empty())
            out[m_cases[i].*field].add(m_cases[i], m_outcomes[i]);
    return out;
}

std::map<std::string, GuardReport::FindingTally> GuardReport::findingsByCategory() const
{
    std::map<std::string, FindingTally> out;
    for (const auto &o : m_outcomes) {
        std::set<std::string> inCase;
        for (const auto &category : o.findings) {
            ++out[category].findings;
            if (inCase.insert(category).second)
                ++out[category].cases;
        }
    }
    return out;
}

std::optional<double> GuardReport::refusalRate() const
{
    const Tally t = total();
    return rate(t.refused, t.refuse);
}

std::optional<double> GuardReport::overRefusalRate() const
{
    const Tally t = total();
    return rate(t.overRefused, t.answer);
}

std::size_t GuardReport::errors() const { return static_cast<std::size_t>(total().errors); }

void GuardReport::setThresholds(std::optional<double> minRefusal, std::optional<double> maxOverRefusal)
{
    m_minRefusal = minRefusal;
    m_maxOverRefusal = maxOverRefusal;
}

bool GuardReport::thresholdsMet() const
{
    const auto refusal = refusalRate(), over = overRefusalRate();
    if (m_minRefusal && (!refusal || *refusal < *m_minRefusal))
        return false;
    if (m_maxOverRefusal && (!over || *over > *m_maxOverRefusal))
        return false;
    return true;
}

nlohmann::json GuardReport::toJson() const
{
    const Tally t = total();
    nlohmann::json out = {{"target", m_target}, {"bank", {{"file", m_bankFile}, {"cases", m_cases.size()}}},
                          {"complete", complete()}, {"ran", m_done}};
    out.update(t.toJson());
    for (auto [key, field] : {std::pair{"byClass", &BankCase::cls}, {"byCategory", &BankCase::category}, {"byLanguage", &BankCase::lang}}) {
        nlohmann::json group = nlohmann::json::object();
        for (const auto &[name, tally] : tallyBy(field))
            group[name] = tally.toJson();
        out[key] = std::move(group);
    }
    nlohmann::json findings = nlohmann::json::object();
    for (const auto &[category, f] : findingsByCategory())
        findings[category] = {{"findings", f.findings}, {"cases", f.cases}};
    out["findings"] = std::move(findings);
    nlohmann::json failures = nlohmann::json::array(), cases = nlohmann::json::array();
    for (std::size_t i = 0; i < m_cases.size(); ++i) {
        const BankCase &c = m_cases[i];
        const CaseOutcome &o = m_outcomes[i];
        if (o.kind == CaseOutcome::Kind::Pending)
            continue;
        const bool refused = o.kind == CaseOutcome::Kind::Refused;
        nlohmann::json row = {{"id", c.id}, {"outcome", o.kind == CaseOutcome::Kind::Error ? "error" : refused ? "refused" : "answered"}};
        if (refused)
            row["by"] = o.byGuard ? "guard" : "answer";
        if (!o.stage.empty())
            row["stage"] = o.stage;
        if (!o.findings.empty()) {
            std::vector<std::string> distinct;
            for (const auto &f : o.findings)
                if (std::find(distinct.begin(), distinct.end(), f) == distinct.end())
                    distinct.push_back(f);
            row["categories"] = distinct;
        }
        if (o.kind == CaseOutcome::Kind::Error)
            row["error"] = o.error;
        cases.push_back(row);
        if (o.kind != CaseOutcome::Kind::Error && refused == c.mustRefuse)
            continue;
        nlohmann::json failure = {{"id", c.id}, {"line", c.line}, {"lang", c.lang}, {"class", c.cls},
                                  {"expect", c.mustRefuse ? "refuse" : "answer"},
                                  {"failure", o.kind == CaseOutcome::Kind::Error ? "error" : c.mustRefuse ? "missed" : "over_refused"}};
        if (!c.category.empty())
            failure["category"] = c.category;
        if (row.contains("by"))
            failure["by"] = row["by"];
        if (o.kind == CaseOutcome::Kind::Error)
            failure["error"] = o.error;
        failures.push_back(std::move(failure));
    }
    out["failures"] = std::move(failures);
    out["cases"] = std::move(cases);
    out["thresholds"] = {{"minRefusal", m_minRefusal ? nlohmann::json(*m_minRefusal) : nlohmann::json(nullptr)},
                         {"maxOverRefusal", m_maxOverRefusal ? nlohmann::json(*m_maxOverRefusal) : nlohmann::json(nullptr)},
                         {"met", thresholdsMet()}};
    return out;
}

void GuardReport::print(std::ostream &out) const
{
    const Tally t = total();
    out << "Safety test of " << m_target.value("name", std::string("?")) << " with " << m_bankFile << ": " << m_done << " of "
        << m_cases.size() << " cases" << (complete() ? "" : " (stopped early: the figures cover the cases run)") << "\n\n";
    out << "Must refuse:  " << padded(fraction(t.refused, t.refuse), 10) << padded(percent(rate(t.refused, t.refuse)), 8)
        << "refused (" << t.refusedByGuard << " by the guard, " << t.refused - t.refusedByGuard << " by the answer)\n";
    out << "Must answer:  " << padded(fraction(t.overRefused, t.answer), 10) << padded(percent(rate(t.overRefused, t.answer)), 8)
        << "over-refused (" << t.overRefusedByGuard << " by the guard, " << t.overRefused - t.overRefusedByGuard
        << " by the answer)\n";
    if (t.errors)
        out << "Errors:       " << t.errors << " case(s) could not be run\n";

    for (auto [title, field] : {std::pair{"By class", &BankCase::cls}, {"By category", &BankCase::category}, {"By language", &BankCase::lang}}) {
        const auto groups = tallyBy(field);
        if (groups.empty())
            continue;
        out << "\n" << padded(title, 30) << padded("refused", 18) << "over-refused\n";
        for (const auto &[name, g] : groups)
            out << "  " << padded(name, 28) << padded(fraction(g.refused, g.refuse), 9) << padded(percent(rate(g.refused, g.refuse)), 9)
                << padded(fraction(g.overRefused, g.answer), 9) << percent(rate(g.overRefused, g.answer)) << "\n";
    }

    if (const auto findings = findingsByCategory(); !findings.empty()) {
        out << "\nFindings by category\n";
        for (const auto &[category, f] : findings)
            out << "  " << padded(category, 28) << f.findings << " in " << f.cases << " case(s)\n";
    }

    bool header = false;
    for (std::size_t i = 0; i < m_cases.size(); ++i) {
        const BankCase &c = m_cases[i];
        const CaseOutcome &o = m_outcomes[i];
        const bool refused = o.kind == CaseOutcome::Kind::Refused;
        if (o.kind == CaseOutcome::Kind::Pending || (o.kind != CaseOutcome::Kind::Error && refused == c.mustRefuse))
            continue;
        if (!header)
            out << "\nFailing cases\n";
        header = true;
        const std::string kind = o.kind == CaseOutcome::Kind::Error ? "error" : c.mustRefuse ? "missed" : "over-refused";
        out << "  " << padded(kind, 14) << c.id << " (line " << c.line << ", " << c.cls
            << (c.category.empty() ? "" : ", " + c.category) << ", " << c.lang << ")";
        if (o.kind == CaseOutcome::Kind::Error)
            out << ": " << o.error;
        else if (refused)
            out << (o.byGuard ? ": blocked by the guard" : ": the answer refused");
        out << "\n";
    }

    if (m_minRefusal || m_maxOverRefusal) {
        out << "\nThresholds:";
        if (m_minRefusal)
            out << " refusal " << percent(rate(t.refused, t.refuse)) << " (at least " << percent(m_minRefusal) << ")";
        if (m_maxOverRefusal)
            out << (m_minRefusal ? ";" : "") << " over-refusal " << percent(rate(t.overRefused, t.answer)) << " (at most "
                << percent(m_maxOverRefusal) << ")";
        out << (thresholdsMet() ? ": met\n" : ": MISSED\n");
    }
}

std::string describeOutcome(const BankCase &c, const CaseOutcome &o)
{
    switch (o.kind) {
    case CaseOutcome::Kind::Error: return "error: " + o.error;
    case CaseOutcome::Kind::Refused:
        return std::string(c.mustRefuse ? "refused" : "OVER-REFUSED") + (o.byGuard ? " (guard)" : " (answer)");
    case CaseOutcome::Kind::Answered: return c.mustRefuse ? "MISSED (answered)" : "answered";
    case CaseOutcome::Kind::Pending: break;
    }
    return "pending";
}

} // namespace flowdeck::runtime
