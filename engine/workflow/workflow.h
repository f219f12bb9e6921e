#pragma once

#include <nlohmann/json.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace flowdeck::engine {

inline constexpr int kFormatVersion = 1;
inline constexpr const char *kFormatName = "flowdeck.workflow";
// A file input's size limit when it names none (`maxBytes`): 20 MiB.
inline constexpr std::int64_t kDefaultFileInputBytes = 20 * 1024 * 1024;

enum class OnError { Fail, Continue, Branch };

struct RetryPolicy {
    int max = 0;           // extra attempts after the first
    int backoffMs = 1000;  // doubled after each attempt
};

struct InputSpec {
    std::string name;
    std::string type = "text";  // text, paragraph, number, boolean, select, file, json
    std::string label;
    bool required = false;
    nlohmann::json options;       // select: the allowed values
    nlohmann::json defaultValue;  // null when absent
    std::vector<std::string> accept;  // file: accepted extensions or media types (".csv", "image/*"); empty: any
    std::int64_t maxBytes = 0;        // file: the largest size accepted; 0: the default (kDefaultFileInputBytes)
    nlohmann::json i18n = nlohmann::json::object();  // language -> {label, options}; see localized.h
};

struct NodeSpec {
    std::string id;
    std::string type;
    std::string title;  // optional display title
    std::array<double, 2> position{0, 0};
    nlohmann::json config = nlohmann::json::object();
    std::optional<int> timeoutMs;
    RetryPolicy retry;
    OnError onError = OnError::Fail;
    bool disabled = false;  // passes control on without running; its outputs are empty
    std::string parent;     // the iteration or loop node this node runs inside; empty: top level
    // Pinned test data (studio debugging, DESIGN.md §11): {"outputs": {...}, "port": "..."}.
    // A studio run uses it instead of running the node; deploy bundles drop it and other
    // hosts ignore it. null: not pinned.
    nlohmann::json pin;
    nlohmann::json i18n = nlohmann::json::object();  // language -> {title}; see localized.h
};

struct EdgeSpec {
    std::string from;
    std::string to;
    std::string fromPort;  // empty: the node's default port
};

// A conversation variable (DESIGN.md §3): kept per conversation, read as
// {{conversation.name}}, written by assigner nodes.
struct VariableSpec {
    std::string name;
    std::string type = "string";  // string, number, boolean, object, array[string], array[number], array[object]
    nlohmann::json defaultValue;  // null: the type's empty value
    std::string description;

    nlohmann::json initialValue() const;  // the default, or "", 0, false, {}, [] by type
};

// A non-secret setting read as {{env.NAME}}: the workflow's value, unless the host sets one.
struct EnvSpec {
    std::string name;
    std::string type = "string";  // string, number
    nlohmann::json value;         // the default; null: empty
    std::string description;
};

// A sticky note on the canvas: not run, kept with the workflow.
struct NoteSpec {
    std::string id;
    std::string text;
    std::array<double, 2> position{0, 0};
    std::array<double, 2> size{240, 120};
    std::string color;  // a name (yellow, blue, green, pink, violet) or empty
};

// A chat app's opening: what the chat page and the studio's console show before the first
// message, and questions offered to start with (a click sends one). Chat mode only.
struct OpeningSpec {
    std::string text;                      // the opening statement; empty: none
    std::vector<std::string> suggestions;  // at most kMaxSuggestions, each one line
    bool empty() const { return text.empty() && suggestions.empty(); }
    bool operator==(const OpeningSpec &) const = default;
    static constexpr std::size_t kMaxSuggestions = 10;
};

// The in-memory form of a *.flow.json document (DESIGN.md §2).
struct Workflow {
    int formatVersion = kFormatVersion;
    std::string id;
    std::string name;
    std::string description;
    std::string mode = "workflow";  // "chat" or "workflow"
    std::vector<InputSpec> inputs;
    nlohmann::json models = nlohmann::json::object();   // alias -> {profile, model, ...}
    nlohmann::json plugins = nlohmann::json::object();  // alias -> {catalog, ...}
    std::vector<NodeSpec> nodes;
    std::vector<EdgeSpec> edges;
    std::vector<VariableSpec> variables;  // conversation variables
    std::vector<EnvSpec> env;             // {{env.NAME}} defaults
    std::vector<NoteSpec> notes;          // sticky notes
    OpeningSpec opening;                  // chat mode: the greeting and suggested questions
    nlohmann::json guard = nlohmann::json::object();  // the app guard policy (engine/guard/guardpolicy.h); {}: none
    nlohmann::json i18n = nlohmann::json::object();  // language -> {name, description}; see localized.h

    const NodeSpec *findNode(const std::string &nodeId) const;
    // Every node that runs before `nodeId`: those with a path of edges to it, and for a
    // node inside an iteration or loop, that container and everything before it.
    std::set<std::string> upstreamOf(const std::string &nodeId) const;
    // The containers `nodeId` sits in, innermost first (stops at a loop in the chain).
    std::vector<std::string> containersOf(const std::string &nodeId) const;
    const VariableSpec *findVariable(const std::string &name) const;
    const EnvSpec *findEnv(const std::string &name) const;
    bool isChat() const { return mode == "chat"; }
};

const char *onErrorName(OnError mode);

} // namespace flowdeck::engine
