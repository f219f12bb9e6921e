#include "engine/model/sseparser.h"

namespace flowdeck::engine {

void SseParser::feed(std::string_view bytes)
{
    for (char c : bytes) {
        if (!m_overflow.empty())
            return;
        if (c == '\n' && m_lastWasCr) {  // the LF of a CRLF pair
            m_lastWasCr = false;
            continue;
        }
        m_lastWasCr = c == '\r';
        if (c == '\r' || c == '\n') {
            processLine(m_line);
            m_line.clear();
        } else {
            m_line.push_back(c);
            if (m_line.size() > kMaxLineBytes) {
                m_overflow = "the stream sent a line longer than " + std::to_string(kMaxLineBytes / (1024 * 1024)) + " MiB";
                m_line.clear();
                m_pending = {};
                return;
            }
        }
    }
}

void SseParser::finish()
{
    if (!m_overflow.empty())
        return;
    if (!m_line.empty()) {
        processLine(m_line);
        m_line.clear();
    }
    dispatch();
}

void SseParser::processLine(std::string_view line)
{
    if (line.empty()) {
        dispatch();
        return;
    }
    if (line.front() == ':')
        return;
    std::string_view field = line, value;
    if (auto colon = line.find(':'); colon != std::string_view::npos) {
        field = line.substr(0, colon);
        value = line.substr(colon + 1);
        if (!value.empty() && value.front() == ' ')
            value.remove_prefix(1);
    }
    if (field == "data") {
        if (m_hasData)
            m_pending.data.push_back('\n');
        m_pending.data.append(value);
        m_hasData = true;
        if (m_pending.data.size() > kMaxEventBytes) {
            m_overflow = "the stream sent an event larger than " + std::to_string(kMaxEventBytes / (1024 * 1024)) + " MiB";
            m_pending = {};
            m_hasData = false;
        }
    } else if (field == "event") {
        m_pending.event = std::string(value);
    } else if (field == "id") {
        if (value.find('\0') == std::string_view::npos)
            m_lastEventId = std::string(value);
    } else if (field == "retry") {
        if (!value.empty() && value.size() < 10 && value.find_first_not_of("0123456789") == std::string_view::npos)
            m_retryMs = std::stol(std::string(value));
    }
}

void SseParser::dispatch()
{
    if (m_hasData) {
        m_pending.id = m_lastEventId;
        if (m_pending.event.empty())
            m_pending.event = "message";
        m_handler(m_pending);
    }
    m_pending = Event{};
    m_hasData = false;
}

} // namespace flowdeck::engine
