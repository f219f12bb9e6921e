#include "engine/core/mediatype.h"

#include <array>
#include <utility>

namespace flowdeck::engine {

namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 22> kTypes = {{
    {".pdf", "application/pdf"}, {".txt", "text/plain"}, {".md", "text/markdown"}, {".csv", "text/csv"},
    {".html", "text/html"}, {".htm", "text/html"}, {".json", "application/json"}, {".xml", "application/xml"},
    {".png", "image/png"}, {".jpg", "image/jpeg"}, {".jpeg", "image/jpeg"}, {".gif", "image/gif"},
    {".webp", "image/webp"}, {".svg", "image/svg+xml"}, {".mp3", "audio/mpeg"}, {".wav", "audio/wav"},
    {".mp4", "video/mp4"}, {".zip", "application/zip"},
    {".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
    {".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
    {".pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"},
    {".markdown", "text/markdown"},
}};

} // namespace

std::string mediaTypeFor(std::string_view extension)
{
    for (const auto &[ext, type] : kTypes)
        if (ext == extension)
            return std::string(type);
    return {};
}

std::string extensionFor(std::string_view mediaType)
{
    for (const auto &[ext, type] : kTypes)
        if (type == mediaType)
            return std::string(ext);
    return {};
}

} // namespace flowdeck::engine
