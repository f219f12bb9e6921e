#include "engine/net/addressallowlist.h"

#include <arpa/inet.h>

#include <charconv>
#include <cstring>

namespace flowdeck::engine {

namespace {

// The address in `text` as 4 (IPv4, or IPv4-mapped IPv6) or 16 bytes; false if not an address.
bool parseAddress(const std::string &text, bool &v6, std::array<std::uint8_t, 16> &bytes)
{
    bytes.fill(0);
    in_addr a4{};
    if (inet_pton(AF_INET, text.c_str(), &a4) == 1) {
        v6 = false;
        std::memcpy(bytes.data(), &a4, 4);
        return true;
    }
    in6_addr a6{};
    if (inet_pton(AF_INET6, text.c_str(), &a6) != 1)
        return false;
    static const std::uint8_t mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    if (std::memcmp(a6.s6_addr, mapped, 12) == 0) {
        v6 = false;
        std::memcpy(bytes.data(), a6.s6_addr + 12, 4);
        return true;
    }
    v6 = true;
    std::memcpy(bytes.data(), a6.s6_addr, 16);
    return true;
}

bool samePrefix(const std::array<std::uint8_t, 16> &a, const std::array<std::uint8_t, 16> &b, int bits)
{
    int i = 0;
    for (; bits >= 8; bits -= 8, ++i)
        if (a[i] != b[i])
            return false;
    if (bits == 0)
        return true;
    const auto mask = static_cast<std::uint8_t>(0xff << (8 - bits));
    return (a[i] & mask) == (b[i] & mask);
}

} // namespace

bool AddressAllowList::add(const std::string &entry, std::string *error)
{
    const auto slash = entry.find('/');
    const std::string address = entry.substr(0, slash);
    Range r;
    if (!parseAddress(address, r.v6, r.bytes)) {
        if (error)
            *error = "'" + entry + "' is not an IP address or a range like 10.1.0.0/16 or fd00::/8";
        return false;
    }
    const int maxBits = r.v6 ? 128 : 32;
    r.prefix = maxBits;
    if (slash != std::string::npos) {
        const std::string bits = entry.substr(slash + 1);
        int value = -1;
        auto [end, ec] = std::from_chars(bits.data(), bits.data() + bits.size(), value);
        if (bits.empty() || ec != std::errc() || end != bits.data() + bits.size() || value < 0 || value > maxBits) {
            if (error)
                *error = "'" + entry + "' has a prefix length that is not a number from 0 to " + std::to_string(maxBits);
            return false;
        }
        r.prefix = value;
    }
    m_ranges.push_back(r);
    return true;
}

bool AddressAllowList::contains(const std::string &ip) const
{
    bool v6 = false;
    std::array<std::uint8_t, 16> bytes{};
    if (!parseAddress(ip, v6, bytes))
        return false;
    for (const Range &r : m_ranges)
        if (r.v6 == v6 && samePrefix(r.bytes, bytes, r.prefix))
            return true;
    return false;
}

} // namespace flowdeck::engine
