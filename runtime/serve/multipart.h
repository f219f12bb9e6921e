#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace flowdeck::runtime {

// One part of a multipart/form-data body (RFC 7578).
struct MultipartPart {
    std::string name;                     // the form field
    std::optional<std::string> filename;  // set when the part is a file (may be empty)
    std::string contentType;              // the part's Content-Type, lower case, without parameters
    std::string_view data;                // into the body given to parseMultipart
};

// Whether a Content-Type header names multipart/form-data.
bool isMultipartFormData(std::string_view contentType);

// Splits a multipart/form-data body. A body that does not follow the format (no or a bad
// boundary, a part without a name, headers that never end, more than 1,000 parts) gives
// nullopt and `error` says what is wrong, for a 400 answer.
std::optional<std::vector<MultipartPart>> parseMultipart(std::string_view body, std::string_view contentType,
                                                         std::string &error);

} // namespace flowdeck::runtime
