#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace flowdeck::engine {

// One SQLite connection with its prepared statements cached by SQL text, so a query
// repeated per search is parsed once. Not thread-safe: one connection per thread.
class SqliteConnection {
public:
    // A cached statement in use: bindings and state are reset when it goes out of scope.
    class Statement {
    public:
        explicit Statement(sqlite3_stmt *statement) : m_statement(statement) {}
        ~Statement();
        Statement(const Statement &) = delete;
        Statement &operator=(const Statement &) = delete;

        bool valid() const { return m_statement != nullptr; }
        Statement &bind(int index, std::int64_t value);
        Statement &bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
        Statement &bind(int index, double value);
        Statement &bind(int index, std::string_view text);
        Statement &bindBlob(int index, const void *data, std::size_t size);
        Statement &bindNull(int index);
        // SQLITE_ROW, SQLITE_DONE or an error code.
        int step();
        // Ready to run again with new bindings.
        void reset();
        bool isNull(int column) const;
        std::int64_t integer(int column) const;
        double real(int column) const;
        std::string text(int column) const;
        std::string_view blob(int column) const;  // valid until the next step

    private:
        sqlite3_stmt *m_statement;
    };

    // Opens (and with `create`, creates) a database; nullptr with `error` set on failure.
    static std::unique_ptr<SqliteConnection> open(const std::filesystem::path &file, bool readOnly, bool create,
                                                  std::string *error);
    ~SqliteConnection();
    SqliteConnection(const SqliteConnection &) = delete;
    SqliteConnection &operator=(const SqliteConnection &) = delete;

    sqlite3 *handle() const { return m_db; }
    // Runs statements without results; false with `error` set (SQLite's message) on failure.
    bool exec(const char *sql, std::string *error = nullptr);
    // The cached statement for `sql`; check valid() (errorMessage() says why not).
    Statement statement(const std::string &sql);
    std::string errorMessage() const;

private:
    explicit SqliteConnection(sqlite3 *db) : m_db(db) {}
    sqlite3 *m_db;
    std::unordered_map<std::string, sqlite3_stmt *> m_cache;
};

} // namespace flowdeck::engine
