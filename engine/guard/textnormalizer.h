#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace flowdeck::engine {

// How the guard's keyword and phrase checks see a text: each code point folded the same
// way for terms and for the checked text, so that "法輪功", "法 轮 功", "ｆｕｃｋ" and
// "F.U.C.K" all read as the simplified, lower-case, half-width form.
//   - NFKC with case folding (full width to half width, compatibility forms, ligatures);
//   - accents dropped ("é" reads as "e");
//   - traditional characters as simplified (OpenCC's t2s table, one character at a time);
//   - zero-width and other format characters dropped;
//   - spaces, punctuation and symbols are separators: dropped next to CJK characters,
//     one ' ' between two word characters (so English words stay apart).
enum class FoldKind : std::uint8_t {
    Ignored,    // format and zero-width characters: as if absent
    Separator,  // spaces, punctuation, symbols, controls
    Word,       // letters and digits of scripts that put spaces between words
    Ideograph,  // CJK ideographs, kana, hangul and other scripts without word spaces
};

struct FoldedText {
    std::u32string chars;             // the folded code points, ' ' between words
    std::vector<std::uint32_t> start;  // per folded code point: byte range in the original text
    std::vector<std::uint32_t> end;    // of the code point it came from

    // The folded text as UTF-8, and per folded code point its byte offset there (for RE2).
    std::string utf8(std::vector<std::uint32_t> *offsets = nullptr) const;
};

// The folded form of `text`, mapped back to its bytes. Invalid UTF-8 bytes are separators.
FoldedText foldText(std::string_view text);
// A list term folded for matching: as foldText, with every separator dropped.
std::u32string foldTerm(std::string_view term);
// The kind of a code point as foldText produced it.
FoldKind foldedKind(char32_t c);
// Builds the folding tables now (they are built on first use otherwise; thread-safe).
void prepareTextFolding();
// Whether OpenCC's t2s data was found; without it traditional forms match only exactly.
bool traditionalFoldingAvailable();

std::string utf8FromCodePoints(std::u32string_view chars);

// The text with full-width ASCII forms (U+FF01..U+FF5E) and the ideographic space as ASCII,
// for the checks that read characters as written (PII, secrets, links, markup): "１３８…",
// "ｓｋ-…" and "ａ＠ｂ．com" read as what they are.
struct NarrowedText {
    std::string text;
    std::vector<std::uint32_t> narrowed;  // where in `text` each narrowed character stands (3 bytes before, 1 now)
    bool changed() const { return !narrowed.empty(); }
    // The offset in the original text of `offset` in `text`.
    std::size_t original(std::size_t offset) const
    {
        const auto before = std::lower_bound(narrowed.begin(), narrowed.end(), offset) - narrowed.begin();
        return offset + 2 * static_cast<std::size_t>(before);
    }
};
// Nothing is copied when the text has no such characters (text is then empty and changed() false).
NarrowedText narrowFullWidth(std::string_view text);

} // namespace flowdeck::engine
