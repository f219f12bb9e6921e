#include "engine/knowledge/parse/zipreader.h"

#include <minizip/unzip.h>

#include <algorithm>
#include <cstring>

namespace flowdeck::engine::docparse {

// minizip's file functions over a buffer in memory.
struct ZipReader::Memory {
    std::string_view bytes;
    std::uint64_t position = 0;

    static voidpf open(voidpf opaque, const void *, int mode)
    {
        return (mode & ZLIB_FILEFUNC_MODE_WRITE) ? nullptr : opaque;
    }
    static uLong read(voidpf, voidpf stream, void *buffer, uLong size)
    {
        auto *m = static_cast<Memory *>(stream);
        if (m->position >= m->bytes.size())
            return 0;
        const auto n = std::min<std::uint64_t>(size, m->bytes.size() - m->position);
        std::memcpy(buffer, m->bytes.data() + m->position, n);
        m->position += n;
        return uLong(n);
    }
    static uLong write(voidpf, voidpf, const void *, uLong) { return 0; }
    static ZPOS64_T tell(voidpf, voidpf stream) { return static_cast<Memory *>(stream)->position; }
    static long seek(voidpf, voidpf stream, ZPOS64_T offset, int origin)
    {
        auto *m = static_cast<Memory *>(stream);
        std::uint64_t base = 0;
        if (origin == ZLIB_FILEFUNC_SEEK_CUR)
            base = m->position;
        else if (origin == ZLIB_FILEFUNC_SEEK_END)
            base = m->bytes.size();
        if (offset > m->bytes.size() || base + offset > m->bytes.size())
            return -1;
        m->position = base + offset;
        return 0;
    }
    static int close(voidpf, voidpf) { return 0; }
    static int testError(voidpf, voidpf) { return 0; }
};

ZipReader::ZipReader(void *handle, std::unique_ptr<Memory> memory, std::uint64_t maxUnpackedBytes)
    : m_handle(handle), m_memory(std::move(memory)), m_budget(maxUnpackedBytes)
{
}

ZipReader::~ZipReader()
{
    unzClose(m_handle);
}

std::unique_ptr<ZipReader> ZipReader::fromMemory(std::string_view bytes, std::uint64_t maxUnpackedBytes)
{
    auto memory = std::make_unique<Memory>();
    memory->bytes = bytes;
    zlib_filefunc64_def functions{};
    functions.zopen64_file = &Memory::open;
    functions.zread_file = &Memory::read;
    functions.zwrite_file = &Memory::write;
    functions.ztell64_file = &Memory::tell;
    functions.zseek64_file = &Memory::seek;
    functions.zclose_file = &Memory::close;
    functions.zerror_file = &Memory::testError;
    functions.opaque = memory.get();
    unzFile handle = unzOpen2_64("memory", &functions);
    if (!handle)
        return nullptr;
    return std::unique_ptr<ZipReader>(new ZipReader(handle, std::move(memory), maxUnpackedBytes));
}

std::unique_ptr<ZipReader> ZipReader::fromFile(const std::filesystem::path &path, std::uint64_t maxUnpackedBytes)
{
    unzFile handle = unzOpen64(path.c_str());
    if (!handle)
        return nullptr;
    return std::unique_ptr<ZipReader>(new ZipReader(handle, nullptr, maxUnpackedBytes));
}

bool ZipReader::contains(const std::string &entry)
{
    return unzLocateFile(m_handle, entry.c_str(), 2) == UNZ_OK;  // 2: names compared without case
}

std::optional<std::string> ZipReader::read(const std::string &entry)
{
    m_error = Error::None;
    if (unzLocateFile(m_handle, entry.c_str(), 2) != UNZ_OK) {
        m_error = Error::Missing;
        return std::nullopt;
    }
    unz_file_info64 info{};
    if (unzGetCurrentFileInfo64(m_handle, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK) {
        m_error = Error::Damaged;
        return std::nullopt;
    }
    if (info.flag & 1) {
        m_error = Error::Encrypted;
        return std::nullopt;
    }
    if (unzOpenCurrentFile(m_handle) != UNZ_OK) {
        m_error = Error::Damaged;
        return std::nullopt;
    }
    std::string out;
    // The declared size is only a hint for the first allocation.
    out.reserve(std::size_t(std::min<std::uint64_t>({info.uncompressed_size, m_budget, 16u << 20})));
    char buffer[64 * 1024];
    int n;
    while ((n = unzReadCurrentFile(m_handle, buffer, sizeof buffer)) > 0) {
        if (std::uint64_t(n) > m_budget) {
            unzCloseCurrentFile(m_handle);
            m_error = Error::TooLarge;
            return std::nullopt;
        }
        m_budget -= std::uint64_t(n);
        out.append(buffer, std::size_t(n));
    }
    const int closed = unzCloseCurrentFile(m_handle);
    if (n < 0 || closed != UNZ_OK) {
        m_error = Error::Damaged;
        return std::nullopt;
    }
    return out;
}

} // namespace flowdeck::engine::docparse
