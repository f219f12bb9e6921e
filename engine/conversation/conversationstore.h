#pragma once

#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace flowdeck::engine {

// Where conversation variables live between the runs of one conversation (DESIGN.md §3).
// An interface so that a runtime can move them to a shared store later; the studio keeps
// them in memory, a runtime in its data folder. Implementations are thread-safe.
class ConversationStore {
public:
    virtual ~ConversationStore() = default;
    // The variables saved for (scope, conversation), an object; empty when none.
    virtual nlohmann::json load(const std::string &scope, const std::string &conversation) = 0;
    virtual void save(const std::string &scope, const std::string &conversation, const nlohmann::json &variables) = 0;
    // Forgets a conversation (the studio's "New conversation").
    virtual void clear(const std::string &scope, const std::string &conversation) = 0;
};

class MemoryConversationStore final : public ConversationStore {
public:
    nlohmann::json load(const std::string &scope, const std::string &conversation) override;
    void save(const std::string &scope, const std::string &conversation, const nlohmann::json &variables) override;
    void clear(const std::string &scope, const std::string &conversation) override;

private:
    std::mutex m_mutex;
    std::map<std::pair<std::string, std::string>, nlohmann::json> m_values;
};

// One SQLite file (the runtime's data folder): a row per conversation.
class SqliteConversationStore final : public ConversationStore {
public:
    // Opens or creates the file; on failure every call is a no-op and `error()` says why.
    explicit SqliteConversationStore(const std::string &path);
    ~SqliteConversationStore() override;

    nlohmann::json load(const std::string &scope, const std::string &conversation) override;
    void save(const std::string &scope, const std::string &conversation, const nlohmann::json &variables) override;
    void clear(const std::string &scope, const std::string &conversation) override;
    const std::string &error() const { return m_error; }

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
    std::string m_error;
};

} // namespace flowdeck::engine
