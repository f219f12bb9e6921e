#pragma once

#include <QString>

#include <cstddef>
#include <string>
#include <vector>

namespace flowdeck::studio {

// What reading a keyword list file gave: its terms in file order, each once.
struct GuardTermsFile {
    std::vector<std::string> terms;
    std::size_t duplicates = 0;  // lines repeating an earlier term
    QString error;               // a sentence when the file could not be read
};

// Reads a keyword list from a .txt or .csv file of any size, one term a line: read in
// pieces, UTF-8 with or without a BOM, UTF-16 with a BOM, else GB18030 (what Chinese
// Windows saves); CRLF or LF; blank lines skipped, spaces around a term trimmed. Of a
// .csv line only the first field counts (quotes removed).
GuardTermsFile readGuardTermsFile(const QString &path);

} // namespace flowdeck::studio
