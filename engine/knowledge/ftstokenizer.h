#pragma once

#include <string>

struct sqlite3;

namespace flowdeck::engine {

// The name under which TextSegmenter is an FTS5 tokenizer: `tokenize='flowdeck'`.
inline constexpr const char *kFtsTokenizerName = "flowdeck";

// Registers the "flowdeck" FTS5 tokenizer on a connection; every connection that reads or
// writes the knowledge base's FTS table needs it. False with `error` set when this SQLite
// has no FTS5.
bool registerFtsTokenizer(sqlite3 *db, std::string *error);

} // namespace flowdeck::engine
