// The CSV reader of the built-in tables server (runtime/tables/csvtable.h), and the
// number and date readers that run over every cell.
#include "runtime/tables/csvtable.h"

#include <cstdint>
#include <cstdlib>
#include <string>

using namespace flowdeck::runtime;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char *>(data), size);
    const CsvParse parsed = parseCsv(text);
    if (!parsed.table) {
        if (parsed.error.empty())
            std::abort();  // a refusal must say why
        return 0;
    }
    const CsvTable &table = *parsed.table;
    if (table.columns.empty())
        std::abort();
    for (std::size_t c = 0; c < table.columns.size() && c < 64; ++c)  // column() is linear
        if (table.column(table.columns[c]) < 0)
            std::abort();
    double sum = 0;
    // The cells of the first rows: a wide header over short rows makes many empty cells,
    // and reading all of them would slow every run down without reaching new code.
    for (std::size_t r = 0; r < table.rowCount() && r * table.columns.size() < 20000; ++r)
        for (std::string_view cell : table.row(r)) {
            if (auto n = parseNumber(cell, table.decimalComma))
                sum += *n;
            if (auto d = parseDate(cell); d && (d->month < 1 || d->month > 12 || d->day < 1 || d->day > 31))
                std::abort();
        }
    (void)sum;
    return 0;
}
