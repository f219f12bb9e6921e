#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace flowdeck::engine {

// Turns text into search tokens for the knowledge base's full-text index (DESIGN.md §9),
// the same way for documents and queries. NFKC with case folding ("ＡＰＩ" and "API" are
// "api"); ICU's word breaks (its dictionary splits Chinese and Japanese into words); and
// for every run of Han, kana or hangul characters also the overlapping character bigrams
// (a one-character run: the character), so Chinese recall does not depend on the
// dictionary splitting a document and a query alike. Punctuation and spaces are dropped.
//
// Positions: each bigram of a run takes its own position, and the dictionary words that
// start at the same character share it (colocated), so phrase queries over bigrams work.
//
// Not thread-safe: an instance holds an ICU BreakIterator. Make one per thread (or per
// FTS5 tokenizer instance); construction clones a shared prototype and is cheap.
class TextSegmenter {
public:
    struct Token {
        std::string text;        // normalized (NFKC, case folded), UTF-8
        std::size_t start = 0;   // byte range in the input
        std::size_t end = 0;
        bool colocated = false;  // same position as the previous token
    };
    using TokenSink = std::function<void(const Token &)>;

    TextSegmenter();
    ~TextSegmenter();
    TextSegmenter(const TextSegmenter &) = delete;
    TextSegmenter &operator=(const TextSegmenter &) = delete;

    // Calls `sink` for each token in order. Invalid UTF-8 bytes are skipped.
    void segment(std::string_view text, const TokenSink &sink);
    std::vector<Token> tokens(std::string_view text);
    // The distinct token texts in first-seen order.
    std::vector<std::string> distinctTokens(std::string_view text, std::size_t limit = 0);

    // Changes whenever the tokens produced for the same text may change (the rules here or
    // the ICU version): a stored index made with another version is rebuilt.
    static std::string version();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

// The most tokens a query's MATCH expression carries.
inline constexpr std::size_t kMaxQueryTokens = 64;

// An FTS5 MATCH expression for a user's query: its distinct tokens, each quoted, joined
// by OR (so BM25 ranks by how many match). Empty when the query has nothing searchable.
std::string ftsMatchExpression(TextSegmenter &segmenter, std::string_view query,
                               std::size_t maxTokens = kMaxQueryTokens);
// The same for tokens already chosen.
std::string ftsMatchExpression(const std::vector<std::string> &tokens);

} // namespace flowdeck::engine
