#pragma once

#include "engine/guard/guardfinding.h"

#include <string_view>

namespace flowdeck::engine {

// API keys, tokens, private keys and passwords in text (category "credential"): tokens by
// the prefixes their issuers give them (sk-, sk-ant-, ghp_, github_pat_, xoxb-, AKIA, AIza,
// glpat-, hf_, eyJ… JWTs…), and values assigned to names such as api_key, token, password
// or 密码 when they look random enough to be real. Findings: check "secret", type api_key,
// token, private_key, password or secret; the span covers the secret value only and the
// label names the kind of secret, never its text. Thread-safe.
void findSecrets(std::string_view text, GuardFindings &out);

// Whether every pattern compiled (they are constants: a test checks this).
bool secretPatternsCompile();

// Shannon entropy of `text` in bits per character (byte-wise).
double shannonEntropy(std::string_view text);

} // namespace flowdeck::engine
