#pragma once

#include "engine/core/diagnostic.h"

#include <optional>
#include <utility>

namespace flowdeck::engine {

// A value or the diagnostics that explain why there is none. Expected failures cross
// the engine's API as this, never as exceptions.
template <typename T>
class Result {
public:
    Result(T value, Diagnostics warnings = {})
        : m_value(std::move(value)), m_diagnostics(std::move(warnings)) {}
    Result(Diagnostics diagnostics) : m_diagnostics(std::move(diagnostics)) {}

    static Result failure(Diagnostic d) { return Result(Diagnostics{std::move(d)}); }

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return *m_value; }
    T &value() & { return *m_value; }
    T &&value() && { return std::move(*m_value); }
    const T *operator->() const { return &*m_value; }
    T *operator->() { return &*m_value; }
    const Diagnostics &diagnostics() const { return m_diagnostics; }
    Diagnostics &diagnostics() { return m_diagnostics; }

private:
    std::optional<T> m_value;
    Diagnostics m_diagnostics;
};

} // namespace flowdeck::engine
