#pragma once

// The generated corpus of bench_knowledge: Chinese and English (and mixed) Markdown
// documents about topics, with one planted fact per golden question, and a stand-in
// embedding model whose vectors carry meaning (concepts, across both languages).

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace flowdeck::bench {

// A question whose answer is known by construction: the chunk that contains `snippet`.
struct GoldenQuery {
    std::string text;
    std::string snippet;  // the planted fact sentence, exactly as written in the corpus
    std::string kind;     // "same words", "other language", "paraphrase"
};

struct CorpusSummary {
    int files = 0;
    int sections = 0;       // each a chunk under the default heading chunking
    std::uint64_t bytes = 0;
    std::vector<GoldenQuery> queries;
};

class KnowledgeCorpus {
public:
    explicit KnowledgeCorpus(std::uint64_t seed = 20240616);
    ~KnowledgeCorpus();
    KnowledgeCorpus(const KnowledgeCorpus &) = delete;
    KnowledgeCorpus &operator=(const KnowledgeCorpus &) = delete;

    // Writes about `sections` sections into Markdown files in `folder`, and plants one fact
    // for each of `queries` golden questions.
    CorpusSummary write(const std::filesystem::path &folder, int sections, int queries);

    // The stand-in embedding model: each known word or phrase (either language, synonyms
    // alike) is a concept spread over a few hashed dimensions, weighted by its rarity.
    // Unit length; `dimensions` values.
    std::vector<float> embed(std::string_view text, int dimensions) const;

    std::size_t vocabularySize() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace flowdeck::bench
