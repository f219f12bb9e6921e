#include "runtime/serve/secretbox.h"

#include <nlohmann/json.hpp>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

#include <cstdlib>
#include <memory>

namespace flowdeck::runtime {

namespace fs = std::filesystem;

std::string base64Encode(const std::string &bytes)
{
    std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
    const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char *>(out.data()),
                                  reinterpret_cast<const unsigned char *>(bytes.data()), static_cast<int>(bytes.size()));
    out.resize(static_cast<std::size_t>(n));
    return out;
}

std::optional<std::string> base64Decode(const std::string &text)
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

std::string randomToken(std::size_t bytes)
{
    std::string raw(bytes, '\0');
    RAND_bytes(reinterpret_cast<unsigned char *>(raw.data()), static_cast<int>(bytes));
    std::string text = base64Encode(raw);
    for (char &c : text)
        c = c == '+' ? '-' : c == '/' ? '_' : c;
    while (!text.empty() && text.back() == '=')
        text.pop_back();
    return text;
}

std::string sha256Hex(const std::string &text)
{
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char *>(text.data()), text.size(), digest);
    static const char *hex = "0123456789abcdef";
    std::string out;
    for (unsigned char b : digest) {
        out += hex[b >> 4];
        out += hex[b & 15];
    }
    return out;
}

bool constantTimeEqual(const std::string &a, const std::string &b)
{
    return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

bool SecretBox::open(const fs::path &dataDir, std::string &error)
{
    if (const char *env = std::getenv("FLOWDECK_SECRET_KEY"); env && *env) {
        auto key = base64Decode(env);
        if (!key || key->size() != 32) {
            error = "FLOWDECK_SECRET_KEY must be the base64 text of 32 random bytes (e.g. `openssl rand -base64 32`).";
            return false;
        }
        m_key = *key;
        return true;
    }
    const fs::path file = dataDir / "secret.key";
    if (auto text = readFile(file)) {
        auto key = base64Decode(std::string(text->substr(0, text->find_first_of("\r\n"))));
        if (!key || key->size() != 32) {
            error = file.string() + " does not hold a key (base64 of 32 bytes).";
            return false;
        }
        m_key = *key;
        return true;
    }
    std::string raw(32, '\0');
    RAND_bytes(reinterpret_cast<unsigned char *>(raw.data()), 32);
    if (!writeFileAtomically(file, base64Encode(raw) + "\n", error, 0600))
        return false;
    m_key = raw;
    return true;
}

std::string SecretBox::seal(const std::map<std::string, std::string> &values) const
{
    const std::string plain = nlohmann::json(values).dump();
    std::string iv(12, '\0'), tag(16, '\0'), cipher(plain.size() + 16, '\0');
    RAND_bytes(reinterpret_cast<unsigned char *>(iv.data()), 12);
    std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)> ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
    int n = 0, total = 0;
    EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, reinterpret_cast<const unsigned char *>(m_key.data()),
                       reinterpret_cast<const unsigned char *>(iv.data()));
    EVP_EncryptUpdate(ctx.get(), reinterpret_cast<unsigned char *>(cipher.data()), &n,
                      reinterpret_cast<const unsigned char *>(plain.data()), static_cast<int>(plain.size()));
    total = n;
    EVP_EncryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char *>(cipher.data()) + total, &n);
    total += n;
    cipher.resize(static_cast<std::size_t>(total));
    EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, 16, tag.data());
    return nlohmann::json{{"alg", "AES-256-GCM"}, {"iv", base64Encode(iv)}, {"tag", base64Encode(tag)},
                          {"data", base64Encode(cipher)}}
        .dump();
}

bool SecretBox::unseal(const std::string &sealed, std::map<std::string, std::string> &values) const
{
    const auto doc = nlohmann::json::parse(sealed, nullptr, false);
    if (!doc.is_object() || doc.value("alg", "") != "AES-256-GCM")
        return false;
    auto iv = base64Decode(doc.value("iv", "")), tag = base64Decode(doc.value("tag", "")),
         cipher = base64Decode(doc.value("data", ""));
    if (!iv || !tag || !cipher || iv->size() != 12 || tag->size() != 16)
        return false;
    std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)> ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
    std::string plain(cipher->size() + 16, '\0');
    int n = 0, total = 0;
    EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, reinterpret_cast<const unsigned char *>(m_key.data()),
                       reinterpret_cast<const unsigned char *>(iv->data()));
    EVP_DecryptUpdate(ctx.get(), reinterpret_cast<unsigned char *>(plain.data()), &n,
                      reinterpret_cast<const unsigned char *>(cipher->data()), static_cast<int>(cipher->size()));
    total = n;
    EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, 16, tag->data());
    if (EVP_DecryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char *>(plain.data()) + total, &n) != 1)
        return false;
    total += n;
    plain.resize(static_cast<std::size_t>(total));
    const auto parsed = nlohmann::json::parse(plain, nullptr, false);
    if (!parsed.is_object())
        return false;
    values.clear();
    for (const auto &[name, value] : parsed.items())
        if (value.is_string())
            values[name] = value.get<std::string>();
    return true;
}

} // namespace flowdeck::runtime
