// References and templates (engine/workflow/reference.h): "text with {{node.output[0].x}}".
// The input is a template, optionally followed by a NUL byte and a JSON value that each
// reference's path is followed through. Writing the parsed template back (references
// trimmed, everything else as it was) must parse to the same segments.
#include "engine/core/jsonread.h"
#include "engine/workflow/reference.h"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

using namespace flowdeck::engine;

namespace {

bool samePath(const std::vector<PathStep> &a, const std::vector<PathStep> &b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].step != b[i].step)
            return false;
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view input(reinterpret_cast<const char *>(data), size);
    const auto nul = input.find('\0');
    const std::string_view text = input.substr(0, nul);
    nlohmann::json value;
    if (nul != std::string_view::npos)
        value = parseJson(input.substr(nul + 1));

    const ParsedTemplate parsed = parseTemplate(text);
    std::string written;
    for (const auto &segment : parsed.segments) {
        if (!segment.isReference) {
            written += segment.literal;
            continue;
        }
        const Reference &ref = segment.reference;
        written += "{{" + ref.text + "}}";
        const auto again = parseReference(ref.text);
        if (!again || again->root != ref.root || again->kind != ref.kind || !samePath(again->path, ref.path))
            std::abort();  // a reference the parser accepted does not read back the same
        if (!value.is_discarded()) {
            followPath(value, ref.path);
            followPath(value, ref.path, 1);
        }
        (void)ref.firstKey();
    }
    const ParsedTemplate reread = parseTemplate(written);
    if (reread.segments.size() != parsed.segments.size() || reread.problems.size() != parsed.problems.size())
        std::abort();
    for (std::size_t i = 0; i < parsed.segments.size(); ++i) {
        const auto &a = parsed.segments[i], &b = reread.segments[i];
        if (a.isReference != b.isReference || a.literal != b.literal || a.reference.text != b.reference.text)
            std::abort();
    }
    if (!value.is_discarded()) {
        std::size_t strings = 0;
        forEachString(value, "config", [&strings](const std::string &, const std::string &s) {
            strings += parseTemplate(s).segments.size();
        });
    }
    return 0;
}
