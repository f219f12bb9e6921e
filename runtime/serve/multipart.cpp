// multipart/form-data (RFC 7578, RFC 2046 §5.1): the run API's file uploads.
#include "runtime/serve/multipart.h"

#include <algorithm>
#include <functional>
#include <map>

namespace flowdeck::runtime {

namespace {

constexpr std::size_t kMaxParts = 1000;
constexpr std::size_t kMaxPartHeaders = 8 * 1024;

std::string lower(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

std::string_view trim(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

// RFC 5987's ext-value ("UTF-8''%E5%8F%91%E7%A5%A8.pdf"): the percent-decoded text.
std::string extValue(std::string_view value)
{
    const auto quote = value.find("''");
    if (quote != std::string_view::npos)
        value.remove_prefix(quote + 2);
    std::string out;
    for (std::size_t i = 0; i < value.size(); ++i) {
        if (value[i] == '%' && i + 2 < value.size() && hexValue(value[i + 1]) >= 0 && hexValue(value[i + 2]) >= 0) {
            out += static_cast<char>(hexValue(value[i + 1]) * 16 + hexValue(value[i + 2]));
            i += 2;
        } else {
            out += value[i];
        }
    }
    return out;
}

// The value of a header and its parameters: `form-data; name="a"; filename="b"`.
struct HeaderValue {
    std::string value;                         // lower case
    std::map<std::string, std::string> params;  // names in lower case
};

HeaderValue parseHeaderValue(std::string_view text)
{
    HeaderValue out;
    std::size_t at = text.find(';');
    out.value = lower(trim(text.substr(0, at)));
    while (at != std::string_view::npos && at < text.size()) {
        ++at;  // past ';'
        while (at < text.size() && (text[at] == ' ' || text[at] == '\t'))
            ++at;
        const std::size_t eq = text.find('=', at);
        if (eq == std::string_view::npos)
            break;
        const std::string key = lower(trim(text.substr(at, eq - at)));
        std::string value;
        at = eq + 1;
        if (at < text.size() && text[at] == '"') {
            for (++at; at < text.size() && text[at] != '"'; ++at) {
                if (text[at] == '\\' && at + 1 < text.size())
                    ++at;
                value += text[at];
            }
            at = text.find(';', at);
        } else {
            const std::size_t end = text.find(';', at);
            value = std::string(trim(text.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at)));
            at = end;
        }
        out.params[key] = std::move(value);
    }
    return out;
}

} // namespace

bool isMultipartFormData(std::string_view contentType)
{
    return parseHeaderValue(contentType).value == "multipart/form-data";
}

std::optional<std::vector<MultipartPart>> parseMultipart(std::string_view body, std::string_view contentType,
                                                         std::string &error)
{
    const HeaderValue type = parseHeaderValue(contentType);
    const auto b = type.params.find("boundary");
    const std::string boundary = b == type.params.end() ? std::string() : b->second;
    if (boundary.empty() || boundary.size() > 70) {
        error = "The multipart/form-data body names no boundary (or one longer than 70 characters).";
        return std::nullopt;
    }
    const std::string delimiter = "--" + boundary;
    const std::string between = "\r\n" + delimiter;
    // Boyer-Moore: linear in the body, whatever bytes a file holds.
    const std::boyer_moore_searcher next(between.begin(), between.end());
    auto find = [&](std::size_t from) -> std::size_t {
        const auto it = std::search(body.begin() + static_cast<std::ptrdiff_t>(from), body.end(), next);
        return it == body.end() ? std::string_view::npos : static_cast<std::size_t>(it - body.begin());
    };

    std::size_t pos = 0;
    if (body.substr(0, delimiter.size()) != delimiter) {
        pos = find(0);  // a preamble before the first boundary is ignored
        if (pos == std::string_view::npos) {
            error = "The multipart/form-data body does not contain its boundary.";
            return std::nullopt;
        }
        pos += 2;
    }
    std::vector<MultipartPart> parts;
    for (;;) {
        pos += delimiter.size();
        if (body.substr(pos, 2) == "--")
            return parts;  // the closing delimiter; an epilogue after it is ignored
        while (pos < body.size() && (body[pos] == ' ' || body[pos] == '\t'))
            ++pos;
        if (body.substr(pos, 2) != "\r\n") {
            error = "The multipart/form-data body ends before its closing boundary.";
            return std::nullopt;
        }
        pos += 2;
        if (parts.size() == kMaxParts) {
            error = "The multipart/form-data body has more than " + std::to_string(kMaxParts) + " parts.";
            return std::nullopt;
        }
        const std::string number = std::to_string(parts.size() + 1);
        std::size_t dataStart = 0;
        std::string_view headers;
        if (body.substr(pos, 2) == "\r\n") {
            dataStart = pos + 2;
        } else {
            const std::size_t end = body.substr(0, std::min(body.size(), pos + kMaxPartHeaders + 4)).find("\r\n\r\n", pos);
            if (end == std::string_view::npos) {
                error = "The headers of part " + number + " of the multipart/form-data body never end.";
                return std::nullopt;
            }
            headers = body.substr(pos, end - pos);
            dataStart = end + 4;
        }
        const std::size_t dataEnd = find(dataStart);
        if (dataEnd == std::string_view::npos) {
            error = "The multipart/form-data body ends before its closing boundary.";
            return std::nullopt;
        }
        MultipartPart part;
        bool formData = false;
        for (std::size_t at = 0; at <= headers.size();) {
            const std::size_t end = std::min(headers.find("\r\n", at), headers.size());
            const std::string_view line = headers.substr(at, end - at);
            at = end + 2;
            const std::size_t colon = line.find(':');
            if (colon == std::string_view::npos)
                continue;
            const std::string name = lower(trim(line.substr(0, colon)));
            const HeaderValue value = parseHeaderValue(line.substr(colon + 1));
            if (name == "content-type") {
                part.contentType = value.value;
            } else if (name == "content-disposition" && value.value == "form-data") {
                formData = true;
                if (auto it = value.params.find("name"); it != value.params.end())
                    part.name = it->second;
                if (auto it = value.params.find("filename*"); it != value.params.end())
                    part.filename = extValue(it->second);
                else if (auto it = value.params.find("filename"); it != value.params.end())
                    part.filename = it->second;
            }
        }
        if (!formData || part.name.empty()) {
            error = "Part " + number + " of the multipart/form-data body has no name (Content-Disposition: form-data; name=\"...\").";
            return std::nullopt;
        }
        part.data = body.substr(dataStart, dataEnd - dataStart);
        parts.push_back(std::move(part));
        pos = dataEnd + 2;
    }
}

} // namespace flowdeck::runtime
