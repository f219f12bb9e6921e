#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace flowdeck::engine {

// An embedding kept compactly: scaled to unit length, then int8 with one scale
// (value ≈ scale × q), so 1024 dimensions take 1 KiB + 4 bytes. The cosine of two such
// vectors is scaleA × scaleB × Σ qA·qB.
struct QuantizedVector {
    float scale = 0;
    std::vector<std::int8_t> values;

    // Empty for a vector of zeros or one with NaN or infinite values.
    static std::optional<QuantizedVector> fromFloats(std::span<const float> vector);
    // The stored form: the scale (4 bytes, little-endian float) then the values.
    std::string toBlob() const;
    static std::optional<QuantizedVector> fromBlob(std::string_view blob);
    static int dimensionsOfBlob(std::size_t blobSize) { return blobSize > 4 ? static_cast<int>(blobSize - 4) : 0; }
};

// Vectors are padded with zeros to a multiple of this for the dot product's blocks.
inline constexpr std::size_t kVectorBlock = 32;
inline std::size_t paddedDimensions(std::size_t dimensions)
{
    return (dimensions + kVectorBlock - 1) / kVectorBlock * kVectorBlock;
}

// Σ a[i]·b[i] over `padded` values (a multiple of kVectorBlock): fixed-size blocks the
// compiler vectorizes at -O2 without -march flags.
std::int32_t dotInt8(const std::int8_t *a, const std::int8_t *b, std::size_t padded);

} // namespace flowdeck::engine
