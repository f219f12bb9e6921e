#pragma once

#include <atomic>
#include <chrono>
#include <filesystem>
#include <string>

namespace flowdeck::engine::docparse {

// What running the tesseract program on one image gave.
struct OcrOutcome {
    enum class Status { Read, Missing, Failed, TimedOut, Cancelled };
    Status status = Status::Failed;
    std::string text;    // UTF-8, CJK characters joined again (tesseract spaces them)
    std::string detail;  // why it failed, for a warning
};

// Whether `program` (a path, or a name looked up on PATH) is there to run.
bool programAvailable(const std::string &program);

// Runs `program image stdout -l languages` without a shell, stdout captured and stderr
// discarded; killed after `limit` or when `cancel` becomes true.
OcrOutcome recognizeImage(const std::string &program, const std::filesystem::path &image,
                          const std::string &languages, std::chrono::seconds limit,
                          const std::atomic<bool> *cancel);

} // namespace flowdeck::engine::docparse
