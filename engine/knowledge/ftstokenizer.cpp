#include "engine/knowledge/ftstokenizer.h"

#include "engine/knowledge/textsegmenter.h"

#include <sqlite3.h>

#include <memory>
#include <new>

namespace flowdeck::engine {

namespace {

// One segmenter per tokenizer instance: FTS5 makes an instance per table and connection,
// and a connection is used by one thread at a time.
struct FlowdeckTokenizer {
    TextSegmenter segmenter;
};

int createTokenizer(void *, const char **, int, Fts5Tokenizer **out)
{
    try {
        auto tokenizer = std::make_unique<FlowdeckTokenizer>();
        *out = reinterpret_cast<Fts5Tokenizer *>(tokenizer.release());
        return SQLITE_OK;
    } catch (const std::bad_alloc &) {
        return SQLITE_NOMEM;
    } catch (...) {
        return SQLITE_ERROR;
    }
}

void deleteTokenizer(Fts5Tokenizer *tokenizer)
{
    std::unique_ptr<FlowdeckTokenizer> owned(reinterpret_cast<FlowdeckTokenizer *>(tokenizer));
}

int tokenize(Fts5Tokenizer *tokenizer, void *context, int, const char *text, int length,
             int (*token)(void *, int, const char *, int, int, int))
{
    if (length <= 0 || !text)
        return SQLITE_OK;
    auto *self = reinterpret_cast<FlowdeckTokenizer *>(tokenizer);
    int rc = SQLITE_OK;
    try {
        self->segmenter.segment(std::string_view(text, static_cast<std::size_t>(length)),
                                [&](const TextSegmenter::Token &t) {
                                    if (rc != SQLITE_OK)
                                        return;
                                    rc = token(context, t.colocated ? FTS5_TOKEN_COLOCATED : 0, t.text.data(),
                                               static_cast<int>(t.text.size()), static_cast<int>(t.start),
                                               static_cast<int>(t.end));
                                });
    } catch (const std::bad_alloc &) {
        return SQLITE_NOMEM;
    } catch (...) {
        return SQLITE_ERROR;
    }
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

fts5_api *ftsApi(sqlite3 *db)
{
    fts5_api *api = nullptr;
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &statement, nullptr) != SQLITE_OK)
        return nullptr;
    sqlite3_bind_pointer(statement, 1, reinterpret_cast<void *>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(statement);
    sqlite3_finalize(statement);
    return api;
}

} // namespace

bool registerFtsTokenizer(sqlite3 *db, std::string *error)
{
    fts5_api *api = ftsApi(db);
    if (!api || api->iVersion < 2) {
        if (error)
            *error = "This SQLite library has no full-text search (FTS5), which knowledge bases need.";
        return false;
    }
    fts5_tokenizer tokenizer{createTokenizer, deleteTokenizer, tokenize};
    if (api->xCreateTokenizer(api, kFtsTokenizerName, nullptr, &tokenizer, nullptr) != SQLITE_OK) {
        if (error)
            *error = std::string("The knowledge base's word splitter could not be registered with SQLite: ")
                + sqlite3_errmsg(db) + ".";
        return false;
    }
    return true;
}

} // namespace flowdeck::engine
