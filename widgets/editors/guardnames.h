#pragma once

#include "engine/guard/guardfinding.h"

#include <QColor>
#include <QString>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace flowdeck::studio {

// How the studio names what the guard finds (DESIGN.md §10), in the studio's language:
// the taxonomy's categories, the checks, the PII types, and one finding or a run's
// guard event as a person reads it ("Input blocked: personal information (ID card)").

QString guardCategoryTitle(const std::string &category);  // the taxonomy's name; the id if unknown
QString guardCategoryTip(const std::string &category);    // the GB/T 45654-2025 risk types it covers
// The colour a category's findings are marked with (a text's highlights, a list's dots).
QColor guardCategoryColour(const std::string &category);

QString guardCheckTitle(const std::string &check);  // pii, secret, keyword, injection, url, moderation, ...
// The PII types a guard can look for, in the order the editor lists them.
const std::vector<std::string> &guardPiiTypes();
QString guardPiiTypeTitle(const std::string &type);

// What one finding is: "ID card", "“赌博”" (a list's term), a link's host, a pattern's name.
QString guardFindingDetail(const engine::GuardFinding &finding);
// "personal information (ID card)"; with `withCheck`, the check that found it after.
QString guardFindingTitle(const engine::GuardFinding &finding, bool withCheck = false);
// Findings grouped by category: "personal information (ID card, mobile number); credential (API key)".
QString guardFindingsSummary(const engine::GuardFindings &findings);

// A guard_checked run event's data ({stage, field, action, findings, categories}) in one
// line: "Input blocked: personal information (ID card)".
QString guardEventLine(const nlohmann::json &data);

} // namespace flowdeck::studio
