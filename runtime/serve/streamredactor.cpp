#include "runtime/serve/streamredactor.h"

#include <algorithm>
#include <utility>

namespace flowdeck::runtime {

std::string redactSecrets(std::string text, const std::vector<std::string> &secrets)
{
    for (const auto &value : secrets) {
        if (value.empty())
            continue;
        for (std::size_t at = text.find(value); at != std::string::npos; at = text.find(value, at + 8))
            text.replace(at, value.size(), "[secret]");
    }
    return text;
}

std::string StreamRedactor::push(std::string_view piece)
{
    m_held.append(piece);
    if (!m_secrets || m_secrets->empty())
        return std::exchange(m_held, {});
    m_held = redactSecrets(std::move(m_held), *m_secrets);
    // The longest tail that is the beginning of a secret (but not all of it) waits.
    std::size_t keep = 0;
    for (const auto &secret : *m_secrets) {
        const std::size_t most = std::min(m_held.size(), secret.size() > 0 ? secret.size() - 1 : 0);
        // Only where the secret's first character stands can a match begin.
        for (std::size_t k = most; k > keep; --k) {
            const std::size_t at = m_held.size() - k;
            if (m_held[at] != secret[0])
                continue;
            if (std::string_view(m_held).substr(at) == std::string_view(secret).substr(0, k)) {
                keep = k;
                break;
            }
        }
    }
    std::string ready = m_held.substr(0, m_held.size() - keep);
    m_held.erase(0, m_held.size() - keep);
    return ready;
}

std::string StreamRedactor::finish()
{
    std::string rest = m_secrets ? redactSecrets(std::move(m_held), *m_secrets) : std::move(m_held);
    m_held.clear();
    return rest;
}

} // namespace flowdeck::runtime
