#include "engine/knowledge/sqliteconnection.h"

#include <sqlite3.h>

namespace flowdeck::engine {

SqliteConnection::Statement::~Statement()
{
    if (m_statement) {
        sqlite3_reset(m_statement);
        sqlite3_clear_bindings(m_statement);
    }
}

SqliteConnection::Statement &SqliteConnection::Statement::bind(int index, std::int64_t value)
{
    sqlite3_bind_int64(m_statement, index, value);
    return *this;
}

SqliteConnection::Statement &SqliteConnection::Statement::bind(int index, double value)
{
    sqlite3_bind_double(m_statement, index, value);
    return *this;
}

SqliteConnection::Statement &SqliteConnection::Statement::bind(int index, std::string_view text)
{
    sqlite3_bind_text64(m_statement, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    return *this;
}

SqliteConnection::Statement &SqliteConnection::Statement::bindBlob(int index, const void *data, std::size_t size)
{
    sqlite3_bind_blob64(m_statement, index, data, size, SQLITE_TRANSIENT);
    return *this;
}

SqliteConnection::Statement &SqliteConnection::Statement::bindNull(int index)
{
    sqlite3_bind_null(m_statement, index);
    return *this;
}

int SqliteConnection::Statement::step()
{
    return sqlite3_step(m_statement);
}

void SqliteConnection::Statement::reset()
{
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
}

bool SqliteConnection::Statement::isNull(int column) const
{
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

std::int64_t SqliteConnection::Statement::integer(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

double SqliteConnection::Statement::real(int column) const
{
    return sqlite3_column_double(m_statement, column);
}

std::string SqliteConnection::Statement::text(int column) const
{
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(m_statement, column))) : std::string();
}

std::string_view SqliteConnection::Statement::blob(int column) const
{
    const auto *p = static_cast<const char *>(sqlite3_column_blob(m_statement, column));
    return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(m_statement, column)))
             : std::string_view();
}

std::unique_ptr<SqliteConnection> SqliteConnection::open(const std::filesystem::path &file, bool readOnly, bool create,
                                                         std::string *error)
{
    sqlite3 *db = nullptr;
    const int flags = (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0))
        | SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(file.string().c_str(), &db, flags, nullptr);
    if (rc != SQLITE_OK) {
        if (error)
            *error = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
        sqlite3_close(db);
        return nullptr;
    }
    sqlite3_extended_result_codes(db, 1);
    return std::unique_ptr<SqliteConnection>(new SqliteConnection(db));
}

SqliteConnection::~SqliteConnection()
{
    for (auto &[sql, statement] : m_cache)
        sqlite3_finalize(statement);
    sqlite3_close(m_db);
}

bool SqliteConnection::exec(const char *sql, std::string *error)
{
    char *message = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &message) == SQLITE_OK)
        return true;
    if (error)
        *error = message ? message : sqlite3_errmsg(m_db);
    sqlite3_free(message);
    return false;
}

SqliteConnection::Statement SqliteConnection::statement(const std::string &sql)
{
    if (auto it = m_cache.find(sql); it != m_cache.end())
        return Statement(it->second);
    sqlite3_stmt *prepared = nullptr;
    if (sqlite3_prepare_v3(m_db, sql.c_str(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &prepared,
                           nullptr)
        != SQLITE_OK) {
        sqlite3_finalize(prepared);
        return Statement(nullptr);
    }
    m_cache.emplace(sql, prepared);
    return Statement(prepared);
}

std::string SqliteConnection::errorMessage() const
{
    return sqlite3_errmsg(m_db);
}

} // namespace flowdeck::engine
