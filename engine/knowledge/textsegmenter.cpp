#include "engine/knowledge/textsegmenter.h"

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>
#include <unicode/uvernum.h>

#include <algorithm>
#include <mutex>
#include <unordered_set>

namespace flowdeck::engine {

namespace {

// The longest token kept (bytes); a longer "word" (a base64 blob) is cut at a character.
constexpr std::size_t kMaxTokenBytes = 128;

bool isCjk(UChar32 c)
{
    if (c < 0x1100)
        return false;
    if (c <= 0x11FF)
        return true;  // hangul jamo
    if (c < 0x2E80)
        return false;
    if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7A3))
        return true;
    if (c == 0x30FC)
        return true;  // the katakana long vowel mark is in the Common script
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(c, &status);
    return U_SUCCESS(status)
        && (script == USCRIPT_HAN || script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA
            || script == USCRIPT_HANGUL);
}

// Characters that NFKC with case folding leaves as they are: ASCII letters aside, the
// common ideographs, hangul syllables and the ordinary kana.
bool isStableUnderNfkcCf(UChar32 c)
{
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x3041 && c <= 0x3096)
        || (c >= 0x30A1 && c <= 0x30FA);
}

struct Prototype {
    std::unique_ptr<icu::BreakIterator> words;
    const icu::Normalizer2 *nfkcCasefold = nullptr;
};

const Prototype &prototype()
{
    static Prototype p;
    static std::once_flag once;
    std::call_once(once, [] {
        UErrorCode status = U_ZERO_ERROR;
        p.words.reset(icu::BreakIterator::createWordInstance(icu::Locale("zh"), status));
        if (U_FAILURE(status))
            p.words.reset();
        status = U_ZERO_ERROR;
        p.nfkcCasefold = icu::Normalizer2::getNFKCCasefoldInstance(status);
        if (U_FAILURE(status))
            p.nfkcCasefold = nullptr;
    });
    return p;
}

std::string cutAtCharacter(std::string s)
{
    if (s.size() <= kMaxTokenBytes)
        return s;
    std::size_t cut = kMaxTokenBytes;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80)
        --cut;
    s.resize(cut);
    return s;
}

} // namespace

struct TextSegmenter::Impl {
    std::unique_ptr<icu::BreakIterator> words;
    const icu::Normalizer2 *nfkcCasefold = nullptr;

    struct Segment {
        std::size_t start, end;
    };
    struct Run {
        std::size_t start = 0, end = 0;
        std::vector<std::size_t> chars;  // byte offset of each character; chars.back() < end
        bool stable = true;              // every character is stable under NFKC_CF
    };
    std::vector<Segment> segments;
    std::vector<Run> runs;
    std::vector<std::vector<std::pair<std::string, std::size_t>>> wordsAt;  // per character of the run: word, end

    std::string normalize(std::string_view piece, bool knownStable) const
    {
        bool ascii = true;
        for (unsigned char c : piece)
            if (c >= 0x80) {
                ascii = false;
                break;
            }
        if (ascii) {
            std::string out(piece);
            for (char &c : out)
                if (c >= 'A' && c <= 'Z')
                    c = static_cast<char>(c - 'A' + 'a');
            return cutAtCharacter(std::move(out));
        }
        if (knownStable || !nfkcCasefold)
            return cutAtCharacter(std::string(piece));
        UErrorCode status = U_ZERO_ERROR;
        const icu::UnicodeString source = icu::UnicodeString::fromUTF8(
            icu::StringPiece(piece.data(), static_cast<int32_t>(piece.size())));
        const icu::UnicodeString folded = nfkcCasefold->normalize(source, status);
        std::string out;
        if (U_FAILURE(status))
            out.assign(piece);
        else
            folded.toUTF8String(out);
        // NFKC may turn one character into several, spaces included ("¼" → "1⁄4"): keep
        // what is left without spaces.
        out.erase(std::remove(out.begin(), out.end(), ' '), out.end());
        return cutAtCharacter(std::move(out));
    }

    void findRuns(std::string_view text)
    {
        runs.clear();
        const auto *s = reinterpret_cast<const uint8_t *>(text.data());
        const int32_t length = static_cast<int32_t>(text.size());
        Run current;
        bool inRun = false;
        for (int32_t i = 0; i < length;) {
            const int32_t at = i;
            UChar32 c;
            U8_NEXT(s, i, length, c);
            const bool cjk = c >= 0 && isCjk(c);
            if (cjk) {
                if (!inRun) {
                    current = Run{};
                    current.start = static_cast<std::size_t>(at);
                    inRun = true;
                }
                current.chars.push_back(static_cast<std::size_t>(at));
                current.stable = current.stable && isStableUnderNfkcCf(c);
                current.end = static_cast<std::size_t>(i);
            } else if (inRun) {
                runs.push_back(std::move(current));
                inRun = false;
            }
        }
        if (inRun)
            runs.push_back(std::move(current));
    }

    void findWords(std::string_view text)
    {
        segments.clear();
        if (!words)
            return;
        UErrorCode status = U_ZERO_ERROR;
        UText *ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
        if (U_FAILURE(status))
            return;
        words->setText(ut, status);
        if (U_SUCCESS(status)) {
            int32_t start = words->first();
            for (int32_t end = words->next(); end != icu::BreakIterator::DONE; start = end, end = words->next())
                if (words->getRuleStatus() >= UBRK_WORD_NONE_LIMIT)
                    segments.push_back({static_cast<std::size_t>(start), static_cast<std::size_t>(end)});
        }
        // The iterator keeps a pointer to the UText: point it at nothing before closing.
        icu::UnicodeString empty;
        words->setText(empty);
        utext_close(ut);
    }

    void emitWord(std::string_view text, const Segment &w, const TokenSink &sink) const
    {
        Token t;
        t.text = normalize(text.substr(w.start, w.end - w.start), false);
        if (t.text.empty())
            return;
        t.start = w.start;
        t.end = w.end;
        sink(t);
    }

    void emitRun(std::string_view text, const Run &run, const TokenSink &sink) const
    {
        const std::size_t n = run.chars.size();
        auto charEnd = [&](std::size_t i) { return i + 1 < n ? run.chars[i + 1] : run.end; };
        for (std::size_t i = 0; i < n; ++i) {
            bool first = true;
            auto emit = [&](std::string tokenText, std::size_t end) {
                if (tokenText.empty())
                    return;
                Token t;
                t.text = std::move(tokenText);
                t.start = run.chars[i];
                t.end = end;
                t.colocated = !first;
                first = false;
                sink(t);
            };
            std::string gram;
            if (n == 1 || i + 1 < n) {
                const std::size_t end = n == 1 ? run.end : charEnd(i + 1);
                gram = normalize(text.substr(run.chars[i], end - run.chars[i]), run.stable);
                emit(gram, end);
            }
            for (const auto &[word, end] : wordsAt[i])
                if (word != gram)
                    emit(word, end);
        }
    }
};

TextSegmenter::TextSegmenter() : m_impl(std::make_unique<Impl>())
{
    const Prototype &p = prototype();
    if (p.words)
        m_impl->words.reset(p.words->clone());
    m_impl->nfkcCasefold = p.nfkcCasefold;
}

TextSegmenter::~TextSegmenter() = default;

void TextSegmenter::segment(std::string_view text, const TokenSink &sink)
{
    Impl &d = *m_impl;
    d.findWords(text);
    d.findRuns(text);
    std::size_t w = 0;
    for (const Impl::Run &run : d.runs) {
        while (w < d.segments.size() && d.segments[w].end <= run.start)
            d.emitWord(text, d.segments[w++], sink);
        d.wordsAt.assign(run.chars.size(), {});
        // Words inside the run join its positions; a word that only partly overlaps it
        // (hangul beside Latin letters is one ICU word) stays a word of its own.
        for (; w < d.segments.size() && d.segments[w].start < run.end; ++w) {
            const Impl::Segment &s = d.segments[w];
            if (s.start >= run.start && s.end <= run.end) {
                const auto at = std::lower_bound(run.chars.begin(), run.chars.end(), s.start);
                if (at != run.chars.end() && *at == s.start)
                    d.wordsAt[static_cast<std::size_t>(at - run.chars.begin())].emplace_back(
                        d.normalize(text.substr(s.start, s.end - s.start), run.stable), s.end);
            } else {
                d.emitWord(text, s, sink);
            }
        }
        d.emitRun(text, run, sink);
    }
    while (w < d.segments.size())
        d.emitWord(text, d.segments[w++], sink);
}

std::vector<TextSegmenter::Token> TextSegmenter::tokens(std::string_view text)
{
    std::vector<Token> out;
    segment(text, [&](const Token &t) { out.push_back(t); });
    return out;
}

std::vector<std::string> TextSegmenter::distinctTokens(std::string_view text, std::size_t limit)
{
    std::vector<std::string> out;
    std::unordered_set<std::string> seen;
    segment(text, [&](const Token &t) {
        if ((limit == 0 || out.size() < limit) && seen.insert(t.text).second)
            out.push_back(t.text);
    });
    return out;
}

std::string TextSegmenter::version()
{
    return std::string("flowdeck-1;icu-") + U_ICU_VERSION;
}

std::string ftsMatchExpression(TextSegmenter &segmenter, std::string_view query, std::size_t maxTokens)
{
    return ftsMatchExpression(segmenter.distinctTokens(query, maxTokens));
}

std::string ftsMatchExpression(const std::vector<std::string> &tokens)
{
    std::string expression;
    for (const std::string &token : tokens) {
        if (!expression.empty())
            expression += " OR ";
        expression += '"';
        for (char c : token) {
            if (c == '"')
                expression += '"';
            expression += c;
        }
        expression += '"';
    }
    return expression;
}

} // namespace flowdeck::engine
