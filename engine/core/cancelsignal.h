#pragma once

#include <functional>
#include <memory>
#include <vector>

namespace flowdeck::engine {

// Fired once when work must stop. Handlers registered after firing run at once.
// Single-threaded: use it on the executor's io_context only.
class CancelSignal {
public:
    using Handler = std::function<void()>;

    void onCancel(Handler handler)
    {
        if (m_cancelled) {
            handler();
            return;
        }
        m_handlers.push_back(std::move(handler));
    }

    void cancel()
    {
        if (m_cancelled)
            return;
        m_cancelled = true;
        auto handlers = std::move(m_handlers);
        m_handlers.clear();
        for (auto &h : handlers)
            h();
    }

    bool cancelled() const { return m_cancelled; }

private:
    bool m_cancelled = false;
    std::vector<Handler> m_handlers;
};

using CancelSignalPtr = std::shared_ptr<CancelSignal>;

} // namespace flowdeck::engine
