// The model stream parser (engine/model/sseparser.h). The first byte chooses how the
// rest, a text/event-stream, is cut into the pieces the parser is fed (0: a byte at a
// time, n: pieces of 1 to n+1 bytes); the events must be the same as when the stream
// comes in one piece.
#include "engine/model/sseparser.h"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace {

using flowdeck::engine::SseParser;

struct Heard {
    std::vector<SseParser::Event> events;
    long retryMs = -1;
    std::string lastEventId;
    std::string overflow;
};

bool same(const Heard &a, const Heard &b)
{
    if (a.events.size() != b.events.size() || a.retryMs != b.retryMs || a.lastEventId != b.lastEventId ||
        a.overflow != b.overflow)
        return false;
    for (std::size_t i = 0; i < a.events.size(); ++i) {
        const auto &x = a.events[i], &y = b.events[i];
        if (x.event != y.event || x.data != y.data || x.id != y.id)
            return false;
    }
    return true;
}

template <typename Feed>
Heard parse(Feed feed)
{
    Heard heard;
    SseParser parser([&heard](const SseParser::Event &e) { heard.events.push_back(e); });
    feed(parser);
    parser.finish();
    heard.retryMs = parser.retryMs();
    heard.lastEventId = parser.lastEventId();
    heard.overflow = parser.overflow();
    return heard;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    const unsigned cut = data[0];
    const std::string_view stream(reinterpret_cast<const char *>(data + 1), size - 1);

    const Heard whole = parse([&](SseParser &p) { p.feed(stream); });
    const Heard pieces = parse([&](SseParser &p) {
        std::uint32_t state = cut * 2654435761u + 1;
        for (std::size_t at = 0; at < stream.size();) {
            state = state * 1664525u + 1013904223u;
            const std::size_t n = 1 + (state >> 8) % (cut + 1);
            p.feed(stream.substr(at, n));
            at += n;
        }
    });
    if (!same(whole, pieces))
        std::abort();  // how the bytes were cut changed what was heard
    return 0;
}
