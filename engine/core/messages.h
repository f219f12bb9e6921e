#pragma once

#include "engine/core/diagnostic.h"

#include <string>
#include <string_view>
#include <vector>

namespace flowdeck::engine {

// The engine's user-facing messages in Chinese, keyed by a stable id (a diagnostic's
// code, or an id such as "http.not-found"), with {1}, {2}... for the variable parts. The
// English is the text the engine wrote; the Chinese is used when `language` is Chinese
// ("zh", "zh_CN", ...). No Qt: the studio passes its language, the runtime the browser's.

// `english` in `language`: the catalog's Chinese for `id` filled with `args`, else `english`.
std::string localizedText(std::string_view id, std::string_view language, const std::vector<std::string> &args,
                          const std::string &english);

// The diagnostic's message in `language` (by its code and args).
std::string localizedMessage(const Diagnostic &diagnostic, std::string_view language);

// `text` with "{1}" .. "{9}" replaced by args; a "{n}" without an argument stays as written.
std::string insertArguments(std::string_view text, const std::vector<std::string> &args);

// "zh", "zh_CN", "zh-Hans"...: the languages the catalog is written for.
bool isChineseLanguage(std::string_view language);

// A run error in `language` (engine/core/sentences.cpp): a fixed sentence, or one of the
// model providers' errors with its variable parts kept; "Details: ..." follows as it is.
// The English when the catalog has no translation.
std::string localizedSentence(const std::string &english, std::string_view language);

// Whether the catalog has Chinese for `id`.
bool hasTranslation(std::string_view id);
// The catalog is kept sorted by id (for its binary search); a test checks it.
bool catalogIsSorted();

} // namespace flowdeck::engine
