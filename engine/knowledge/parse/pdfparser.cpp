// PDF with poppler: each page's text layer, split into paragraphs at blank lines, with
// its page number. A page without a text layer (a scan) is rendered at 300 dpi and read
// by the tesseract program; when that cannot be done the page is named in a warning,
// and a document left without any text fails with a sentence.
#include "engine/knowledge/parse/formatparsers.h"
#include "engine/knowledge/parse/tesseractocr.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <memory>
#include <mutex>

#include <unistd.h>

namespace flowdeck::engine::docparse {
namespace {

constexpr double kOcrDpi = 300;
constexpr double kMaxOcrPixels = 12000;  // per side: a poster-sized page is rendered at less than 300 dpi
constexpr std::chrono::seconds kOcrTimeLimit{120};

std::string utf8(const poppler::ustring &text)
{
    const poppler::byte_array bytes = text.to_utf8();
    return std::string(bytes.begin(), bytes.end());
}

// Paragraphs of a page's text: blocks separated by blank lines.
void addPageText(ParsedDocument &document, const std::string &text, int page)
{
    SourceLocation location;
    location.page = page;
    std::string paragraph;
    std::string_view rest = text;
    while (true) {
        const std::size_t end = rest.find('\n');
        const std::string_view line = rest.substr(0, end);
        const bool blank = trimmed(line).empty();
        if (blank && !paragraph.empty()) {
            addSection(document, SourceSection::Kind::Paragraph, trimmed(paragraph), location);
            paragraph.clear();
        } else if (!blank) {
            paragraph += (paragraph.empty() ? "" : "\n") + trimmed(line);
        }
        if (end == std::string_view::npos)
            break;
        rest = rest.substr(end + 1);
    }
    addSection(document, SourceSection::Kind::Paragraph, trimmed(paragraph), location);
}

// A temporary image file, removed when this goes.
struct TemporaryImage {
    std::string path;
    TemporaryImage()
    {
        std::string pattern = (std::filesystem::temp_directory_path() / "flowdeck-ocr-XXXXXX.png").string();
        const int fd = mkstemps(pattern.data(), 4);
        if (fd >= 0) {
            close(fd);
            path = pattern;
        }
    }
    ~TemporaryImage()
    {
        if (!path.empty())
            unlink(path.c_str());
    }
};

class PdfReader {
public:
    const ParseContext &context;
    ParsedDocument document;
    std::optional<Diagnostic> fatal;     // cancelled
    std::optional<Diagnostic> ocrTrouble;  // the first page OCR could not read, for an empty document
    std::optional<bool> ocrAvailable;      // whether the tesseract program is there, once asked

    void readPage(const poppler::page &page, int number)
    {
        const std::string text = utf8(page.text(poppler::rectf(), poppler::page::non_raw_non_physical_layout));
        if (!trimmed(text).empty()) {
            addPageText(document, text, number);
            return;
        }
        const std::string pageName = "page " + std::to_string(number);
        const auto trouble = [&](std::string code, const std::string &why, const std::string &action) {
            document.warnings.push_back("Page " + std::to_string(number) + " has no text layer and " + why + action +
                                        ".");
            if (!ocrTrouble)
                ocrTrouble = parseFailure(std::move(code),
                                          "'" + context.name + "' " + pageName + " has no text layer and " + why +
                                              action + ".",
                                          {context.name, std::to_string(number)});
        };
        if (!ocrAvailable)
            ocrAvailable = programAvailable(context.options.tesseractProgram);
        if (!*ocrAvailable) {  // found out before rendering the page, which takes a while
            trouble("document-ocr-unavailable", "OCR is not available", ": install tesseract-ocr");
            return;
        }
        TemporaryImage image;
        if (image.path.empty() || !render(page, image.path)) {
            trouble("document-ocr-failed", "could not be rendered for OCR", "");
            return;
        }
        const OcrOutcome ocr = recognizeImage(context.options.tesseractProgram, image.path,
                                              context.options.ocrLanguages, kOcrTimeLimit, context.options.cancel);
        switch (ocr.status) {
        case OcrOutcome::Status::Read:
            ++document.ocrPages;
            document.warnings.push_back("Page " + std::to_string(number) +
                                        " has no text layer; its text was read by OCR.");
            addPageText(document, ocr.text, number);
            break;
        case OcrOutcome::Status::Missing:
            trouble("document-ocr-unavailable", "OCR is not available", ": install tesseract-ocr");
            break;
        case OcrOutcome::Status::Cancelled:
            fatal = cancelledFailure(context);
            break;
        case OcrOutcome::Status::Failed:
        case OcrOutcome::Status::TimedOut:
            trouble("document-ocr-failed", "OCR could not read it", ": " + ocr.detail);
            break;
        }
    }

private:
    static bool render(const poppler::page &page, const std::string &path)
    {
        const poppler::rectf box = page.page_rect();
        const double longest = std::max(box.width(), box.height());
        if (!(longest > 0))
            return false;
        const double dpi = std::min(kOcrDpi, kMaxOcrPixels * 72.0 / longest);
        poppler::page_renderer renderer;
        renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
        renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
        const poppler::image image = renderer.render_page(&page, dpi, dpi);
        return image.is_valid() && image.save(path, "png");
    }
};

void ignorePopplerMessage(const std::string &, void *) {}

} // namespace

ParseResult parsePdf(std::string_view bytes, const ParseContext &context)
{
    static std::once_flag quiet;
    std::call_once(quiet, [] { poppler::set_debug_error_function(ignorePopplerMessage, nullptr); });
    // The header may follow some junk, but not much (the PDF reference allows 1024 bytes).
    if (bytes.substr(0, 1024).find("%PDF-") == std::string_view::npos || bytes.size() > std::size_t(INT_MAX))
        return ParseResult::failure(damagedFailure(context, "a PDF"));
    const std::unique_ptr<poppler::document> pdf(
        poppler::document::load_from_raw_data(bytes.data(), int(bytes.size())));
    if (!pdf)
        return ParseResult::failure(damagedFailure(context, "a PDF"));
    if (pdf->is_locked())
        return ParseResult::failure(parseFailure(
            "document-encrypted",
            "'" + context.name + "' is protected by a password; save it without one and add it again.",
            {context.name}));
    PdfReader reader{context, {}, std::nullopt, std::nullopt, std::nullopt};
    const int pages = pdf->pages();
    for (int i = 0; i < pages; ++i) {
        if (context.cancelled())
            return ParseResult::failure(cancelledFailure(context));
        const std::unique_ptr<poppler::page> page(pdf->create_page(i));
        if (page)
            reader.readPage(*page, i + 1);
        else
            reader.document.warnings.push_back("Page " + std::to_string(i + 1) + " of '" + context.name +
                                               "' could not be read and was left out.");
        if (reader.fatal)
            return ParseResult::failure(*reader.fatal);
        context.progress(i + 1, pages);
    }
    if (reader.document.sections.empty() && reader.ocrTrouble)
        return ParseResult::failure(*reader.ocrTrouble);
    reader.document.title = trimmed(utf8(pdf->get_title()));
    return std::move(reader.document);
}

} // namespace flowdeck::engine::docparse
