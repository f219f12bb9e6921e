#pragma once

#include <nlohmann/json.hpp>

#include <limits>
#include <string>
#include <type_traits>

namespace flowdeck::engine {

// Reads of JSON that came from outside (an MCP server, a model endpoint, an HTTP body,
// a file) that never throw. valueOr(j, "key", fallback) is nlohmann's j.value("key",
// fallback) except that a receiver that is not an object, a missing or null field, or a
// field of another type (a "code" that is a string, a number out of range) gives the
// fallback instead of an exception.
template <typename T>
T valueOr(const nlohmann::json &j, const char *key, T fallback)
{
    if (!j.is_object())
        return fallback;
    const auto it = j.find(key);
    if (it == j.end() || it->is_null())
        return fallback;
    if constexpr (std::is_same_v<T, nlohmann::json>) {
        return *it;
    } else if constexpr (std::is_same_v<T, std::string>) {
        return it->is_string() ? it->template get<std::string>() : fallback;
    } else if constexpr (std::is_same_v<T, bool>) {
        return it->is_boolean() ? it->template get<bool>() : fallback;
    } else if constexpr (std::is_integral_v<T>) {
        if (it->is_number_integer()) {
            if (it->is_number_unsigned()) {
                const auto v = it->template get<unsigned long long>();
                return v <= static_cast<unsigned long long>(std::numeric_limits<T>::max()) ? static_cast<T>(v) : fallback;
            }
            const auto v = it->template get<long long>();
            if constexpr (std::is_signed_v<T>)
                return v >= static_cast<long long>(std::numeric_limits<T>::min()) &&
                               v <= static_cast<long long>(std::numeric_limits<T>::max())
                           ? static_cast<T>(v)
                           : fallback;
            else
                return v >= 0 && static_cast<unsigned long long>(v) <= std::numeric_limits<T>::max() ? static_cast<T>(v)
                                                                                                     : fallback;
        }
        if (it->is_number_float()) {
            const double v = it->template get<double>();
            // In range: truncated, as nlohmann's value() does; NaN and out of range: the fallback.
            return v >= static_cast<double>(std::numeric_limits<T>::min()) &&
                           v <= static_cast<double>(std::numeric_limits<T>::max())
                       ? static_cast<T>(v)
                       : fallback;
        }
        return fallback;
    } else if constexpr (std::is_floating_point_v<T>) {
        return it->is_number() ? it->template get<T>() : fallback;
    } else {
        static_assert(std::is_same_v<T, void>, "valueOr: use json, std::string, bool or a number");
    }
}

inline std::string valueOr(const nlohmann::json &j, const char *key, const char *fallback)
{
    return valueOr<std::string>(j, key, std::string(fallback));
}

inline std::string valueOr(const nlohmann::json &j, const std::string &key, const char *fallback)
{
    return valueOr<std::string>(j, key.c_str(), std::string(fallback));
}

template <typename T>
T valueOr(const nlohmann::json &j, const std::string &key, T fallback)
{
    return valueOr<T>(j, key.c_str(), std::move(fallback));
}

// The text of a string field, or "" (any other type, or absent).
inline std::string textOf(const nlohmann::json &j, const char *key) { return valueOr<std::string>(j, key, std::string()); }

} // namespace flowdeck::engine
