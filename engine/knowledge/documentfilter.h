#pragma once

#include "engine/knowledge/searchrequest.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace flowdeck::engine {

// A search's filters applied to one document, saying why it is left out.
class DocumentFilter {
public:
    explicit DocumentFilter(SearchFilters filters) : m_filters(std::move(filters)) {}

    bool empty() const { return m_filters.empty(); }
    // Empty when the document passes; else the reason, e.g. "filtered out: type pdf not in [docx]".
    std::optional<std::string> rejection(const std::string &path, const std::string &type,
                                         const std::vector<std::string> &tags, std::int64_t addedAt) const;

    // `*` any run of characters, `?` one; ASCII letters match either case.
    static bool globMatches(std::string_view pattern, std::string_view text);

private:
    SearchFilters m_filters;
};

} // namespace flowdeck::engine
