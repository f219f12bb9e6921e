#pragma once

#include "engine/core/result.h"
#include "engine/knowledge/parseddocument.h"

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

namespace flowdeck::engine {

// How a file is read for a knowledge base (DESIGN.md §9).
struct ParseOptions {
    std::string ocrLanguages = "chi_sim+eng";       // tesseract -l
    std::string tesseractProgram = "tesseract";      // found on PATH
    std::uint64_t maxFileBytes = 200ull << 20;       // bigger files fail with a sentence
    std::uint64_t maxUnpackedBytes = 512ull << 20;   // zip-bomb guard for Office files
    const std::atomic<bool> *cancel = nullptr;       // checked between pages/sheets/slides
    std::function<void(int done, int total)> progress;  // pages (pdf), sheets, slides; may be empty
    std::string name;  // the document's name in messages for parseDocumentBytes ("upload.pdf"); default "the document"
};

// The document type for a file name ("pdf", "docx", ...), or empty when unsupported.
std::string documentTypeFor(const std::filesystem::path &path);

// The sections of a file in reading order, or a diagnostic whose message names the file
// and what is wrong. Never throws; a document without any text is a failure, not an
// empty success.
Result<ParsedDocument> parseDocumentFile(const std::filesystem::path &path, const ParseOptions &options = {});
// The same for bytes in memory (uploads, fetched pages); type "html" for a web page.
Result<ParsedDocument> parseDocumentBytes(std::string_view bytes, const std::string &type,
                                          const ParseOptions &options = {});

} // namespace flowdeck::engine
