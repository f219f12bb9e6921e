#include "engine/knowledge/quantizedvector.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace flowdeck::engine {

std::optional<QuantizedVector> QuantizedVector::fromFloats(std::span<const float> vector)
{
    double sumSquares = 0;
    float largest = 0;
    for (float v : vector) {
        if (!std::isfinite(v))
            return std::nullopt;
        sumSquares += double(v) * v;
        largest = std::max(largest, std::fabs(v));
    }
    if (vector.empty() || sumSquares <= 0 || largest <= 0)
        return std::nullopt;
    const double norm = std::sqrt(sumSquares);
    QuantizedVector q;
    // The largest unit-length component maps to 127.
    const double unitLargest = largest / norm;
    q.scale = static_cast<float>(unitLargest / 127.0);
    q.values.resize(vector.size());
    const double factor = 127.0 / largest;
    for (std::size_t i = 0; i < vector.size(); ++i)
        q.values[i] = static_cast<std::int8_t>(std::clamp(std::lround(vector[i] * factor), -127L, 127L));
    return q;
}

std::string QuantizedVector::toBlob() const
{
    std::string blob(4 + values.size(), '\0');
    std::uint32_t bits;
    std::memcpy(&bits, &scale, 4);
    for (int i = 0; i < 4; ++i)
        blob[static_cast<std::size_t>(i)] = static_cast<char>((bits >> (8 * i)) & 0xFF);
    std::memcpy(blob.data() + 4, values.data(), values.size());
    return blob;
}

std::optional<QuantizedVector> QuantizedVector::fromBlob(std::string_view blob)
{
    if (blob.size() <= 4)
        return std::nullopt;
    std::uint32_t bits = 0;
    for (int i = 0; i < 4; ++i)
        bits |= std::uint32_t(static_cast<unsigned char>(blob[static_cast<std::size_t>(i)])) << (8 * i);
    QuantizedVector q;
    std::memcpy(&q.scale, &bits, 4);
    if (!std::isfinite(q.scale))
        return std::nullopt;
    q.values.resize(blob.size() - 4);
    std::memcpy(q.values.data(), blob.data() + 4, q.values.size());
    return q;
}

std::int32_t dotInt8(const std::int8_t *a, const std::int8_t *b, std::size_t padded)
{
    std::int32_t total = 0;
    for (std::size_t block = 0; block < padded; block += kVectorBlock) {
        std::int32_t sum = 0;
        for (std::size_t i = 0; i < kVectorBlock; ++i)
            sum += std::int32_t(a[block + i]) * std::int32_t(b[block + i]);
        total += sum;
    }
    return total;
}

} // namespace flowdeck::engine
