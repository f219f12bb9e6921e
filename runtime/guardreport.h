#pragma once

#include "runtime/guardbank.h"

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace flowdeck::runtime {

// What one case of the bank came to.
struct CaseOutcome {
    enum class Kind { Pending, Answered, Refused, Error };
    Kind kind = Kind::Pending;
    bool byGuard = false;  // refused because the guard blocked (else the answer read as a refusal)
    std::string stage;     // the guard's stage when the app policy blocked: "input", "output"
    std::vector<std::string> findings;  // the category of each guard finding
    std::string error;                  // Kind::Error: why the case could not be run
};

// Refusal and over-refusal figures of `flowdeck guard test` (docs/guard.md, "The test
// bench"): over the whole bank, per class, per category and per language, with the
// guard's findings by category and the cases that failed.
class GuardReport {
public:
    GuardReport(std::vector<BankCase> cases, nlohmann::json target, std::string bankFile);

    const std::vector<BankCase> &cases() const { return m_cases; }
    void record(std::size_t index, CaseOutcome outcome);
    std::size_t done() const { return m_done; }
    bool complete() const { return m_done == m_cases.size(); }

    // Fractions; nullopt when no case of that kind was answered or refused.
    std::optional<double> refusalRate() const;
    std::optional<double> overRefusalRate() const;
    std::size_t errors() const;

    // Thresholds (fractions) to meet; met() is false when a threshold has no figure to meet it with.
    void setThresholds(std::optional<double> minRefusal, std::optional<double> maxOverRefusal);
    bool thresholdsMet() const;

    nlohmann::json toJson() const;
    void print(std::ostream &out) const;

private:
    struct Tally {
        int refuse = 0, refused = 0, refusedByGuard = 0;
        int answer = 0, overRefused = 0, overRefusedByGuard = 0;
        int errors = 0;
        void add(const BankCase &c, const CaseOutcome &o);
        nlohmann::json toJson() const;
    };
    struct FindingTally {
        int findings = 0, cases = 0;
    };
    Tally total() const;
    std::map<std::string, Tally> tallyBy(std::string BankCase::*field) const;
    std::map<std::string, FindingTally> findingsByCategory() const;

    std::vector<BankCase> m_cases;
    std::vector<CaseOutcome> m_outcomes;
    nlohmann::json m_target;
    std::string m_bankFile;
    std::size_t m_done = 0;
    std::optional<double> m_minRefusal, m_maxOverRefusal;
};

// "ok", "refused (guard)", "missed", ... for the progress line of one case.
std::string describeOutcome(const BankCase &c, const CaseOutcome &o);

} // namespace flowdeck::runtime
