#pragma once

#include "engine/workflow/workflow.h"
#include "runtime/serve/multipart.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

namespace flowdeck::runtime {

// Files given to the start inputs of type "file" (DESIGN.md §6): checked against the
// input's size limit (`maxBytes`, 20 MiB by default) and its `accept` list, written to a
// folder of the run's own (<data>/uploads/<run id>/), and handed to the run as
// {name, path, size, type}. The folder goes when the run ends (a paused run keeps it),
// and at start every folder of a run that is not paused goes too.
class Uploads {
public:
    explicit Uploads(const std::filesystem::path &dataDir) : m_dir(dataDir / "uploads") {}

    struct Problem {
        unsigned status = 0;  // 0: none; 400 or 413 naming the input; 500 when the disk failed
        std::string message;  // English; engine::localizedSentence gives the caller's language
        explicit operator bool() const { return status != 0; }
    };
    // Each file input's value in `inputs` — {"name", "type", "data": base64 or a data: URL}
    // — or its multipart part in `files` is checked and written, and the value replaced.
    // Any other value for a file input (a path on this machine) is refused.
    Problem take(const engine::Workflow &workflow, const std::string &runId, nlohmann::json &inputs,
                 const std::vector<MultipartPart> &files) const;
    void discard(const std::string &runId) const;
    const std::filesystem::path &root() const { return m_dir; }  // <data>/uploads
    // Removes the folders of every run not in `keep` (the paused ones).
    void keepOnly(const std::set<std::string> &keep) const;

    // The text fields of a multipart body as the run API's JSON body: "query",
    // "conversation_id" and "user" as they are, "inputs" (a JSON object) merged, every other
    // field a start input's text; parts with a file name are left for take(). A field
    // "inputs" that is not a JSON object gives a discarded value.
    static nlohmann::json formBody(const std::vector<MultipartPart> &parts, std::vector<MultipartPart> &files);

private:
    std::filesystem::path m_dir;
};

} // namespace flowdeck::runtime
