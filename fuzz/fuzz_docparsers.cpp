// The knowledge-base document parsers (engine/knowledge/parse/documentparser.h). The
// first byte picks the type ('t'xt, 'm'arkdown, 'h'tml, 'p'df, 'd'ocx, 'x'lsx, 'c'sv,
// 's'lides: pptx; any other byte by its value); the rest is the file. OCR is off (no
// such program), so a page without text costs no rendering.
#include "engine/knowledge/parse/documentparser.h"

#include <cstdint>
#include <cstdlib>
#include <string>

using namespace flowdeck::engine;

namespace {

std::string typeFor(char selector)
{
    switch (selector) {
    case 't': return "txt";
    case 'm': return "md";
    case 'h': return "html";
    case 'p': return "pdf";
    case 'd': return "docx";
    case 'x': return "xlsx";
    case 'c': return "csv";
    case 's': return "pptx";
    default: break;
    }
    static const char *const types[] = {"txt", "md", "html", "pdf", "docx", "xlsx", "csv", "pptx"};
    return types[static_cast<unsigned char>(selector) % 8];
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    ParseOptions options;
    options.tesseractProgram = "flowdeck-fuzz-no-tesseract";
    options.maxUnpackedBytes = 8u << 20;
    options.name = "fuzz";
    const std::string_view bytes(reinterpret_cast<const char *>(data) + 1, size - 1);
    const auto result = parseDocumentBytes(bytes, typeFor(static_cast<char>(data[0])), options);
    if (!result.ok()) {
        // A refusal is a sentence that names the document.
        if (result.diagnostics().empty() || result.diagnostics().front().message.find("'fuzz'") == std::string::npos)
            std::abort();
        return 0;
    }
    if (result->sections.empty())
        std::abort();  // never an empty success
    for (const SourceSection &section : result->sections) {
        if (section.text.find_first_not_of(" \t\r\n") == std::string::npos)
            std::abort();
        if (section.kind == SourceSection::Kind::Heading && (section.headingLevel < 1 || section.headingLevel > 6))
            std::abort();
    }
    return 0;
}
