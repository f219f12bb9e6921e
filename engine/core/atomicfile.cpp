#include "engine/core/atomicfile.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

namespace flowdeck::engine {

bool writeFileAtomically(const std::filesystem::path &path, const std::string &content, std::string &error, unsigned mode)
{
    std::filesystem::path temp = path;
    temp += ".tmp-" + std::to_string(::getpid());
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
    if (fd < 0) {
        error = std::strerror(errno);
        return false;
    }
    auto fail = [&](int err) {
        error = std::strerror(err);
        ::unlink(temp.c_str());
        return false;
    };
    for (std::size_t done = 0; done < content.size();) {
        const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0) {
            const int err = errno;
            ::close(fd);
            return fail(err);
        }
        done += static_cast<std::size_t>(n);
    }
    ::fchmod(fd, mode);
    if (::fsync(fd) != 0) {
        const int err = errno;
        ::close(fd);
        return fail(err);
    }
    if (::close(fd) != 0 || ::rename(temp.c_str(), path.c_str()) != 0)
        return fail(errno);
    // The rename itself is made durable by syncing the folder.
    const std::filesystem::path dir = path.parent_path().empty() ? "." : path.parent_path();
    if (const int d = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); d >= 0) {
        ::fsync(d);
        ::close(d);
    }
    return true;
}

std::optional<std::string> readWholeFile(const std::filesystem::path &path)
{
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in)
        return std::nullopt;
    const std::streamoff size = in.tellg();
    if (size > 0) {  // a regular file: one read into a buffer of the right size
        std::string text(static_cast<std::size_t>(size), '\0');
        in.seekg(0);
        if (!in.read(text.data(), size))
            return std::nullopt;
        return text;
    }
    // A pipe, /proc, or an empty file: the size is not known in advance.
    in.clear();
    in.seekg(0);
    std::string text;
    char chunk[65536];
    while (in.read(chunk, sizeof chunk) || in.gcount() > 0)
        text.append(chunk, static_cast<std::size_t>(in.gcount()));
    return text;
}

} // namespace flowdeck::engine
