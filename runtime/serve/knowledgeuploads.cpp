#include "runtime/serve/knowledgeuploads.h"

#include "engine/core/atomicfile.h"
#include "engine/knowledge/knowledgepack.h"

#include <charconv>
#include <fstream>

namespace flowdeck::runtime {

namespace fs = std::filesystem;

namespace {

constexpr int kMaxParts = 100000;

KnowledgeUploads::Outcome error(unsigned status, const std::string &message)
{
    return {status, {{"error", {{"message", message},
                                {"type", status == 404 ? "not_found" : status >= 500 ? "internal_error" : "invalid_request"},
                                {"code", status}}}}};
}

} // namespace

bool KnowledgeUploads::validSha256(const std::string &text)
{
    if (text.size() != 64)
        return false;
    for (char c : text)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    return true;
}

fs::path KnowledgeUploads::folderOf(const std::string &sha256) const
{
    if (!validSha256(sha256))
        return {};
    std::error_code ec;
    const auto folder = m_dir / sha256;
    return fs::exists(folder / "knowledge.db", ec) ? folder : fs::path();
}

KnowledgeUploads::Outcome KnowledgeUploads::describe(const std::string &sha256) const
{
    if (!validSha256(sha256))
        return error(400, "'" + sha256 + "' is not a sha256 in lower-case hex.");
    const auto folder = folderOf(sha256);
    std::error_code ec;
    if (folder.empty())
        return {200, {{"sha256", sha256}, {"present", false}}};
    return {200, {{"sha256", sha256}, {"present", true}, {"bytes", fs::file_size(folder / "knowledge.db", ec)}}};
}

KnowledgeUploads::Outcome KnowledgeUploads::putPart(const std::string &sha256, const std::string &part, std::string_view bytes)
{
    if (!validSha256(sha256))
        return error(400, "'" + sha256 + "' is not a sha256 in lower-case hex.");
    int number = -1;
    auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), number);
    if (ec != std::errc() || end != part.data() + part.size() || number < 0 || number >= kMaxParts)
        return error(400, "The part number '" + part + "' is not a number from 0 to " + std::to_string(kMaxParts - 1) + ".");
    const auto staging = m_dir / (".upload-" + sha256);
    std::error_code fsError;
    fs::create_directories(staging, fsError);
    std::string why;
    if (!engine::writeFileAtomically(staging / std::to_string(number), std::string(bytes), why, 0600))
        return error(500, "The part could not be stored: " + why + ".");
    return {200, {{"sha256", sha256}, {"part", number}, {"bytes", bytes.size()}}};
}

KnowledgeUploads::Outcome KnowledgeUploads::complete(const std::string &sha256, int parts)
{
    if (!validSha256(sha256))
        return error(400, "'" + sha256 + "' is not a sha256 in lower-case hex.");
    if (!folderOf(sha256).empty())
        return describe(sha256);
    if (parts < 1 || parts > kMaxParts)
        return error(400, "\"parts\" must be a number from 1 to " + std::to_string(kMaxParts) + ".");
    const auto staging = m_dir / (".upload-" + sha256);
    const auto joined = staging / "joined.db";
    std::error_code ec;
    {
        std::ofstream out(joined, std::ios::binary | std::ios::trunc);
        for (int i = 0; i < parts; ++i) {
            std::ifstream in(staging / std::to_string(i), std::ios::binary);
            if (!in)
                return error(400, "Part " + std::to_string(i) + " of the knowledge base " + sha256 + " was not uploaded.");
            out << in.rdbuf();
        }
        if (!out.flush())
            return error(500, "The knowledge base could not be written (is the disk full?).");
    }
    std::string why;
    const std::string actual = engine::fileSha256Hex(joined, why);
    if (actual != sha256) {
        fs::remove_all(staging, ec);
        return error(400, "The uploaded knowledge base does not match its sha256 (got " + actual +
                              "); the upload was damaged. Deploy again.");
    }
    char header[16] = {};
    std::ifstream check(joined, std::ios::binary);
    check.read(header, 16);
    if (std::string_view(header, 16) != std::string_view("SQLite format 3\0", 16)) {
        fs::remove_all(staging, ec);
        return error(400, "The uploaded file is not a knowledge base (not an SQLite database).");
    }
    if (const std::string problem = engine::knowledgeDatabaseProblem(joined); !problem.empty()) {
        fs::remove_all(staging, ec);
        return error(400, "The uploaded file is not a knowledge base this runtime can serve: " + problem + ".");
    }
    const auto ready = m_dir / (".ready-" + sha256);
    fs::remove_all(ready, ec);
    fs::create_directories(ready, ec);
    fs::rename(joined, ready / "knowledge.db", ec);
    if (!ec)
        fs::rename(ready, m_dir / sha256, ec);
    fs::remove_all(staging, ec);
    if (folderOf(sha256).empty())
        return error(500, "The knowledge base could not be moved into place.");
    return describe(sha256);
}

} // namespace flowdeck::runtime
