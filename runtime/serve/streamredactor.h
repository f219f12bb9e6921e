#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace flowdeck::runtime {

// Replaces secret values in text that arrives in pieces (a streamed answer), so a secret
// split across two pieces is still caught: the tail of what has arrived that could be
// the beginning of a secret is held back until the next piece shows whether it is one.
// Nothing is held back longer than the longest secret minus one character.
class StreamRedactor {
public:
    explicit StreamRedactor(const std::vector<std::string> *secrets) : m_secrets(secrets) {}

    // What may be sent now of everything pushed so far (possibly empty).
    std::string push(std::string_view piece);
    // The rest, at the end of the stream.
    std::string finish();
    bool holding() const { return !m_held.empty(); }

private:
    const std::vector<std::string> *m_secrets;
    std::string m_held;
};

// `text` with every one of `secrets` replaced by "[secret]".
std::string redactSecrets(std::string text, const std::vector<std::string> &secrets);

} // namespace flowdeck::runtime
