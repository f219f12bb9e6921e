#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace flowdeck::engine::docparse {

// Entries of a zip archive (Office files), read with minizip from memory or a file. The
// bytes inflated from all entries together may not pass `maxUnpackedBytes`: the count
// is kept while inflating, whatever sizes the headers declare (a zip bomb stops there).
class ZipReader {
public:
    enum class Error { None, NotZip, Missing, Damaged, Encrypted, TooLarge };

    // Null when the bytes are not a zip archive. `bytes` must outlive the reader.
    static std::unique_ptr<ZipReader> fromMemory(std::string_view bytes, std::uint64_t maxUnpackedBytes);
    static std::unique_ptr<ZipReader> fromFile(const std::filesystem::path &path, std::uint64_t maxUnpackedBytes);
    ~ZipReader();
    ZipReader(const ZipReader &) = delete;
    ZipReader &operator=(const ZipReader &) = delete;

    bool contains(const std::string &entry);
    // The entry's bytes; empty optional when it cannot be read, and error() says why.
    std::optional<std::string> read(const std::string &entry);
    Error error() const { return m_error; }

private:
    struct Memory;
    ZipReader(void *handle, std::unique_ptr<Memory> memory, std::uint64_t maxUnpackedBytes);

    void *m_handle;  // unzFile
    std::unique_ptr<Memory> m_memory;
    std::uint64_t m_budget;  // bytes that may still be inflated
    Error m_error = Error::None;
};

} // namespace flowdeck::engine::docparse
