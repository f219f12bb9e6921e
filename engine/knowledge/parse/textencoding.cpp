#include "engine/knowledge/parse/textencoding.h"

#include <unicode/ucnv.h>

#include <climits>
#include <cstdint>

namespace flowdeck::engine::docparse {

// The length of the UTF-8 sequence at `i`, or 0 when it is malformed; `codePoint` receives it.
static std::size_t utf8Sequence(std::string_view s, std::size_t i, char32_t &codePoint)
{
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char lead = byte(i);
    if (lead < 0x80) {
        codePoint = lead;
        return 1;
    }
    std::size_t length;
    char32_t minimum;
    if ((lead & 0xE0) == 0xC0) {
        length = 2, minimum = 0x80, codePoint = lead & 0x1F;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3, minimum = 0x800, codePoint = lead & 0x0F;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4, minimum = 0x10000, codePoint = lead & 0x07;
    } else {
        return 0;
    }
    if (i + length > s.size())
        return 0;
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80)
            return 0;
        codePoint = (codePoint << 6) | (byte(i + k) & 0x3F);
    }
    if (codePoint < minimum || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF))
        return 0;
    return length;
}

bool isValidUtf8(std::string_view bytes)
{
    char32_t codePoint;
    for (std::size_t i = 0; i < bytes.size();) {
        const std::size_t length = utf8Sequence(bytes, i, codePoint);
        if (length == 0)
            return false;
        i += length;
    }
    return true;
}

std::optional<std::string> convertToUtf8(std::string_view bytes, const char *charset)
{
    if (bytes.empty())
        return std::string();
    if (bytes.size() > std::size_t(INT32_MAX / 4))
        return std::nullopt;
    // Each source byte becomes at most 3 UTF-8 bytes (4 for a 4-byte GB18030 sequence).
    std::string out(bytes.size() * 3 + 4, '\0');
    UErrorCode status = U_ZERO_ERROR;
    const int32_t written = ucnv_convert("UTF-8", charset, out.data(), int32_t(out.size()), bytes.data(),
                                         int32_t(bytes.size()), &status);
    if (U_FAILURE(status))
        return std::nullopt;
    out.resize(std::size_t(written));
    return out;
}

std::optional<std::string> decodeText(std::string_view bytes)
{
    if (bytes.starts_with("\xEF\xBB\xBF"))
        bytes.remove_prefix(3);
    else if (bytes.starts_with("\xFF\xFE"))
        return convertToUtf8(bytes.substr(2), "UTF-16LE");
    else if (bytes.starts_with("\xFE\xFF"))
        return convertToUtf8(bytes.substr(2), "UTF-16BE");
    if (bytes.find('\0') != std::string_view::npos)
        return std::nullopt;  // a binary file under a text name
    if (isValidUtf8(bytes))
        return std::string(bytes);
    return convertToUtf8(bytes, "GB18030");
}

static bool isCjk(char32_t c)
{
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
           (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x20000 && c <= 0x3FFFF);
}

std::string joinCjkSpacing(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    char32_t previous = 0;  // the last character written, 0 after anything that is not CJK-adjacent
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] == ' ' || text[i] == '\t') {
            std::size_t end = i;
            while (end < text.size() && (text[end] == ' ' || text[end] == '\t'))
                ++end;
            char32_t next = 0;
            if (end < text.size() && !utf8Sequence(text, end, next))
                next = 0;
            if (!(isCjk(previous) && isCjk(next)))
                out.append(text.substr(i, end - i));
            i = end;
            continue;
        }
        char32_t c = 0;
        std::size_t length = utf8Sequence(text, i, c);
        if (length == 0)
            length = 1, c = 0;
        out.append(text.substr(i, length));
        previous = c;
        i += length;
    }
    return out;
}

} // namespace flowdeck::engine::docparse
