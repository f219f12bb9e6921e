#include "engine/core/tokens.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

#include <algorithm>
#include <cstring>

namespace flowdeck::engine {

std::string base64Encode(std::string_view bytes)
{
    std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
    const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char *>(out.data()),
                                  reinterpret_cast<const unsigned char *>(bytes.data()), static_cast<int>(bytes.size()));
    out.resize(static_cast<std::size_t>(n));
    return out;
}

std::string base64UrlEncode(std::string_view bytes)
{
    std::string out = base64Encode(bytes);
    std::replace(out.begin(), out.end(), '+', '-');
    std::replace(out.begin(), out.end(), '/', '_');
    out.erase(out.find_last_not_of('=') + 1);
    return out;
}

std::optional<std::string> base64Decode(std::string_view text)
{
    if (text.size() % 4 != 0)
        return std::nullopt;
    std::string out(3 * text.size() / 4 + 1, '\0');
    const int n = EVP_DecodeBlock(reinterpret_cast<unsigned char *>(out.data()),
                                  reinterpret_cast<const unsigned char *>(text.data()), static_cast<int>(text.size()));
    if (n < 0)
        return std::nullopt;
    std::size_t size = static_cast<std::size_t>(n);
    for (std::size_t i = text.size(); i > 0 && text[i - 1] == '='; --i)
        --size;  // EVP_DecodeBlock counts the padding
    out.resize(size);
    return out;
}

namespace {

void fill(unsigned char *out, std::size_t bytes)
{
    if (bytes > 0 && RAND_bytes(out, static_cast<int>(bytes)) != 1)
        RAND_priv_bytes(out, static_cast<int>(bytes));
}

} // namespace

std::string randomBytes(std::size_t bytes)
{
    std::string raw(bytes, '\0');
    // Small requests (a run id per run) come from a per-thread pool of generator output,
    // refilled 4 KiB at a time: one RAND_bytes call costs about 3 µs, a lock included.
    constexpr std::size_t kPool = 4096;
    thread_local unsigned char pool[kPool];
    thread_local std::size_t left = 0;
    if (bytes > 64) {
        fill(reinterpret_cast<unsigned char *>(raw.data()), bytes);
        return raw;
    }
    if (left < bytes) {
        fill(pool, kPool);
        left = kPool;
    }
    std::memcpy(raw.data(), pool + kPool - left, bytes);
    std::memset(pool + kPool - left, 0, bytes);  // handed out once only
    left -= bytes;
    return raw;
}

std::string randomToken(std::size_t bytes) { return base64UrlEncode(randomBytes(bytes)); }

std::string randomHexId(std::string_view prefix)
{
    static const char *hex = "0123456789abcdef";
    std::string id(prefix);
    for (unsigned char b : randomBytes(16)) {
        id += hex[b >> 4];
        id += hex[b & 15];
    }
    return id;
}

std::string sha256(std::string_view text)
{
    std::string digest(SHA256_DIGEST_LENGTH, '\0');
    SHA256(reinterpret_cast<const unsigned char *>(text.data()), text.size(),
           reinterpret_cast<unsigned char *>(digest.data()));
    return digest;
}

std::string sha256Hex(std::string_view text)
{
    static const char *hex = "0123456789abcdef";
    std::string out;
    for (unsigned char b : sha256(text)) {
        out += hex[b >> 4];
        out += hex[b & 15];
    }
    return out;
}

bool constantTimeEqual(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

} // namespace flowdeck::engine
