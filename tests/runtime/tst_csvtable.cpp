// The tables server's CSV parser in-process (runtime/tables/csvtable.h): RFC 4180 quoting,
// separators, byte-order marks, short rows, errors that name the line, and the number
// and date formats business data is written in.
#include "runtime/tables/csvtable.h"

#include <QtTest>

using namespace flowdeck::runtime;

class TestCsvTable : public QObject {
    Q_OBJECT

    static std::string cell(const CsvTable &t, std::size_t row, std::size_t column)
    {
        return std::string(t.row(row)[column]);
    }

private slots:
    void quotedFieldsWithCommasQuotesAndLineBreaks()
    {
        const auto parsed = parseCsv("name,note,amount\r\n\"Li, Wei\",\"said \"\"hi\"\"\",12\r\n\"two\nlines\",x,3\r\n");
        QVERIFY2(parsed.table, parsed.error.c_str());
        const CsvTable &t = *parsed.table;
        QCOMPARE(t.columns, (std::vector<std::string>{"name", "note", "amount"}));
        QCOMPARE(t.rowCount(), std::size_t(2));
        QCOMPARE(cell(t, 0, 0), std::string("Li, Wei"));
        QCOMPARE(cell(t, 0, 1), std::string("said \"hi\""));
        QCOMPARE(cell(t, 1, 0), std::string("two\nlines"));
        QCOMPARE(cell(t, 1, 2), std::string("3"));
    }

    void separatorIsGuessedFromTheHeader_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("decimalComma");
        QTest::newRow("comma") << "a,b\n1,2\n" << false;
        QTest::newRow("semicolon") << "a;b\n1;2\n" << true;
        QTest::newRow("tab") << "a\tb\n1\t2\n" << false;
    }
    void separatorIsGuessedFromTheHeader()
    {
        QFETCH(QString, text);
        QFETCH(bool, decimalComma);
        const auto parsed = parseCsv(text.toStdString());
        QVERIFY2(parsed.table, parsed.error.c_str());
        QCOMPARE(parsed.table->columns.size(), std::size_t(2));
        QCOMPARE(cell(*parsed.table, 0, 1), std::string("2"));
        QCOMPARE(parsed.table->decimalComma, decimalComma);
    }

    void byteOrderMarkBlankLinesAndShortRows()
    {
        const auto parsed = parseCsv("\xEF\xBB\xBFregion,,total\n\nnorth,5\n");
        QVERIFY2(parsed.table, parsed.error.c_str());
        const CsvTable &t = *parsed.table;
        QCOMPARE(t.columns[0], std::string("region"));  // no byte-order mark in the name
        QCOMPARE(t.columns[1], std::string("column_2"));
        QCOMPARE(t.rowCount(), std::size_t(1));
        QCOMPARE(cell(t, 0, 2), std::string());  // a short row is filled with empty cells
        QCOMPARE(t.column("TOTAL"), 2);
        QCOMPARE(t.column("missing"), -1);
    }

    void errorsNameTheLine_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("never closed") << "a,b\n1,\"open\n2,3\n" << "line 2: a quoted field is never closed";
        QTest::newRow("text after quote") << "a,b\n\"x\"y,1\n" << "line 2: text after a closing quote";
        QTest::newRow("too wide") << "a,b\n1,2\n1,2,3\n" << "row 2 has 3 fields but the header has 2";
    }
    void errorsNameTheLine()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const auto parsed = parseCsv(text.toStdString());
        QVERIFY(!parsed.table);
        QVERIFY2(parsed.error.find(expected.toStdString()) != std::string::npos, parsed.error.c_str());
    }

    void numbersAsBusinessDataWritesThem_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("decimalComma");
        QTest::addColumn<double>("value");
        QTest::newRow("plain") << "1234" << false << 1234.0;
        QTest::newRow("thousands") << "1,234.50" << false << 1234.5;
        QTest::newRow("yuan") << "¥12.5" << false << 12.5;
        QTest::newRow("dollar") << "$3" << false << 3.0;
        QTest::newRow("negative") << "-4" << false << -4.0;
        QTest::newRow("percent") << "12%" << false << 0.12;
        QTest::newRow("decimal comma") << "12,5" << true << 12.5;
    }
    void numbersAsBusinessDataWritesThem()
    {
        QFETCH(QString, text);
        QFETCH(bool, decimalComma);
        QFETCH(double, value);
        const auto parsed = parseNumber(text.toStdString(), decimalComma);
        QVERIFY(parsed);
        QCOMPARE(*parsed, value);
    }

    void notNumbersAndDates()
    {
        QVERIFY(!parseNumber("north"));
        QVERIFY(!parseNumber(""));
        const auto date = parseDate("2026/3/14");
        QVERIFY(date);
        QCOMPARE(date->year, 2026);
        QCOMPARE(date->month, 3);
        QCOMPARE(date->day, 14);
        QVERIFY(parseDate("2026-03-14 10:20"));
        QVERIFY(!parseDate("March"));
    }
};

QTEST_GUILESS_MAIN(TestCsvTable)
#include "tst_csvtable.moc"
