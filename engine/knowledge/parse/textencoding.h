#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace flowdeck::engine::docparse {

// Whether `bytes` is well-formed UTF-8 (no overlong forms, surrogates or code points past U+10FFFF).
bool isValidUtf8(std::string_view bytes);

// Text of a plain-text file as UTF-8: a byte order mark is dropped (UTF-16 ones convert
// the text), valid UTF-8 is kept as it is, and anything else is read as GB18030 (which
// includes GBK and GB2312), the encoding of Chinese Excel CSVs and Notepad files.
// Empty optional when the bytes are not text (NUL bytes in 8-bit text, a failed conversion).
std::optional<std::string> decodeText(std::string_view bytes);

// Text converted from `charset` (an ICU converter name) to UTF-8; empty optional on failure.
std::optional<std::string> convertToUtf8(std::string_view bytes, const char *charset);

// Removes spaces and tabs between two CJK characters (OCR puts them between every character).
std::string joinCjkSpacing(std::string_view text);

} // namespace flowdeck::engine::docparse
