#include "runtime/serve/secretbox.h"
#include "engine/core/jsonaccess.h"
#include "engine/core/jsonread.h"

#include <nlohmann/json.hpp>
#include <openssl/evp.h>

#include <cstdlib>
#include <memory>

namespace flowdeck::runtime {

namespace fs = std::filesystem;

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
    const std::string raw = engine::randomBytes(32);
    if (!writeFileAtomically(file, base64Encode(raw) + "\n", error, 0600))
        return false;
    m_key = raw;
    return true;
}

std::string SecretBox::seal(const std::map<std::string, std::string> &values) const
{
    const std::string plain = nlohmann::json(values).dump();
    const std::string iv = engine::randomBytes(12);
    std::string tag(16, '\0'), cipher(plain.size() + 16, '\0');
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
    const auto doc = engine::parseJson(sealed);
    if (!doc.is_object() || engine::valueOr(doc, "alg", "") != "AES-256-GCM")
        return false;
    auto iv = base64Decode(engine::valueOr(doc, "iv", "")), tag = base64Decode(engine::valueOr(doc, "tag", "")),
         cipher = base64Decode(engine::valueOr(doc, "data", ""));
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
    const auto parsed = engine::parseJson(plain);
    if (!parsed.is_object())
        return false;
    values.clear();
    for (const auto &[name, value] : parsed.items())
        if (value.is_string())
            values[name] = value.get<std::string>();
    return true;
}

} // namespace flowdeck::runtime
