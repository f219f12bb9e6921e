#pragma once

#include "engine/core/result.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace flowdeck::engine {

// How parsed text is cut into passages (DESIGN.md §9). Sizes are in characters, so a
// Chinese passage and an English one of the same setting hold similar amounts of meaning.
struct ChunkingSettings {
    enum class Mode { Size, Heading, ParentChild };
    Mode mode = Mode::Heading;
    int size = 800;      // the longest passage
    int overlap = 100;   // characters repeated from the previous passage when one is split
    std::vector<std::string> separators = {"\n\n", "\n", "。", "！", "？", "；", ". ", "! ", "? ", "; ", "，", ", ", " "};
    int parentSize = 2000;  // parent–child: the passage returned
    int childSize = 300;    // parent–child: the passage matched
    int rowsPerChunk = 1;   // spreadsheets: rows in one passage (each with its header)
};

struct CleaningRules {
    bool collapseWhitespace = true;
    bool removeUrls = false;
    bool removeEmails = false;
};

struct EmbeddingSettings {
    std::string profile;  // provider profile answering /embeddings; empty: keyword search only
    std::string model;    // empty: the profile's embeddings model
    int dimensions = 0;   // 0: whatever the model returns (fixed by the first vectors stored)
};

// A base's kb.json.
struct KnowledgeSettings {
    std::string name;         // folder name, used in workflows
    std::string title;        // shown to people; empty: the name
    std::string description;
    ChunkingSettings chunking;
    CleaningRules cleaning;
    EmbeddingSettings embedding;
    bool ocr = true;
    std::string ocrLanguages = "chi_sim+eng";

    nlohmann::json toJson() const;
    // Tolerant of missing fields (defaults); wrong types and bad values are errors naming the field.
    static Result<KnowledgeSettings> fromJson(const nlohmann::json &j);
    static Result<KnowledgeSettings> load(const std::filesystem::path &baseFolder);
    // kb.json written atomically; false with the reason in `error`.
    bool save(const std::filesystem::path &baseFolder, std::string &error) const;
};

const char *chunkingModeName(ChunkingSettings::Mode mode);

} // namespace flowdeck::engine
