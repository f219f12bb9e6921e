#include "engine/import/difyname.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <cctype>
#include <memory>
#include <mutex>

namespace flowdeck::engine::dify {

namespace {

// Any script in Latin letters, then plain ASCII. A transliterator is costly to make and
// not safe to share between threads: one, made once, used under a lock.
std::string inLatinLetters(const std::string &text)
{
    static std::mutex mutex;
    static std::unique_ptr<icu::Transliterator> latin;
    static bool tried = false;
    std::lock_guard lock(mutex);
    if (!tried) {
        tried = true;
        UErrorCode status = U_ZERO_ERROR;
        latin.reset(icu::Transliterator::createInstance("Any-Latin; Latin-ASCII", UTRANS_FORWARD, status));
        if (U_FAILURE(status))
            latin.reset();
    }
    if (!latin)
        return text;
    // A space where the script changes ("表单Demo" → "biao dan Demo", not "biao dandemo";
    // "翻訳アシスタント" → "fan yi ashisutanto").
    icu::UnicodeString spaced;
    // Only the start becomes the id (48 characters; a CJK character gives two letters or
    // more): transliterating takes time that grows faster than the text.
    icu::UnicodeString in = icu::UnicodeString::fromUTF8(text);
    if (in.countChar32() > 64)
        in.truncate(in.moveIndex32(0, 64));
    UScriptCode before = USCRIPT_COMMON;  // the script of the character just before; digits, marks: none
    for (int32_t i = 0; i < in.length(); i = in.moveIndex32(i, 1)) {
        const UChar32 c = in.char32At(i);
        UErrorCode status = U_ZERO_ERROR;
        UScriptCode script = uscript_getScript(c, &status);
        if (U_FAILURE(status) || script == USCRIPT_INHERITED)
            script = USCRIPT_COMMON;
        if (script != USCRIPT_COMMON && before != USCRIPT_COMMON && script != before)
            spaced.append(static_cast<UChar32>(' '));
        before = script;
        spaced.append(c);
    }
    latin->transliterate(spaced);
    std::string out;
    spaced.toUTF8String(out);
    return out;
}

} // namespace

std::string workflowIdFor(const std::string &name)
{
    bool ascii = true;
    for (unsigned char c : name)
        ascii = ascii && c < 0x80;
    const std::string latin = ascii ? name : inLatinLetters(name);
    std::string id;
    for (char c : latin) {
        if (id.size() >= 48)
            break;
        if (std::isalnum(static_cast<unsigned char>(c)) && static_cast<unsigned char>(c) < 0x80)
            id += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        else if (!id.empty() && id.back() != '-')
            id += '-';
    }
    while (!id.empty() && id.back() == '-')
        id.pop_back();
    return id.empty() ? "dify-app" : id;
}

} // namespace flowdeck::engine::dify
