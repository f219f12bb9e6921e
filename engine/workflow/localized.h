#pragma once

#include "engine/workflow/workflow.h"

#include <string>
#include <string_view>

namespace flowdeck::engine {

// A workflow's own translations: optional "i18n": {"zh": {...}} objects on the workflow
// (name, description), on each node (title) and on each input (label, options as an
// array parallel to "options"). Each accessor returns the text for `language` ("zh",
// "zh_CN", "zh-Hans-CN", an Accept-Language header...) and falls back to the English.

// "zh_CN", "zh-Hans", "ZH" -> "zh"; "en-GB" -> "en"; "" -> "".
std::string languageKey(std::string_view language);

// The language Flowdeck speaks ("zh" or "en") that an Accept-Language header prefers;
// "en" when it names neither.
std::string languageFromAcceptLanguage(std::string_view header);

std::string localizedName(const Workflow &workflow, std::string_view language);
std::string localizedDescription(const Workflow &workflow, std::string_view language);
// The node's title in `language`, else its English title, else `fallback` (the node
// type's own name, which the caller knows).
std::string localizedTitle(const NodeSpec &node, std::string_view language, std::string_view fallback = {});
std::string localizedLabel(const InputSpec &input, std::string_view language);
// The select input's options as shown to a person: the translated array when it has one
// entry per option, else the options themselves. The values sent stay the English ones.
nlohmann::json localizedOptions(const InputSpec &input, std::string_view language);

} // namespace flowdeck::engine
