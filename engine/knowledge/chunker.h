#pragma once

#include "engine/knowledge/knowledgesettings.h"
#include "engine/knowledge/parseddocument.h"

#include <string>
#include <vector>

namespace flowdeck::engine {

// One passage to store: its text, where it came from, and for parent–child chunking the
// index (in the same list) of the parent passage that is returned when this one matches.
struct ChunkDraft {
    std::string text;
    SourceLocation location;
    int parentOrdinal = -1;
    bool isParent = false;
};

// Cuts a parsed document into passages (DESIGN.md §9): by size with overlap at the
// nearest separator; by heading, each passage prefixed with its heading path; or parent–
// child. Spreadsheet rows stay whole, each sheet apart, `rowsPerChunk` rows a passage.
// A passage never spans two pages or slides, so its citation is exact.
std::vector<ChunkDraft> chunkDocument(const ParsedDocument &document, const ChunkingSettings &settings,
                                      const CleaningRules &cleaning);

// The cleaning rules applied to one text.
std::string cleanText(const std::string &text, const CleaningRules &rules);

// Splits `text` into pieces of at most `size` characters (Unicode code points), cutting at
// the first separator that works, each piece after the first beginning with up to
// `overlap` characters of the one before.
std::vector<std::string> splitText(const std::string &text, int size, int overlap,
                                   const std::vector<std::string> &separators);

std::size_t utf8Length(std::string_view text);

} // namespace flowdeck::engine
