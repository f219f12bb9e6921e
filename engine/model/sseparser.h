#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace flowdeck::engine {

// Incremental text/event-stream parser (WHATWG HTML §9.2): takes bytes as they come,
// in pieces of any size, and reports whole events. Comments (":" lines, used as
// keep-alives) are skipped; CR, LF and CRLF all end lines; multi-line data is joined
// with "\n".
class SseParser {
public:
    struct Event {
        std::string event;  // "message" when not named
        std::string data;
        std::string id;  // the stream's last event id when this event came
    };
    using Handler = std::function<void(const Event &)>;

    explicit SseParser(Handler handler) : m_handler(std::move(handler)) {}

    void feed(std::string_view bytes);
    // The stream ended: dispatch an event that lacked its closing blank line.
    void finish();
    std::size_t bufferedBytes() const { return m_line.size(); }
    // A line longer than kMaxLineBytes or an event larger than kMaxEventBytes stops the
    // parser: nothing more is reported, and overflow() says what happened.
    static constexpr std::size_t kMaxLineBytes = 8 * 1024 * 1024;
    static constexpr std::size_t kMaxEventBytes = 16 * 1024 * 1024;
    const std::string &overflow() const { return m_overflow; }
    // The last "retry:" the stream sent, in milliseconds; -1 if none.
    long retryMs() const { return m_retryMs; }
    // The last event id the stream set (it lasts across events, as the standard says).
    const std::string &lastEventId() const { return m_lastEventId; }

private:
    void processLine(std::string_view line);
    void dispatch();

    Handler m_handler;
    std::string m_line;
    bool m_lastWasCr = false;
    Event m_pending;
    bool m_hasData = false;
    long m_retryMs = -1;
    std::string m_lastEventId;
    std::string m_overflow;
};

} // namespace flowdeck::engine
