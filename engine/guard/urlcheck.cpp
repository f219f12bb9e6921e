#include "engine/guard/urlcheck.h"

#include <algorithm>
#include <array>

namespace flowdeck::engine {

namespace {

bool isAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool isAsciiLetterOrDigit(char c) { return isAsciiLetter(c) || (c >= '0' && c <= '9'); }
bool isHostChar(char c) { return isAsciiLetterOrDigit(c) || c == '.' || c == '-' || c == '_'; }
// What may follow a host in a link: a path, a query, a fragment (ASCII, no spaces or quotes).
bool isPathChar(char c)
{
    return c > 0x20 && c < 0x7F && c != '"' && c != '\'' && c != '<' && c != '>' && c != '`' && c != '\\';
}

std::string lower(std::string_view s)
{
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// Top-level domains a bare name must end in to count as a host. Left out on purpose: those
// that read as file extensions or code ("notes.md", "main.py", "user.id", "log.info",
// "self.name", "this.app"); links with a scheme or "www." are found whatever their domain.
constexpr std::array kTopLevelDomains = {
    "com", "net", "org", "edu", "gov", "mil", "int", "biz", "pro", "io", "ai", "co", "me", "tv", "cc", "dev", "xyz",
    "top", "site", "online", "shop", "tech", "cloud", "club", "vip", "live", "news", "click", "fun", "icu", "ltd",
    "work", "wang", "ink", "art", "blog", "space", "website", "asia", "mobi", "tel", "cn", "hk", "tw", "mo", "jp", "kr",
    "sg", "th", "vn", "ph", "uk", "us", "ca", "au", "nz", "de", "fr", "es", "it", "nl", "be", "ch", "at", "se", "no",
    "dk", "fi", "pl", "cz", "ru", "ua", "br", "mx", "ar", "za", "eu", "tk", "ml", "ga", "cf", "gq", "to", "ws", "su",
    "ir", "tr", "il", "ae", "sa", "xn--fiqs8s", "xn--55qx5d", "xn--io0a7i"};

bool knownTopLevel(std::string_view tld)
{
    const std::string t = lower(tld);
    return std::find(kTopLevelDomains.begin(), kTopLevelDomains.end(), t) != kTopLevelDomains.end();
}

// Whether `host` is a dotted name of non-empty labels ending in letters (or an IPv4 address).
bool isHostName(std::string_view host)
{
    if (host.empty() || host.size() > 253 || host.front() == '.' || host.back() == '.' || host.front() == '-' ||
        host.find("..") != std::string_view::npos)
        return false;
    return std::all_of(host.begin(), host.end(), isHostChar);
}

std::string trimmedHost(std::string_view host)
{
    while (!host.empty() && (host.back() == '.' || host.back() == '-'))
        host.remove_suffix(1);
    return lower(host);
}

struct Link {
    std::size_t start;
    std::size_t end;
    std::string host;
};

// The end of the link's path: path characters, less the punctuation that ends a sentence.
std::size_t pathEnd(std::string_view text, std::size_t from)
{
    std::size_t end = from;
    while (end < text.size() && isPathChar(text[end]))
        ++end;
    while (end > from && std::string_view(".,;:!?)]}").find(text[end - 1]) != std::string_view::npos)
        --end;
    return end;
}

void schemeLinks(std::string_view text, std::vector<Link> &links)
{
    for (std::size_t at = text.find("://"); at != std::string_view::npos; at = text.find("://", at + 3)) {
        std::size_t start = at;
        while (start > 0 && (isAsciiLetterOrDigit(text[start - 1]) || text[start - 1] == '+' || text[start - 1] == '.' || text[start - 1] == '-'))
            --start;
        while (start < at && !isAsciiLetter(text[start]))
            ++start;
        if (start == at)
            continue;
        std::size_t hostStart = at + 3;
        std::size_t authorityEnd = hostStart;
        while (authorityEnd < text.size() && isPathChar(text[authorityEnd]) &&
               std::string_view("/?#").find(text[authorityEnd]) == std::string_view::npos)
            ++authorityEnd;
        const std::string_view authority = text.substr(hostStart, authorityEnd - hostStart);
        const std::size_t userEnd = authority.rfind('@');
        std::string_view host = userEnd == std::string_view::npos ? authority : authority.substr(userEnd + 1);
        if (!host.empty() && host.front() == '[') {
            host = host.substr(1, host.find(']') == std::string_view::npos ? host.size() - 1 : host.find(']') - 1);
        } else {
            std::size_t k = 0;
            while (k < host.size() && isHostChar(host[k]))
                ++k;
            host = host.substr(0, k);
        }
        const std::string name = trimmedHost(host);
        if (name.empty())
            continue;
        links.push_back({start, pathEnd(text, authorityEnd), name});
    }
}

// Whether `pos` is inside one of `links` (sorted by start, not overlapping).
bool covered(const std::vector<Link> &links, std::size_t pos)
{
    auto it = std::upper_bound(links.begin(), links.end(), pos, [](std::size_t p, const Link &l) { return p < l.start; });
    return it != links.begin() && pos < std::prev(it)->end;
}

void bareLinks(std::string_view text, const std::vector<Link> &withScheme, std::vector<Link> &links)
{
    for (std::size_t dot = text.find('.'); dot != std::string_view::npos; dot = text.find('.', dot + 1)) {
        if (dot == 0 || dot + 1 >= text.size() || !isAsciiLetterOrDigit(text[dot - 1]) || !isAsciiLetterOrDigit(text[dot + 1]))
            continue;
        std::size_t start = dot;
        while (start > 0 && isHostChar(text[start - 1]))
            --start;
        std::size_t end = dot;
        while (end < text.size() && isHostChar(text[end]))
            ++end;
        const std::size_t next = end;
        while (end > start && (text[end - 1] == '.' || text[end - 1] == '-'))
            --end;
        // Part of an e-mail address, a URL already found, or a path ("/docs/a.html"): not a host of its own.
        const bool partOfSomething =
            (start > 0 && (text[start - 1] == '@' || text[start - 1] == '/')) || covered(withScheme, start);
        const std::string_view host = text.substr(start, end - start);
        dot = next;
        if (partOfSomething || !isHostName(host))
            continue;
        const std::size_t lastDot = host.rfind('.');
        const std::string_view tld = host.substr(lastDot + 1);
        const bool www = lower(host.substr(0, 4)) == "www.";
        if (!std::all_of(tld.begin(), tld.end(), isAsciiLetter) || (!www && !knownTopLevel(tld)))
            continue;
        const std::size_t linkEnd = end < text.size() && (text[end] == '/' || text[end] == ':') ? pathEnd(text, end) : end;
        links.push_back({start, linkEnd, trimmedHost(host)});
        if (dot < linkEnd)
            dot = linkEnd;
    }
}

} // namespace

std::optional<UrlCheck::AllowedHost> UrlCheck::parseAllowEntry(std::string_view entry)
{
    while (!entry.empty() && (entry.front() == ' ' || entry.front() == '\t'))
        entry.remove_prefix(1);
    while (!entry.empty() && (entry.back() == ' ' || entry.back() == '\t'))
        entry.remove_suffix(1);
    if (const std::size_t scheme = entry.find("://"); scheme != std::string_view::npos)
        entry.remove_prefix(scheme + 3);
    if (const std::size_t path = entry.find_first_of("/?#"); path != std::string_view::npos)
        entry = entry.substr(0, path);
    if (const std::size_t at = entry.rfind('@'); at != std::string_view::npos)
        entry.remove_prefix(at + 1);
    if (const std::size_t port = entry.find(':'); port != std::string_view::npos)
        entry = entry.substr(0, port);
    AllowedHost allowed;
    if (entry.starts_with("*.")) {
        allowed.subdomains = true;
        entry.remove_prefix(2);
    }
    if (!entry.empty() && entry.back() == '.')
        entry.remove_suffix(1);
    if (!isHostName(entry))
        return std::nullopt;
    allowed.host = lower(entry);
    return allowed;
}

bool UrlCheck::allows(std::string_view host) const
{
    const std::string h = trimmedHost(host);
    return std::any_of(m_allowed.begin(), m_allowed.end(), [&](const AllowedHost &a) {
        if (h == a.host)
            return true;
        if (a.subdomains)
            return h.size() > a.host.size() + 1 && h.ends_with(a.host) && h[h.size() - a.host.size() - 1] == '.';
        return h == "www." + a.host;
    });
}

void UrlCheck::find(std::string_view text, GuardFindings &out) const
{
    std::vector<Link> links;
    schemeLinks(text, links);
    const std::vector<Link> withScheme = links;
    bareLinks(text, withScheme, links);
    std::sort(links.begin(), links.end(), [](const Link &a, const Link &b) { return a.start < b.start; });
    for (const Link &link : links) {
        if (allows(link.host))
            continue;
        GuardFinding f;
        f.check = "url";
        f.category = "disallowed_url";
        f.type = "url";
        f.severity = "medium";
        f.start = link.start;
        f.end = link.end;
        f.label = link.host;
        out.push_back(std::move(f));
    }
}

} // namespace flowdeck::engine
