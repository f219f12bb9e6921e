#pragma once

#include <string>
#include <string_view>

namespace flowdeck::engine {

// The one rule for the name of a deployed app, shared by the runtime, `flowdeck deploy`,
// the studio's Deploy dialog and the Kubernetes export: 1 to 64 letters, digits, '.',
// '_' and '-', beginning with a letter or digit, without "..". The name appears in URLs
// (/v1/apps/{app}/run), as a folder of the runtime's data directory and in manifests.
bool isValidAppName(std::string_view name);

// The rule as a sentence, for error messages.
const char *appNameRule();

// The app's name as part of a Kubernetes object name (RFC 1123 label: lower case,
// '.' and '_' become '-').
std::string kubernetesNameOf(std::string_view app);

} // namespace flowdeck::engine
