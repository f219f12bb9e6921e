#include "engine/conversation/conversationstore.h"

#include "engine/core/diagnostic.h"
#include "engine/core/jsonread.h"
#include "engine/knowledge/sqliteconnection.h"

#include <sqlite3.h>

namespace flowdeck::engine {

nlohmann::json MemoryConversationStore::load(const std::string &scope, const std::string &conversation)
{
    std::lock_guard lock(m_mutex);
    auto it = m_values.find({scope, conversation});
    return it == m_values.end() ? nlohmann::json::object() : it->second;
}

void MemoryConversationStore::save(const std::string &scope, const std::string &conversation,
                                   const nlohmann::json &variables)
{
    std::lock_guard lock(m_mutex);
    m_values[{scope, conversation}] = variables;
}

void MemoryConversationStore::clear(const std::string &scope, const std::string &conversation)
{
    std::lock_guard lock(m_mutex);
    m_values.erase({scope, conversation});
}

struct SqliteConversationStore::Impl {
    std::mutex mutex;
    std::unique_ptr<SqliteConnection> db;
};

SqliteConversationStore::SqliteConversationStore(const std::string &path) : m_impl(std::make_unique<Impl>())
{
    m_impl->db = SqliteConnection::open(path, false, true, &m_error);
    if (m_impl->db && !m_impl->db->exec("PRAGMA journal_mode=WAL;"
                                        "CREATE TABLE IF NOT EXISTS conversation_variables("
                                        " scope TEXT NOT NULL, conversation TEXT NOT NULL, variables TEXT NOT NULL,"
                                        " updated INTEGER NOT NULL, PRIMARY KEY(scope, conversation))",
                                        &m_error))
        m_impl->db.reset();
}

SqliteConversationStore::~SqliteConversationStore() = default;

nlohmann::json SqliteConversationStore::load(const std::string &scope, const std::string &conversation)
{
    std::lock_guard lock(m_impl->mutex);
    if (!m_impl->db)
        return nlohmann::json::object();
    auto st = m_impl->db->statement("SELECT variables FROM conversation_variables WHERE scope=? AND conversation=?");
    if (!st.valid())
        return nlohmann::json::object();
    st.bind(1, scope).bind(2, conversation);
    if (st.step() != SQLITE_ROW)
        return nlohmann::json::object();
    nlohmann::json parsed = parseJson(st.text(0));
    return parsed.is_object() ? parsed : nlohmann::json::object();
}

void SqliteConversationStore::save(const std::string &scope, const std::string &conversation,
                                   const nlohmann::json &variables)
{
    std::lock_guard lock(m_impl->mutex);
    if (!m_impl->db)
        return;
    auto st = m_impl->db->statement("INSERT INTO conversation_variables(scope, conversation, variables, updated) "
                                    "VALUES(?,?,?,strftime('%s','now')) ON CONFLICT(scope, conversation) "
                                    "DO UPDATE SET variables=excluded.variables, updated=excluded.updated");
    if (st.valid()) {
        st.bind(1, scope).bind(2, conversation).bind(3, safeDump(variables));
        st.step();
    }
}

void SqliteConversationStore::clear(const std::string &scope, const std::string &conversation)
{
    std::lock_guard lock(m_impl->mutex);
    if (!m_impl->db)
        return;
    auto st = m_impl->db->statement("DELETE FROM conversation_variables WHERE scope=? AND conversation=?");
    if (st.valid()) {
        st.bind(1, scope).bind(2, conversation);
        st.step();
    }
}

} // namespace flowdeck::engine
