#pragma once

#include "engine/guard/guardfinding.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace flowdeck::engine {

// Links in text checked against an allow-list (category "disallowed_url", label the host).
// It finds URLs with a scheme ("https://host/…"), "www." names and bare host names whose
// last label is a known top-level domain ("example.com/docs"); e-mail addresses are not links.
class UrlCheck {
public:
    struct AllowedHost {
        std::string host;       // lower case, no trailing dot
        bool subdomains = false;  // "*.example.com": any name under example.com, and example.com
    };

    // "example.com" (also www.example.com), "*.example.com", or a URL whose host is taken
    // ("https://example.com/docs"). Nothing when the entry is not a host name.
    static std::optional<AllowedHost> parseAllowEntry(std::string_view entry);

    explicit UrlCheck(std::vector<AllowedHost> allowed) : m_allowed(std::move(allowed)) {}
    bool allows(std::string_view host) const;
    void find(std::string_view text, GuardFindings &out) const;

private:
    std::vector<AllowedHost> m_allowed;
};

} // namespace flowdeck::engine
