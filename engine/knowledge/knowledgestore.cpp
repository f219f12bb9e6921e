#include "engine/knowledge/knowledgestore.h"

#include "engine/knowledge/ftstokenizer.h"
#include "engine/knowledge/knowledgediagnostic.h"
#include "engine/knowledge/quantizedvector.h"
#include "engine/knowledge/sqliteconnection.h"
#include "engine/knowledge/textsegmenter.h"

#include <sqlite3.h>

#include <chrono>
#include <system_error>

namespace flowdeck::engine {

namespace {

// Version 1. Chunk ids are AUTOINCREMENT so an id is never reused: a vector index built
// earlier can never point at another chunk. The FTS table is contentless (it indexes only
// the chunks that are matched, not parents), kept in step by triggers, which also fire
// for the chunks a document's deletion cascades to.
constexpr const char *kSchema = R"SQL(
CREATE TABLE documents(
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL DEFAULT '',
  type TEXT NOT NULL DEFAULT '',
  size INTEGER NOT NULL DEFAULT 0,
  mtime INTEGER NOT NULL DEFAULT 0,
  sha256 TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'indexed', 'failed')),
  reason TEXT NOT NULL DEFAULT '',
  tags TEXT NOT NULL DEFAULT '[]',
  added_at INTEGER NOT NULL DEFAULT 0,
  indexed_at INTEGER NOT NULL DEFAULT 0,
  chunk_count INTEGER NOT NULL DEFAULT 0,
  warnings TEXT NOT NULL DEFAULT '[]');
CREATE TABLE chunks(
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  text TEXT NOT NULL,
  location TEXT NOT NULL DEFAULT '{}',
  parent_id INTEGER REFERENCES chunks(id) ON DELETE CASCADE,
  is_parent INTEGER NOT NULL DEFAULT 0,
  vector BLOB);
CREATE INDEX chunks_by_document ON chunks(document_id, ordinal);
CREATE INDEX chunks_by_parent ON chunks(parent_id);
CREATE INDEX chunks_without_vector ON chunks(id) WHERE vector IS NULL AND is_parent = 0;
CREATE VIRTUAL TABLE chunks_fts USING fts5(text, content='', tokenize='flowdeck');
CREATE TRIGGER chunks_fts_insert AFTER INSERT ON chunks WHEN new.is_parent = 0 BEGIN
  INSERT INTO chunks_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER chunks_fts_delete AFTER DELETE ON chunks WHEN old.is_parent = 0 BEGIN
  INSERT INTO chunks_fts(chunks_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER chunks_fts_update AFTER UPDATE OF text, is_parent ON chunks BEGIN
  INSERT INTO chunks_fts(chunks_fts, rowid, text) SELECT 'delete', old.id, old.text WHERE old.is_parent = 0;
  INSERT INTO chunks_fts(rowid, text) SELECT new.id, new.text WHERE new.is_parent = 0;
END;
CREATE TABLE golden(
  id INTEGER PRIMARY KEY,
  question TEXT NOT NULL,
  expected TEXT NOT NULL DEFAULT '[]');
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
)SQL";

constexpr const char *kDocumentColumns =
    "id, path, title, type, size, mtime, sha256, status, reason, tags, added_at, indexed_at, chunk_count, warnings";
constexpr const char *kChunkColumns =
    "id, document_id, ordinal, text, location, parent_id, is_parent, vector IS NOT NULL";

// BEGIN IMMEDIATE ... COMMIT; rolled back unless committed.
class Transaction {
public:
    explicit Transaction(SqliteConnection &db) : m_db(db), m_begun(db.exec("BEGIN IMMEDIATE")) {}
    ~Transaction()
    {
        if (m_begun && !m_committed)
            m_db.exec("ROLLBACK");
    }
    bool begun() const { return m_begun; }
    bool commit() { return m_committed = m_db.exec("COMMIT"); }

private:
    SqliteConnection &m_db;
    bool m_begun;
    bool m_committed = false;
};

std::int64_t now()
{
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::string jsonList(const std::vector<std::string> &items)
{
    return safeDump(nlohmann::json(items));
}

std::vector<std::string> parseList(const std::string &text)
{
    std::vector<std::string> out;
    const auto j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_array())
        for (const auto &item : j)
            if (item.is_string())
                out.push_back(item.get<std::string>());
    return out;
}

DocumentRecord readDocument(const SqliteConnection::Statement &s)
{
    DocumentRecord d;
    d.id = s.integer(0);
    d.path = s.text(1);
    d.title = s.text(2);
    d.type = s.text(3);
    d.size = s.integer(4);
    d.mtime = s.integer(5);
    d.sha256 = s.text(6);
    d.status = documentStatusFromString(s.text(7));
    d.reason = s.text(8);
    d.tags = parseList(s.text(9));
    d.addedAt = s.integer(10);
    d.indexedAt = s.integer(11);
    d.chunkCount = static_cast<int>(s.integer(12));
    d.warnings = parseList(s.text(13));
    return d;
}

StoredChunk readChunk(const SqliteConnection::Statement &s)
{
    StoredChunk c;
    c.id = s.integer(0);
    c.documentId = s.integer(1);
    c.ordinal = static_cast<int>(s.integer(2));
    c.text = s.text(3);
    c.location = SourceLocation::fromJson(nlohmann::json::parse(s.text(4), nullptr, false));
    if (!s.isNull(5))
        c.parentId = s.integer(5);
    c.isParent = s.integer(6) != 0;
    c.hasVector = s.integer(7) != 0;
    return c;
}

// Every row of a bound statement read with `read`; empty when a step failed.
template <typename Row, typename Read>
std::optional<std::vector<Row>> readRows(SqliteConnection::Statement &s, Read read)
{
    std::vector<Row> out;
    int rc;
    while ((rc = s.step()) == SQLITE_ROW)
        out.push_back(read(s));
    if (rc != SQLITE_DONE)
        return std::nullopt;
    return out;
}

std::int64_t fileSize(const std::filesystem::path &path)
{
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    return ec ? 0 : static_cast<std::int64_t>(size);
}

} // namespace

std::string toString(DocumentStatus status)
{
    switch (status) {
    case DocumentStatus::Indexed:
        return "indexed";
    case DocumentStatus::Failed:
        return "failed";
    case DocumentStatus::Pending:
        break;
    }
    return "pending";
}

DocumentStatus documentStatusFromString(const std::string &text)
{
    if (text == "indexed")
        return DocumentStatus::Indexed;
    if (text == "failed")
        return DocumentStatus::Failed;
    return DocumentStatus::Pending;
}

nlohmann::json KnowledgeStats::toJson() const
{
    return {{"documents", documents}, {"pending", pending},   {"indexed", indexed},
            {"failed", failed},       {"chunks", chunks},     {"vectors", vectors},
            {"dimensions", dimensions}, {"bytesOnDisk", bytesOnDisk}};
}

KnowledgeStore::KnowledgeStore(std::filesystem::path folder, Mode mode, std::unique_ptr<SqliteConnection> db)
    : m_folder(std::move(folder)), m_mode(mode), m_db(std::move(db))
{
}

KnowledgeStore::~KnowledgeStore() = default;

Result<std::unique_ptr<KnowledgeStore>> KnowledgeStore::open(const std::filesystem::path &folder, Mode mode)
{
    using R = Result<std::unique_ptr<KnowledgeStore>>;
    const std::filesystem::path file = folder / kDatabaseFileName;
    const std::string where = folder.string();
    std::error_code ec;
    const bool readOnly = mode == Mode::ReadOnly;
    if (readOnly && !std::filesystem::exists(file, ec))
        return R::failure(knowledgeDiagnostic(
            "knowledge-missing",
            "There is no knowledge base in '" + where + "': its file knowledge.db is missing. Add documents to the base "
                "first, or check the folder.",
            {where}));
    if (!readOnly)
        std::filesystem::create_directories(folder, ec);
    std::string error;
    auto db = SqliteConnection::open(file, readOnly, !readOnly, &error);
    if (!db)
        return R::failure(knowledgeDiagnostic("knowledge-open-failed",
                                              "The knowledge base in '" + where + "' could not be opened: " + error + ".",
                                              {where, error}));
    if (!registerFtsTokenizer(db->handle(), &error))
        return R::failure(knowledgeDiagnostic("knowledge-open-failed",
                                              "The knowledge base in '" + where + "' could not be opened: " + error,
                                              {where, error}));
    db->exec("PRAGMA busy_timeout = 5000");
    db->exec("PRAGMA foreign_keys = ON");
    if (!readOnly && (!db->exec("PRAGMA journal_mode = WAL", &error) || !db->exec("PRAGMA synchronous = NORMAL")))
        return R::failure(knowledgeDiagnostic("knowledge-open-failed",
                                              "The knowledge base in '" + where + "' could not be opened: " + error + ".",
                                              {where, error}));

    std::unique_ptr<KnowledgeStore> store(new KnowledgeStore(folder, mode, std::move(db)));
    int version = 0;
    {
        auto s = store->m_db->statement("PRAGMA user_version");
        if (!s.valid() || s.step() != SQLITE_ROW)
            return R::failure(store->sqlError("read"));
        version = static_cast<int>(s.integer(0));
    }
    if (version > kSchemaVersion)
        return R::failure(knowledgeDiagnostic(
            "knowledge-newer-schema",
            "The knowledge base in '" + where + "' was made by a newer Flowdeck (database version "
                + std::to_string(version) + "; this one reads up to " + std::to_string(kSchemaVersion)
                + "). Update Flowdeck to open it.",
            {where, std::to_string(version), std::to_string(kSchemaVersion)}));
    if (version == 0) {
        if (readOnly)
            return R::failure(knowledgeDiagnostic(
                "knowledge-missing",
                "The file knowledge.db in '" + where + "' is not a knowledge base yet. Add documents to the base first.",
                {where}));
        if (auto created = store->createSchema(); !created)
            return R(created.diagnostics());
    }
    Diagnostics warnings;
    if (auto refreshed = store->refreshFullTextIndexIfTokenizerChanged(warnings); !refreshed)
        return R(refreshed.diagnostics());
    return R(std::move(store), std::move(warnings));
}

Diagnostic KnowledgeStore::sqlError(const std::string &what) const
{
    const std::string where = m_folder.string();
    const std::string error = m_db->errorMessage();
    return knowledgeDiagnostic("knowledge-database",
                               "The knowledge base in '" + where + "' could not " + what + ": " + error + ".",
                               {where, what, error});
}

Diagnostic KnowledgeStore::readOnlyError() const
{
    const std::string where = m_folder.string();
    return knowledgeDiagnostic("knowledge-read-only",
                               "The knowledge base in '" + where + "' is open read-only here, so it cannot be changed.",
                               {where});
}

Result<bool> KnowledgeStore::createSchema()
{
    Transaction t(*m_db);
    std::string error;
    if (!t.begun() || !m_db->exec(kSchema, &error)
        || !m_db->exec(("PRAGMA user_version = " + std::to_string(kSchemaVersion)).c_str(), &error)
        || !setMeta("tokenizer", TextSegmenter::version()) || !t.commit())
        return Result<bool>::failure(sqlError("be created"));
    return true;
}

// The FTS index holds the tokens the segmenter made when each chunk was stored; when the
// segmenter changes (a new ICU, new rules), the old tokens would neither match nor delete
// cleanly, so the index is rebuilt from the chunks.
Result<bool> KnowledgeStore::refreshFullTextIndexIfTokenizerChanged(Diagnostics &warnings)
{
    const std::string current = TextSegmenter::version();
    if (meta("tokenizer").value_or(current) == current)
        return true;
    if (m_mode == Mode::ReadOnly) {
        const std::string where = m_folder.string();
        warnings.push_back(knowledgeDiagnostic(
            "knowledge-tokenizer-changed",
            "The keyword index of the knowledge base in '" + where + "' was made by another version of Flowdeck; "
                "keyword search may miss some passages until the base is opened for editing once.",
            {where}));
        warnings.back().severity = Diagnostic::Severity::Warning;
        return true;
    }
    Transaction t(*m_db);
    if (!t.begun() || !m_db->exec("INSERT INTO chunks_fts(chunks_fts) VALUES('delete-all')")
        || !m_db->exec("INSERT INTO chunks_fts(rowid, text) SELECT id, text FROM chunks WHERE is_parent = 0")
        || !setMeta("tokenizer", current) || !t.commit())
        return Result<bool>::failure(sqlError("rebuild its keyword index"));
    return true;
}

std::optional<std::string> KnowledgeStore::meta(const std::string &key)
{
    auto s = m_db->statement("SELECT value FROM meta WHERE key = ?");
    if (!s.valid() || s.bind(1, key).step() != SQLITE_ROW)
        return std::nullopt;
    return s.text(0);
}

bool KnowledgeStore::setMeta(const std::string &key, const std::string &value)
{
    auto s = m_db->statement("INSERT INTO meta(key, value) VALUES(?, ?) "
                             "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    return s.valid() && s.bind(1, key).bind(2, value).step() == SQLITE_DONE;
}

bool KnowledgeStore::bumpVectorGeneration()
{
    auto s = m_db->statement("INSERT INTO meta(key, value) VALUES('vector_generation', '1') "
                             "ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1");
    return s.valid() && s.step() == SQLITE_DONE;
}

Result<std::int64_t> KnowledgeStore::upsertDocument(const DocumentRecord &d)
{
    if (m_mode == Mode::ReadOnly)
        return Result<std::int64_t>::failure(readOnlyError());
    auto s = m_db->statement(
        "INSERT INTO documents(path, title, type, size, mtime, sha256, status, reason, tags, added_at, warnings) "
        "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(path) DO UPDATE SET title = excluded.title, "
        "type = excluded.type, size = excluded.size, mtime = excluded.mtime, sha256 = excluded.sha256, "
        "status = excluded.status, reason = excluded.reason, tags = excluded.tags, warnings = excluded.warnings "
        "RETURNING id");
    if (!s.valid())
        return Result<std::int64_t>::failure(sqlError("save the document '" + d.path + "'"));
    s.bind(1, d.path).bind(2, d.title).bind(3, d.type).bind(4, d.size).bind(5, d.mtime).bind(6, d.sha256);
    s.bind(7, toString(d.status)).bind(8, d.reason).bind(9, jsonList(d.tags));
    s.bind(10, d.addedAt > 0 ? d.addedAt : now()).bind(11, jsonList(d.warnings));
    if (s.step() != SQLITE_ROW)
        return Result<std::int64_t>::failure(sqlError("save the document '" + d.path + "'"));
    return s.integer(0);
}

Result<std::optional<DocumentRecord>> KnowledgeStore::findDocument(const std::string &path)
{
    using R = Result<std::optional<DocumentRecord>>;
    auto s = m_db->statement(std::string("SELECT ") + kDocumentColumns + " FROM documents WHERE path = ?");
    if (!s.valid())
        return R::failure(sqlError("read its documents"));
    const int rc = s.bind(1, path).step();
    if (rc == SQLITE_ROW)
        return std::optional<DocumentRecord>(readDocument(s));
    if (rc != SQLITE_DONE)
        return R::failure(sqlError("read its documents"));
    return std::optional<DocumentRecord>();
}

Result<std::vector<DocumentRecord>> KnowledgeStore::documents()
{
    using R = Result<std::vector<DocumentRecord>>;
    auto s = m_db->statement(std::string("SELECT ") + kDocumentColumns + " FROM documents ORDER BY path");
    if (!s.valid())
        return R::failure(sqlError("read its documents"));
    auto rows = readRows<DocumentRecord>(s, readDocument);
    if (!rows)
        return R::failure(sqlError("read its documents"));
    return std::move(*rows);
}

Result<bool> KnowledgeStore::removeDocument(const std::string &path)
{
    if (m_mode == Mode::ReadOnly)
        return Result<bool>::failure(readOnlyError());
    Transaction t(*m_db);
    auto s = m_db->statement("DELETE FROM documents WHERE path = ?");
    if (!t.begun() || !s.valid() || s.bind(1, path).step() != SQLITE_DONE)
        return Result<bool>::failure(sqlError("remove the document '" + path + "'"));
    const bool removed = sqlite3_changes(m_db->handle()) > 0;
    if ((removed && !bumpVectorGeneration()) || !t.commit())
        return Result<bool>::failure(sqlError("remove the document '" + path + "'"));
    return removed;
}

Result<bool> KnowledgeStore::setDocumentStatus(std::int64_t documentId, DocumentStatus status,
                                               const std::string &reason, const std::vector<std::string> &warnings)
{
    if (m_mode == Mode::ReadOnly)
        return Result<bool>::failure(readOnlyError());
    auto s = m_db->statement("UPDATE documents SET status = ?, reason = ?, warnings = ?, "
                             "indexed_at = CASE WHEN ? = 'indexed' THEN ? ELSE indexed_at END WHERE id = ?");
    const std::string text = toString(status);
    if (!s.valid()
        || s.bind(1, text).bind(2, reason).bind(3, jsonList(warnings)).bind(4, text).bind(5, now()).bind(6, documentId)
                .step()
            != SQLITE_DONE)
        return Result<bool>::failure(sqlError("update a document's status"));
    return sqlite3_changes(m_db->handle()) > 0;
}

Result<int> KnowledgeStore::checkedDimensions(int dimensions)
{
    auto stored = this->dimensions();
    if (!stored)
        return stored;
    if (stored.value() != 0 && stored.value() != dimensions) {
        const std::string where = m_folder.string();
        return Result<int>::failure(knowledgeDiagnostic(
            "knowledge-dimension-mismatch",
            "A vector with " + std::to_string(dimensions) + " dimensions cannot be stored in the knowledge base in '"
                + where + "', whose vectors have " + std::to_string(stored.value())
                + " dimensions. The embedding model was probably changed: clear the base's vectors and embed it again.",
            {std::to_string(dimensions), where, std::to_string(stored.value())}));
    }
    if (stored.value() == 0 && !setMeta("dimensions", std::to_string(dimensions)))
        return Result<int>::failure(sqlError("store vectors"));
    return dimensions;
}

Result<int> KnowledgeStore::replaceChunks(std::int64_t documentId, const std::vector<ChunkRecord> &chunks)
{
    using R = Result<int>;
    if (m_mode == Mode::ReadOnly)
        return R::failure(readOnlyError());
    Transaction t(*m_db);
    if (!t.begun())
        return R::failure(sqlError("store chunks"));
    {
        auto remove = m_db->statement("DELETE FROM chunks WHERE document_id = ?");
        if (!remove.valid() || remove.bind(1, documentId).step() != SQLITE_DONE)
            return R::failure(sqlError("remove a document's old chunks"));
    }
    std::vector<std::int64_t> ids;
    ids.reserve(chunks.size());
    {
        auto insert = m_db->statement(
            "INSERT INTO chunks(document_id, ordinal, text, location, is_parent, vector) VALUES(?, ?, ?, ?, ?, ?)");
        if (!insert.valid())
            return R::failure(sqlError("store chunks"));
        for (std::size_t i = 0; i < chunks.size(); ++i) {
            const ChunkRecord &c = chunks[i];
            insert.bind(1, documentId).bind(2, static_cast<std::int64_t>(i)).bind(3, c.text);
            insert.bind(4, safeDump(c.location.toJson())).bind(5, c.isParent ? 1 : 0);
            std::optional<QuantizedVector> q;
            if (c.vector && !c.isParent) {
                if (auto dims = checkedDimensions(static_cast<int>(c.vector->size())); !dims)
                    return R(dims.diagnostics());
                q = QuantizedVector::fromFloats(*c.vector);
            }
            if (q) {
                const std::string blob = q->toBlob();
                insert.bindBlob(6, blob.data(), blob.size());
            } else {
                insert.bindNull(6);
            }
            if (insert.step() != SQLITE_DONE)
                return R::failure(sqlError("store chunks"));
            ids.push_back(sqlite3_last_insert_rowid(m_db->handle()));
            insert.reset();
        }
    }
    auto parent = m_db->statement("UPDATE chunks SET parent_id = ? WHERE id = ?");
    if (!parent.valid())
        return R::failure(sqlError("store chunks"));
    for (std::size_t i = 0; i < chunks.size(); ++i) {
        const int p = chunks[i].parentOrdinal;
        if (p < 0)
            continue;
        if (static_cast<std::size_t>(p) >= chunks.size() || static_cast<std::size_t>(p) == i)
            continue;  // a parent outside the list: the chunk stands alone
        if (parent.bind(1, ids[static_cast<std::size_t>(p)]).bind(2, ids[i]).step() != SQLITE_DONE)
            return R::failure(sqlError("store chunks"));
        parent.reset();
    }
    auto done = m_db->statement(
        "UPDATE documents SET status = 'indexed', reason = '', chunk_count = ?, indexed_at = ? WHERE id = ?");
    if (!done.valid()
        || done.bind(1, static_cast<std::int64_t>(chunks.size())).bind(2, now()).bind(3, documentId).step()
            != SQLITE_DONE
        || !bumpVectorGeneration() || !t.commit())
        return R::failure(sqlError("store chunks"));
    return static_cast<int>(chunks.size());
}

Result<std::vector<StoredChunk>> KnowledgeStore::chunks(std::int64_t documentId, int offset, int limit)
{
    using R = Result<std::vector<StoredChunk>>;
    auto s = m_db->statement(std::string("SELECT ") + kChunkColumns
                             + " FROM chunks WHERE document_id = ? ORDER BY ordinal LIMIT ? OFFSET ?");
    if (!s.valid())
        return R::failure(sqlError("read its chunks"));
    s.bind(1, documentId).bind(2, limit).bind(3, offset);
    auto rows = readRows<StoredChunk>(s, readChunk);
    if (!rows)
        return R::failure(sqlError("read its chunks"));
    return std::move(*rows);
}

Result<std::vector<StoredChunk>> KnowledgeStore::chunksById(const std::vector<std::int64_t> &ids)
{
    using R = Result<std::vector<StoredChunk>>;
    auto s = m_db->statement(std::string("SELECT ") + kChunkColumns
                             + " FROM chunks WHERE id IN (SELECT value FROM json_each(?))");
    if (!s.valid())
        return R::failure(sqlError("read its chunks"));
    s.bind(1, safeDump(nlohmann::json(ids)));
    auto rows = readRows<StoredChunk>(s, readChunk);
    if (!rows)
        return R::failure(sqlError("read its chunks"));
    return std::move(*rows);
}

Result<std::vector<StoredChunk>> KnowledgeStore::chunksWithoutVectors(int limit)
{
    using R = Result<std::vector<StoredChunk>>;
    auto s = m_db->statement(std::string("SELECT ") + kChunkColumns
                             + " FROM chunks WHERE vector IS NULL AND is_parent = 0 ORDER BY id LIMIT ?");
    if (!s.valid())
        return R::failure(sqlError("read its chunks"));
    s.bind(1, limit);
    auto rows = readRows<StoredChunk>(s, readChunk);
    if (!rows)
        return R::failure(sqlError("read its chunks"));
    return std::move(*rows);
}

Result<int> KnowledgeStore::setVectors(const std::vector<std::pair<std::int64_t, std::vector<float>>> &vectors)
{
    using R = Result<int>;
    if (m_mode == Mode::ReadOnly)
        return R::failure(readOnlyError());
    if (vectors.empty())
        return 0;
    Transaction t(*m_db);
    if (!t.begun())
        return R::failure(sqlError("store vectors"));
    auto update = m_db->statement("UPDATE chunks SET vector = ? WHERE id = ? AND is_parent = 0");
    if (!update.valid())
        return R::failure(sqlError("store vectors"));
    int stored = 0;
    for (const auto &[chunkId, vector] : vectors) {
        if (auto dims = checkedDimensions(static_cast<int>(vector.size())); !dims)
            return R(dims.diagnostics());
        const auto q = QuantizedVector::fromFloats(vector);
        if (!q)
            return R::failure(knowledgeDiagnostic(
                "knowledge-bad-vector",
                "The embedding of chunk " + std::to_string(chunkId)
                    + " is all zeros or holds values that are not numbers, so it cannot be searched. Embed it again.",
                {std::to_string(chunkId)}));
        const std::string blob = q->toBlob();
        if (update.bindBlob(1, blob.data(), blob.size()).bind(2, chunkId).step() != SQLITE_DONE)
            return R::failure(sqlError("store vectors"));
        stored += sqlite3_changes(m_db->handle());
        update.reset();
    }
    if (!bumpVectorGeneration() || !t.commit())
        return R::failure(sqlError("store vectors"));
    return stored;
}

Result<bool> KnowledgeStore::clearVectors()
{
    if (m_mode == Mode::ReadOnly)
        return Result<bool>::failure(readOnlyError());
    Transaction t(*m_db);
    if (!t.begun() || !m_db->exec("UPDATE chunks SET vector = NULL WHERE vector IS NOT NULL")
        || !m_db->exec("DELETE FROM meta WHERE key = 'dimensions'") || !bumpVectorGeneration() || !t.commit())
        return Result<bool>::failure(sqlError("clear its vectors"));
    return true;
}

Result<std::int64_t> KnowledgeStore::vectorCount()
{
    auto s = m_db->statement("SELECT count(*) FROM chunks WHERE vector IS NOT NULL");
    if (!s.valid() || s.step() != SQLITE_ROW)
        return Result<std::int64_t>::failure(sqlError("count its vectors"));
    return s.integer(0);
}

Result<int> KnowledgeStore::dimensions()
{
    auto s = m_db->statement("SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'dimensions'");
    if (!s.valid())
        return Result<int>::failure(sqlError("read its settings"));
    const int rc = s.step();
    if (rc == SQLITE_ROW)
        return static_cast<int>(s.integer(0));
    if (rc != SQLITE_DONE)
        return Result<int>::failure(sqlError("read its settings"));
    return 0;
}

Result<std::int64_t> KnowledgeStore::vectorGeneration()
{
    auto s = m_db->statement("SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'vector_generation'");
    if (!s.valid())
        return Result<std::int64_t>::failure(sqlError("read its settings"));
    const int rc = s.step();
    if (rc == SQLITE_ROW)
        return s.integer(0);
    if (rc != SQLITE_DONE)
        return Result<std::int64_t>::failure(sqlError("read its settings"));
    return std::int64_t(0);
}

Result<std::int64_t> KnowledgeStore::forEachVector(
    const std::function<void(std::int64_t, std::int64_t, std::string_view)> &visit)
{
    auto s = m_db->statement("SELECT id, document_id, vector FROM chunks WHERE vector IS NOT NULL ORDER BY id");
    if (!s.valid())
        return Result<std::int64_t>::failure(sqlError("read its vectors"));
    std::int64_t count = 0;
    int rc;
    while ((rc = s.step()) == SQLITE_ROW) {
        visit(s.integer(0), s.integer(1), s.blob(2));
        ++count;
    }
    if (rc != SQLITE_DONE)
        return Result<std::int64_t>::failure(sqlError("read its vectors"));
    return count;
}

Result<KnowledgeStats> KnowledgeStore::stats()
{
    KnowledgeStats st;
    {
        auto s = m_db->statement("SELECT status, count(*) FROM documents GROUP BY status");
        if (!s.valid())
            return Result<KnowledgeStats>::failure(sqlError("count its documents"));
        while (s.step() == SQLITE_ROW) {
            const int n = static_cast<int>(s.integer(1));
            st.documents += n;
            switch (documentStatusFromString(s.text(0))) {
            case DocumentStatus::Pending: st.pending += n; break;
            case DocumentStatus::Indexed: st.indexed += n; break;
            case DocumentStatus::Failed: st.failed += n; break;
            }
        }
    }
    {
        auto s = m_db->statement("SELECT count(*), count(vector) FROM chunks");
        if (!s.valid() || s.step() != SQLITE_ROW)
            return Result<KnowledgeStats>::failure(sqlError("count its chunks"));
        st.chunks = s.integer(0);
        st.vectors = s.integer(1);
    }
    auto dims = dimensions();
    if (!dims)
        return Result<KnowledgeStats>(dims.diagnostics());
    st.dimensions = dims.value();
    const auto db = m_folder / kDatabaseFileName;
    st.bytesOnDisk = fileSize(db) + fileSize(db.string() + "-wal") + fileSize(vectorIndexPath());
    return st;
}

Result<std::int64_t> KnowledgeStore::addGoldenQuestion(const GoldenQuestion &question)
{
    if (m_mode == Mode::ReadOnly)
        return Result<std::int64_t>::failure(readOnlyError());
    nlohmann::json expected = nlohmann::json::array();
    for (const auto &e : question.expected)
        expected.push_back({{"documentPath", e.documentPath}, {"snippet", e.snippet}});
    auto s = m_db->statement("INSERT INTO golden(question, expected) VALUES(?, ?)");
    if (!s.valid() || s.bind(1, question.question).bind(2, safeDump(expected)).step() != SQLITE_DONE)
        return Result<std::int64_t>::failure(sqlError("save a golden question"));
    return sqlite3_last_insert_rowid(m_db->handle());
}

Result<std::vector<GoldenQuestion>> KnowledgeStore::goldenQuestions()
{
    using R = Result<std::vector<GoldenQuestion>>;
    auto s = m_db->statement("SELECT id, question, expected FROM golden ORDER BY id");
    if (!s.valid())
        return R::failure(sqlError("read its golden questions"));
    std::vector<GoldenQuestion> out;
    int rc;
    while ((rc = s.step()) == SQLITE_ROW) {
        GoldenQuestion q;
        q.id = s.integer(0);
        q.question = s.text(1);
        const auto expected = nlohmann::json::parse(s.text(2), nullptr, false);
        if (expected.is_array())
            for (const auto &e : expected) {
                if (!e.is_object())
                    continue;
                const auto path = e.find("documentPath");
                const auto snippet = e.find("snippet");
                if (path != e.end() && path->is_string() && snippet != e.end() && snippet->is_string())
                    q.expected.push_back({path->get<std::string>(), snippet->get<std::string>()});
            }
        out.push_back(std::move(q));
    }
    if (rc != SQLITE_DONE)
        return R::failure(sqlError("read its golden questions"));
    return out;
}

Result<bool> KnowledgeStore::removeGoldenQuestion(std::int64_t id)
{
    if (m_mode == Mode::ReadOnly)
        return Result<bool>::failure(readOnlyError());
    auto s = m_db->statement("DELETE FROM golden WHERE id = ?");
    if (!s.valid() || s.bind(1, id).step() != SQLITE_DONE)
        return Result<bool>::failure(sqlError("remove a golden question"));
    return sqlite3_changes(m_db->handle()) > 0;
}

} // namespace flowdeck::engine
