#pragma once

#include "engine/guard/guardfinding.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace flowdeck::engine {

// The personal information the guard finds in text (category "personal_information"),
// each confirmed beyond its shape: checksums for ID numbers, bank cards and credit codes,
// real dates of birth, address syntax for IPs. Number formats are those of mainland China.
enum class PiiType : std::uint8_t { IdCard, Mobile, BankCard, CreditCode, Passport, Email, Ip };

// "id_card", "mobile", "bank_card", "credit_code", "passport", "email", "ip", in that order.
const std::vector<std::string> &piiTypeNames();
bool piiTypeFrom(std::string_view name, PiiType &type);
inline std::uint32_t piiBit(PiiType type) { return 1u << static_cast<unsigned>(type); }
inline constexpr std::uint32_t kAllPiiTypes = 0x7F;

// Appends a finding (check "pii", type the PII type, no label) for each item of the types in `types`.
void findPii(std::string_view text, std::uint32_t types, GuardFindings &out);

// The checks behind the findings, for tests.
bool isValidIdNumber(std::string_view id);         // 18 characters: region, real birth date, GB 11643 check digit
bool passesLuhn(std::string_view digits);
bool isValidCreditCode(std::string_view code);    // 18 characters, GB 32100 check character

} // namespace flowdeck::engine
