#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace flowdeck::engine {

// Private, loopback or link-local addresses an operator lets a deployed runtime's
// workflows reach although its network policy blocks such addresses: single addresses
// ("10.1.2.3", "fd00::5") and ranges in CIDR notation ("10.1.0.0/16", "fd00::/8").
// IPv4-mapped IPv6 addresses match the IPv4 entries.
class AddressAllowList {
public:
    // Adds one entry; false with `error` (naming the entry) when it is not an address or range.
    bool add(const std::string &entry, std::string *error);
    bool contains(const std::string &ip) const;
    bool empty() const { return m_ranges.empty(); }

private:
    struct Range {
        bool v6 = false;
        std::array<std::uint8_t, 16> bytes{};
        int prefix = 0;
    };
    std::vector<Range> m_ranges;
};

} // namespace flowdeck::engine
