#pragma once

#include "engine/knowledge/searchoutcome.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace flowdeck::engine {

// A passage found in a named base, after fusion across bases and an optional rerank.
struct RetrievedPassage {
    std::string base;
    SearchHit hit;
    std::optional<double> rerankScore;
};

// The knowledge node's outputs (DESIGN.md §3): `chunks` (each passage with its score,
// document, location and heading path), `text` (the passages numbered as context for a
// prompt) and `citations` (the numbered sources, with a short quote).
nlohmann::json passagesJson(const std::vector<RetrievedPassage> &passages, const std::string &language);
std::string contextText(const std::vector<RetrievedPassage> &passages, const std::string &language);
nlohmann::json citationsJson(const std::vector<RetrievedPassage> &passages, const std::string &language);

// "Sources:\n[1] manual.pdf, page 3\n..." from a citations array (the llm node's
// "append sources" option); empty for none.
std::string sourcesFooter(const nlohmann::json &citations, const std::string &language);

} // namespace flowdeck::engine
