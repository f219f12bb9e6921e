#include "engine/guard/textnormalizer.h"

#include <opencc.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <cstdio>
#include <mutex>
#include <unordered_map>

namespace flowdeck::engine {

namespace {

// How one code point folds: up to one character in place, longer results in `sequence`.
struct FoldEntry {
    char32_t first = 0;
    FoldKind kind = FoldKind::Ignored;  // of the first character; Ignored / Separator: no characters
    std::uint8_t length = 0;
    std::uint32_t sequence = 0;  // index of the first of `length` characters in FoldTables::sequenceChars
};

// The ranges of CJK ideographs OpenCC's tables hold characters of (BMP, compatibility, extensions B-F).
constexpr char32_t kCjkRanges[][2] = {{0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xF900, 0xFAFF}, {0x20000, 0x2EBEF},
                                      {0x2F800, 0x2FA1F}};

struct FoldTables {
    std::vector<FoldEntry> bmp;         // 0x0000..0xFFFF
    std::vector<FoldKind> bmpKind;      // the kind of each BMP code point as it stands
    std::vector<char32_t> sequenceChars;
    std::vector<FoldKind> sequenceKinds;
    std::unordered_map<char32_t, char32_t> t2s;  // traditional -> simplified, where they differ
    bool haveT2s = false;
    const icu::Normalizer2 *nfkcCasefold = nullptr;
    const icu::Normalizer2 *nfd = nullptr;
    const icu::Normalizer2 *nfc = nullptr;
};

bool writesWithoutSpaces(char32_t c)
{
    if (u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_IDEOGRAPHIC))
        return true;
    UErrorCode status = U_ZERO_ERROR;
    switch (uscript_getScript(static_cast<UChar32>(c), &status)) {
    case USCRIPT_HAN: case USCRIPT_HIRAGANA: case USCRIPT_KATAKANA: case USCRIPT_HANGUL: case USCRIPT_BOPOMOFO:
    case USCRIPT_YI: case USCRIPT_THAI: case USCRIPT_LAO: case USCRIPT_KHMER: case USCRIPT_MYANMAR:
        return true;
    default:
        return false;
    }
}

FoldKind classify(char32_t c)
{
    switch (u_charType(static_cast<UChar32>(c))) {
    case U_FORMAT_CHAR:
        return FoldKind::Ignored;
    case U_UPPERCASE_LETTER: case U_LOWERCASE_LETTER: case U_TITLECASE_LETTER: case U_MODIFIER_LETTER:
    case U_OTHER_LETTER: case U_DECIMAL_DIGIT_NUMBER: case U_LETTER_NUMBER: case U_OTHER_NUMBER:
    case U_NON_SPACING_MARK: case U_COMBINING_SPACING_MARK: case U_ENCLOSING_MARK:
        return writesWithoutSpaces(c) ? FoldKind::Ideograph : FoldKind::Word;
    default:
        return FoldKind::Separator;
    }
}

// Every CJK ideograph through OpenCC's t2s conversion, one per line so that no phrase forms.
void loadTraditionalTable(FoldTables &tables)
{
    opencc_t converter = opencc_open("t2s.json");
    if (converter == reinterpret_cast<opencc_t>(-1)) {
        std::fprintf(stderr, "flowdeck: OpenCC's t2s.json could not be opened (%s); guard keyword lists will match "
                             "traditional characters only as written. Install the opencc data package to fix this.\n",
                     opencc_error());
        return;
    }
    std::u32string input;
    for (const auto &range : kCjkRanges)
        for (char32_t c = range[0]; c <= range[1]; ++c) {
            input += c;
            input += U'\n';
        }
    const std::string utf8 = utf8FromCodePoints(input);
    char *converted = opencc_convert_utf8(converter, utf8.data(), utf8.size());
    if (!converted) {
        std::fprintf(stderr, "flowdeck: OpenCC's t2s conversion failed (%s); guard keyword lists will match "
                             "traditional characters only as written.\n", opencc_error());
        opencc_close(converter);
        return;
    }
    // Line by line: a character whose line is one other character maps to it.
    const std::string_view out(converted);
    std::size_t lineStart = 0;
    std::size_t inputIndex = 0;
    for (std::size_t i = 0; i <= out.size() && inputIndex < input.size(); ++i) {
        if (i < out.size() && out[i] != '\n')
            continue;
        const char32_t from = input[inputIndex];
        inputIndex += 2;
        std::size_t pos = lineStart;
        UChar32 to = -1;
        U8_NEXT(out.data(), pos, i, to);
        if (to > 0 && pos == i && static_cast<char32_t>(to) != from)
            tables.t2s.emplace(from, static_cast<char32_t>(to));
        lineStart = i + 1;
    }
    opencc_convert_utf8_free(converted);
    opencc_close(converter);
    tables.haveT2s = true;
}

// The folded characters of `c` and their kinds; the entry's kind tells Ignored from Separator.
FoldKind foldCodePoint(const FoldTables &tables, char32_t c, std::u32string &chars, std::vector<FoldKind> &kinds)
{
    chars.clear();
    kinds.clear();
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString folded = tables.nfkcCasefold->normalize(icu::UnicodeString(static_cast<UChar32>(c)), status);
    icu::UnicodeString decomposed = tables.nfd->normalize(folded, status);
    icu::UnicodeString bare;
    for (int32_t i = 0; i < decomposed.length();) {
        const UChar32 d = decomposed.char32At(i);
        if (u_charType(d) != U_NON_SPACING_MARK)
            bare.append(d);
        i += U16_LENGTH(d);
    }
    const icu::UnicodeString result = tables.nfc->normalize(bare, status);
    if (U_FAILURE(status))
        return classify(c) == FoldKind::Ignored ? FoldKind::Ignored : FoldKind::Separator;
    bool sawSeparator = false;
    for (int32_t i = 0; i < result.length();) {
        char32_t r = static_cast<char32_t>(result.char32At(i));
        i += U16_LENGTH(static_cast<UChar32>(r));
        if (const auto it = tables.t2s.find(r); it != tables.t2s.end())
            r = it->second;
        const FoldKind kind = classify(r);
        if (kind == FoldKind::Separator)
            sawSeparator = true;
        if (kind == FoldKind::Word || kind == FoldKind::Ideograph) {
            chars += r;
            kinds.push_back(kind);
        }
    }
    if (!chars.empty())
        return kinds.front();
    return sawSeparator || classify(c) == FoldKind::Separator ? FoldKind::Separator : FoldKind::Ignored;
}

FoldTables buildTables()
{
    FoldTables tables;
    UErrorCode status = U_ZERO_ERROR;
    tables.nfkcCasefold = icu::Normalizer2::getNFKCCasefoldInstance(status);
    tables.nfd = icu::Normalizer2::getNFDInstance(status);
    tables.nfc = icu::Normalizer2::getNFCInstance(status);
    loadTraditionalTable(tables);
    tables.bmp.resize(0x10000);
    tables.bmpKind.resize(0x10000);
    std::u32string chars;
    std::vector<FoldKind> kinds;
    for (char32_t c = 0; c < 0x10000; ++c) {
        tables.bmpKind[c] = classify(c);
        FoldEntry &entry = tables.bmp[c];
        if (c >= 0xD800 && c <= 0xDFFF) {
            entry.kind = FoldKind::Separator;
            continue;
        }
        entry.kind = foldCodePoint(tables, c, chars, kinds);
        entry.length = static_cast<std::uint8_t>(std::min<std::size_t>(chars.size(), 255));
        if (entry.length == 1) {
            entry.first = chars.front();
        } else if (entry.length > 1) {
            entry.first = chars.front();
            entry.sequence = static_cast<std::uint32_t>(tables.sequenceChars.size());
            tables.sequenceChars.insert(tables.sequenceChars.end(), chars.begin(), chars.begin() + entry.length);
            tables.sequenceKinds.insert(tables.sequenceKinds.end(), kinds.begin(), kinds.begin() + entry.length);
        }
    }
    return tables;
}

const FoldTables &tables()
{
    static std::once_flag once;
    static FoldTables built;
    std::call_once(once, [] { built = buildTables(); });
    return built;
}

void appendUtf8(std::string &out, char32_t c)
{
    char buffer[4];
    std::size_t length = 0;
    UBool error = false;
    U8_APPEND(buffer, length, 4, static_cast<UChar32>(c), error);
    if (!error)
        out.append(buffer, length);
}

} // namespace

std::string utf8FromCodePoints(std::u32string_view chars)
{
    std::string out;
    out.reserve(chars.size() * 3);
    for (const char32_t c : chars)
        appendUtf8(out, c);
    return out;
}

std::string FoldedText::utf8(std::vector<std::uint32_t> *offsets) const
{
    std::string out;
    out.reserve(chars.size() * 3);
    if (offsets) {
        offsets->clear();
        offsets->reserve(chars.size());
    }
    for (const char32_t c : chars) {
        if (offsets)
            offsets->push_back(static_cast<std::uint32_t>(out.size()));
        appendUtf8(out, c);
    }
    return out;
}

namespace {

// Calls emit(c, begin, end) for each folded character of `text` (with the original bytes
// [begin, end) it came from), and emit(U' ', begin, begin) for a separator between words.
template <typename Emit>
void forEachFolded(std::string_view text, Emit &&emit)
{
    const FoldTables &t = tables();
    std::u32string extraChars;
    std::vector<FoldKind> extraKinds;
    const char *s = text.data();
    const std::size_t n = text.size();
    bool separatorPending = false;
    FoldKind lastKind = FoldKind::Separator;
    std::size_t i = 0;
    while (i < n) {
        const std::size_t begin = i;
        UChar32 c = 0;
        U8_NEXT(s, i, n, c);
        const char32_t *chars = nullptr;
        const FoldKind *kinds = nullptr;
        std::size_t count = 0;
        FoldKind kind = FoldKind::Separator;
        if (c >= 0 && c < 0x10000) {
            const FoldEntry &entry = t.bmp[static_cast<std::size_t>(c)];
            kind = entry.kind;
            count = entry.length;
            if (count == 1) {
                chars = &entry.first;
                kinds = &entry.kind;
            } else if (count > 1) {
                chars = t.sequenceChars.data() + entry.sequence;
                kinds = t.sequenceKinds.data() + entry.sequence;
            }
        } else if (c >= 0x10000) {
            kind = foldCodePoint(t, static_cast<char32_t>(c), extraChars, extraKinds);
            chars = extraChars.data();
            kinds = extraKinds.data();
            count = extraChars.size();
        }
        if (count == 0) {
            if (kind == FoldKind::Separator)
                separatorPending = true;
            continue;
        }
        for (std::size_t k = 0; k < count; ++k) {
            if (separatorPending && kinds[k] == FoldKind::Word && lastKind == FoldKind::Word)
                emit(U' ', begin, begin);
            separatorPending = false;
            emit(chars[k], begin, i);
            lastKind = kinds[k];
        }
    }
}

} // namespace

FoldedText foldText(std::string_view text)
{
    FoldedText out;
    out.chars.reserve(text.size());
    out.start.reserve(text.size());
    out.end.reserve(text.size());
    forEachFolded(text, [&](char32_t c, std::size_t begin, std::size_t end) {
        out.chars.push_back(c);
        out.start.push_back(static_cast<std::uint32_t>(begin));
        out.end.push_back(static_cast<std::uint32_t>(end));
    });
    return out;
}

std::u32string foldTerm(std::string_view term)
{
    std::u32string out;
    out.reserve(term.size());
    forEachFolded(term, [&](char32_t c, std::size_t, std::size_t) {
        if (c != U' ')
            out.push_back(c);
    });
    return out;
}

FoldKind foldedKind(char32_t c)
{
    if (c < 0x10000)
        return tables().bmpKind[c];
    return classify(c);
}

NarrowedText narrowFullWidth(std::string_view text)
{
    NarrowedText out;
    const auto wide = [&](std::size_t i) {
        const auto b = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
        if ((b(i) != 0xEF && b(i) != 0xE3) || i + 2 >= text.size())
            return 0;
        if (b(i) == 0xEF && ((b(i + 1) == 0xBC && b(i + 2) >= 0x81) || (b(i + 1) == 0xBD && b(i + 2) <= 0x9E)))
            return b(i + 1) == 0xBC ? b(i + 2) - 0x81 + 0x21 : b(i + 2) - 0x80 + 0x60;
        if (b(i) == 0xE3 && b(i + 1) == 0x80 && b(i + 2) == 0x80)
            return 0x20;
        return 0;
    };
    std::size_t copied = 0;  // text before this is in out.text
    for (std::size_t i = 0; i < text.size();) {
        const int ascii = wide(i);
        if (!ascii) {
            ++i;
            continue;
        }
        if (out.text.empty())
            out.text.reserve(text.size());
        out.text.append(text.substr(copied, i - copied));
        out.narrowed.push_back(static_cast<std::uint32_t>(out.text.size()));
        out.text.push_back(static_cast<char>(ascii));
        i += 3;
        copied = i;
    }
    if (!out.narrowed.empty())
        out.text.append(text.substr(copied));
    return out;
}

void prepareTextFolding() { tables(); }

bool traditionalFoldingAvailable() { return tables().haveT2s; }

} // namespace flowdeck::engine
