// The run API's multipart/form-data reader (runtime/serve/multipart.h). The input's first
// line is the Content-Type header, the rest the body; the parts must lie inside the body
// and have names, and a refusal must say why.
#include "runtime/serve/multipart.h"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

using namespace flowdeck::runtime;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char *>(data), size);
    const std::size_t line = text.find('\n');
    const std::string contentType = line == std::string::npos ? "multipart/form-data; boundary=xyz" : text.substr(0, line);
    const std::string body = line == std::string::npos ? text : text.substr(line + 1);
    if (!isMultipartFormData(contentType))
        return 0;
    std::string error;
    const auto parts = parseMultipart(body, contentType, error);
    if (!parts) {
        if (error.empty())
            std::abort();
        return 0;
    }
    for (const MultipartPart &part : *parts) {
        if (part.name.empty())
            std::abort();
        if (part.data.data() < body.data() || part.data.data() + part.data.size() > body.data() + body.size())
            std::abort();
    }
    return 0;
}
