// The knowledge-base document parsers (engine/knowledge/parse/documentparser.h) on real
// files made here: PDFs drawn with QPdfWriter (a text layer, and a scan that only OCR
// reads), Office files zipped with minizip, CSV in GB18030, HTML, Markdown; and hostile
// input (truncated zips, a zip bomb, random bytes, deep nesting) that must fail with a
// sentence, never crash or come back empty.
#include "engine/knowledge/parse/documentparser.h"

#include <QFont>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

#include <minizip/zip.h>
#include <unicode/ucnv.h>
#include <zlib.h>

#include <fstream>

using namespace flowdeck::engine;
using Kind = SourceSection::Kind;

namespace {

const QString kCjkFont = QStringLiteral("WenQuanYi Micro Hei");

std::string readAll(const QString &path)
{
    std::ifstream in(path.toStdString(), std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

// A zip with these entries, written with minizip's zip.h.
std::string zipOf(const QString &path, const std::vector<std::pair<std::string, std::string>> &entries)
{
    zipFile zip = zipOpen64(path.toUtf8().constData(), APPEND_STATUS_CREATE);
    for (const auto &[name, data] : entries) {
        zipOpenNewFileInZip64(zip, name.c_str(), nullptr, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED, 6, 0);
        zipWriteInFileInZip(zip, data.data(), unsigned(data.size()));
        zipCloseFileInZip(zip);
    }
    zipClose(zip, nullptr);
    return readAll(path);
}

// All texts of a kind, in order.
QStringList textsOf(const ParsedDocument &d, Kind kind)
{
    QStringList texts;
    for (const SourceSection &s : d.sections)
        if (s.kind == kind)
            texts << QString::fromStdString(s.text);
    return texts;
}

const SourceSection *findSection(const ParsedDocument &d, const QString &needle)
{
    for (const SourceSection &s : d.sections)
        if (QString::fromStdString(s.text).contains(needle))
            return &s;
    return nullptr;
}

QStringList pathOf(const SourceSection &s)
{
    QStringList path;
    for (const std::string &h : s.location.headingPath)
        path << QString::fromStdString(h);
    return path;
}

QString messageOf(const Result<ParsedDocument> &r)
{
    return r.diagnostics().empty() ? QString() : QString::fromStdString(r.diagnostics().front().message);
}

std::string codeOf(const Result<ParsedDocument> &r)
{
    return r.diagnostics().empty() ? std::string() : r.diagnostics().front().code;
}

std::string toGb18030(const std::string &utf8)
{
    std::string out(utf8.size() * 2 + 4, '\0');
    UErrorCode status = U_ZERO_ERROR;
    const int32_t n = ucnv_convert("GB18030", "UTF-8", out.data(), int32_t(out.size()), utf8.data(),
                                   int32_t(utf8.size()), &status);
    out.resize(U_SUCCESS(status) ? std::size_t(n) : 0);
    return out;
}

// (Namespace URIs are "urn:ooxml" here: moc reads "//" inside a raw string as a comment.)
const char *kDocxTypes = R"(<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="urn:ooxml"/>)";

std::string docxBody(const std::string &inner)
{
    return R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="urn:ooxml"><w:body>)" +
           inner + "</w:body></w:document>";
}

std::string docxParagraph(const std::string &text, const std::string &style = {})
{
    const std::string properties = style.empty() ? "" : "<w:pPr><w:pStyle w:val=\"" + style + "\"/></w:pPr>";
    return "<w:p>" + properties + "<w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r></w:p>";
}

} // namespace

class TestDocParsers : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString pathFor(const QString &name) const { return m_dir.filePath(name); }

    // A PDF of text pages drawn with the CJK font: one string list per page.
    QString textPdf(const QString &name, const QList<QStringList> &pages)
    {
        const QString path = pathFor(name);
        QPdfWriter writer(path);
        writer.setResolution(300);
        QPainter painter(&writer);
        painter.setFont(QFont(kCjkFont, 14));
        for (qsizetype p = 0; p < pages.size(); ++p) {
            if (p > 0)
                writer.newPage();
            int y = 300;
            for (const QString &line : pages[p]) {
                painter.drawText(200, y, line);
                y += 120;
            }
        }
        painter.end();
        return path;
    }

    // A PDF whose page `scanPage` is only an image of large text (no text layer); other pages are text.
    QString scannedPdf(const QString &name, int pages, int scanPage)
    {
        QImage image(1600, 900, QImage::Format_RGB32);
        image.fill(Qt::white);
        {
            QPainter p(&image);
            p.setPen(Qt::black);
            // Body-text size as a 300 dpi scan has it: tesseract's chi_sim+eng misreads
            // Chinese glyphs much taller than ~50 pixels as English.
            p.setFont(QFont(kCjkFont, 24));
            p.drawText(60, 150, QStringLiteral("Invoice total 1234"));
            p.drawText(60, 300, QStringLiteral("知识库检索测试"));
            p.drawText(60, 450, QStringLiteral("Warehouse Shanghai"));
        }
        const QString path = pathFor(name);
        QPdfWriter writer(path);
        writer.setPageSize(QPageSize(QSizeF(160, 90), QPageSize::Millimeter));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        writer.setResolution(254);
        QPainter painter(&writer);
        for (int page = 1; page <= pages; ++page) {
            if (page > 1)
                writer.newPage();
            if (page == scanPage) {
                painter.drawImage(QRect(0, 0, 1600, 900), image);
            } else {
                painter.setFont(QFont(kCjkFont, 12));
                painter.drawText(100, 200, QStringLiteral("Text page %1 文字页").arg(page));
            }
        }
        painter.end();
        return path;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void namesTypesByExtension()
    {
        QCOMPARE(documentTypeFor("a/Report.PDF"), std::string("pdf"));
        QCOMPARE(documentTypeFor("notes.markdown"), std::string("md"));
        QCOMPARE(documentTypeFor("page.htm"), std::string("html"));
        QCOMPARE(documentTypeFor("data.tsv"), std::string("csv"));
        QCOMPARE(documentTypeFor("old.doc"), std::string());
        const auto r = parseDocumentFile(pathFor("old.doc").toStdString());
        QVERIFY(!r.ok());
        QVERIFY(messageOf(r).contains("'old.doc'"));
    }

    void readsATextPdfPageByPageWithChinese()
    {
        const QString path = textPdf("report.pdf", {{QStringLiteral("Quarterly report for Flowdeck"),
                                                     QStringLiteral("退货政策在第二页说明")},
                                                    {QStringLiteral("Returns are accepted within 30 days"),
                                                     QStringLiteral("七天无理由退货")}});
        std::vector<std::pair<int, int>> progress;
        ParseOptions options;
        options.progress = [&](int done, int total) { progress.emplace_back(done, total); };
        const auto r = parseDocumentFile(path.toStdString(), options);
        QVERIFY2(r.ok(), qPrintable(messageOf(r)));
        QCOMPARE(r->type, std::string("pdf"));
        QCOMPARE(r->ocrPages, 0);
        const SourceSection *first = findSection(r.value(), "Quarterly report");
        QVERIFY(first);
        QCOMPARE(first->location.page, 1);
        QVERIFY2(findSection(r.value(), QStringLiteral("退货政策在第二页说明")), qPrintable(textsOf(r.value(), Kind::Paragraph).join('|')));
        const SourceSection *second = findSection(r.value(), QStringLiteral("七天无理由退货"));
        QVERIFY(second);
        QCOMPARE(second->location.page, 2);
        QCOMPARE(findSection(r.value(), "within 30 days")->location.page, 2);
        QCOMPARE(progress, (std::vector<std::pair<int, int>>{{1, 2}, {2, 2}}));
    }

    void readsAScannedPdfByOcr()
    {
        const QString path = scannedPdf("scan.pdf", 1, 1);
        const auto r = parseDocumentFile(path.toStdString());
        QVERIFY2(r.ok(), qPrintable(messageOf(r)));
        QCOMPARE(r->ocrPages, 1);
        QCOMPARE(r->warnings.size(), std::size_t(1));
        QCOMPARE(r->warnings.front(), std::string("Page 1 has no text layer; its text was read by OCR."));
        QString all;
        for (const SourceSection &s : r->sections) {
            QCOMPARE(s.location.page, 1);
            all += QString::fromStdString(s.text) + "\n";
        }
        QVERIFY2(all.contains("Invoice"), qPrintable(all));
        QVERIFY2(all.contains("1234"), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("知识库")), qPrintable(all));  // CJK joined, no spaces between
    }

    void saysWhenOcrIsMissing()
    {
        ParseOptions options;
        options.tesseractProgram = "flowdeck-no-such-tesseract";
        const auto scan = parseDocumentFile(scannedPdf("scan-only.pdf", 1, 1).toStdString(), options);
        QVERIFY(!scan.ok());
        QCOMPARE(codeOf(scan), std::string("document-ocr-unavailable"));
        QCOMPARE(messageOf(scan), QStringLiteral("'scan-only.pdf' page 1 has no text layer and OCR is not available: "
                                                 "install tesseract-ocr."));
        // With other pages readable, the document is read and the page named in a warning.
        const auto mixed = parseDocumentFile(scannedPdf("mixed.pdf", 2, 2).toStdString(), options);
        QVERIFY2(mixed.ok(), qPrintable(messageOf(mixed)));
        QVERIFY(findSection(mixed.value(), QStringLiteral("文字页")));
        QCOMPARE(mixed->warnings.size(), std::size_t(1));
        QVERIFY(QString::fromStdString(mixed->warnings.front()).startsWith("Page 2 has no text layer and OCR is not available"));
    }

    void stopsWhenCancelled()
    {
        std::atomic<bool> cancel{true};
        ParseOptions options;
        options.cancel = &cancel;
        const auto r = parseDocumentFile(textPdf("cancel.pdf", {{"a"}, {"b"}}).toStdString(), options);
        QVERIFY(!r.ok());
        QCOMPARE(codeOf(r), std::string("document-cancelled"));
    }

    void readsDocxHeadingsAndTables()
    {
        const std::string styles = R"(<?xml version="1.0" encoding="UTF-8"?>
<w:styles xmlns:w="urn:ooxml">
<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/></w:style>
<w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>)";
        const std::string table =
            "<w:tbl><w:tr><w:tc>" + docxParagraph("产品") + "</w:tc><w:tc>" + docxParagraph("Price") +
            "</w:tc></w:tr><w:tr><w:tc>" + docxParagraph("键盘") + "</w:tc><w:tc>" + docxParagraph("199") +
            "</w:tc></w:tr><w:tr><w:tc>" + docxParagraph("Mouse") + "</w:tc><w:tc>" + docxParagraph("") +
            "</w:tc></w:tr></w:tbl>";
        const std::string document = docxBody(
            docxParagraph("用户手册", "Heading1") + docxParagraph("Introduction text.") +
            docxParagraph("退货", "2") +  // a localized style id, a heading by its name in styles.xml
            "<w:p><w:r><w:t>Returns </w:t></w:r><w:r><w:t>within 7 days</w:t></w:r>"
            "<w:del><w:r><w:delText>deleted</w:delText></w:r></w:del></w:p>" +
            table + docxParagraph("Outline heading", "Normal").replace(12, 0, "<w:outlineLvl w:val=\"0\"/>") +
            docxParagraph("After."));
        const std::string core = R"(<cp:coreProperties xmlns:cp="x" xmlns:dc="urn:dc"><dc:title>Manual 手册</dc:title></cp:coreProperties>)";
        const std::string bytes = zipOf(pathFor("manual.docx"), {{"[Content_Types].xml", kDocxTypes},
                                                                {"word/document.xml", document},
                                                                {"word/styles.xml", styles},
                                                                {"docProps/core.xml", core}});
        const auto r = parseDocumentBytes(bytes, "docx");
        QVERIFY2(r.ok(), qPrintable(messageOf(r)));
        QCOMPARE(r->title, std::string("Manual 手册"));
        QCOMPARE(textsOf(r.value(), Kind::Heading), (QStringList{QStringLiteral("用户手册"), QStringLiteral("退货"), "Outline heading"}));
        QCOMPARE(r->sections[0].headingLevel, 1);
        const SourceSection *returnsHeading = findSection(r.value(), QStringLiteral("退货"));
        QCOMPARE(returnsHeading->headingLevel, 2);
        QCOMPARE(pathOf(*returnsHeading), QStringList{QStringLiteral("用户手册")});
        const SourceSection *returns = findSection(r.value(), "Returns within 7 days");
        QVERIFY(returns);
        QCOMPARE(returns->text, std::string("Returns within 7 days"));  // deleted text left out
        QCOMPARE(pathOf(*returns), (QStringList{QStringLiteral("用户手册"), QStringLiteral("退货")}));
        QCOMPARE(textsOf(r.value(), Kind::TableRow), (QStringList{QStringLiteral("产品: 键盘; Price: 199"), QStringLiteral("产品: Mouse")}));
        QCOMPARE(pathOf(*findSection(r.value(), "After.")), QStringList{"Outline heading"});
    }

    void readsXlsxSheetsInOrderWithMergedCells()
    {
        const std::string workbook = R"(<workbook xmlns="urn:ooxml" xmlns:r="urn:ooxml"><sheets>
<sheet name="订单" sheetId="1" r:id="rId2"/><sheet name="Notes" sheetId="2" r:id="rId1"/></sheets></workbook>)";
        const std::string rels = R"(<Relationships xmlns="urn:ooxml">
<Relationship Id="rId1" Type="ws" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="ws" Target="/xl/worksheets/sheet2.xml"/></Relationships>)";
        const std::string strings = R"(<sst xmlns="urn:ooxml">
<si><t>地区</t></si><si><t>Amount</t></si><si><r><t>华</t></r><r><t>东</t></r></si><si><t>Paid</t></si><si><t>remember</t></si></sst>)";
        const std::string orders = R"(<worksheet xmlns="urn:ooxml"><sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>3</v></c></row>
<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>12.5</v></c><c r="C2" t="b"><v>1</v></c><c r="E2" t="inlineStr"><is><t>note</t></is></c></row>
<row r="3"><c r="B3"><v>0.1</v></c></row>
<row r="5"><c r="A5"/><c r="B5"><v>7</v></c></row></sheetData>
<mergeCells count="1"><mergeCell ref="A2:A3"/></mergeCells></worksheet>)";
        const std::string notes = R"(<worksheet xmlns="urn:ooxml"><sheetData>
<row r="1"><c r="A1" t="s"><v>4</v></c></row></sheetData></worksheet>)";
        const std::string bytes = zipOf(pathFor("orders.xlsx"), {{"xl/workbook.xml", workbook},
                                                                {"xl/_rels/workbook.xml.rels", rels},
                                                                {"xl/sharedStrings.xml", strings},
                                                                {"xl/worksheets/sheet1.xml", notes},
                                                                {"xl/worksheets/sheet2.xml", orders}});
        std::vector<std::pair<int, int>> progress;
        ParseOptions options;
        options.progress = [&](int done, int total) { progress.emplace_back(done, total); };
        const auto r = parseDocumentBytes(bytes, "xlsx", options);
        QVERIFY2(r.ok(), qPrintable(messageOf(r)));
        QCOMPARE(r->sections.size(), std::size_t(4));
        const auto &row2 = r->sections[0];
        QCOMPARE(row2.kind, Kind::TableRow);
        QCOMPARE(row2.text, std::string("地区: 华东; Amount: 12.5; Paid: TRUE; Column E: note"));
        QCOMPARE(row2.location.sheet, std::string("订单"));
        QCOMPARE(row2.location.row, 2);
        QCOMPARE(row2.location.rowEnd, 2);
        QCOMPARE(r->sections[1].text, std::string("地区: 华东; Amount: 0.1"));  // the merged value repeated
        QCOMPARE(r->sections[2].text, std::string("Amount: 7"));
        QCOMPARE(r->sections[2].location.row, 5);
        QCOMPARE(r->sections[3].location.sheet, std::string("Notes"));
        QCOMPARE(r->sections[3].text, std::string("Column A: remember"));
        QCOMPARE(progress, (std::vector<std::pair<int, int>>{{1, 2}, {2, 2}}));
    }

    void readsPptxSlidesInPresentationOrder()
    {
        const std::string presentation = R"(<p:presentation xmlns:p="urn:ooxml" xmlns:r="urn:ooxml">
<p:sldIdLst><p:sldId id="256" r:id="rId7"/><p:sldId id="257" r:id="rId3"/></p:sldIdLst></p:presentation>)";
        const std::string rels = R"(<Relationships xmlns="urn:ooxml">
<Relationship Id="rId3" Target="slides/slide1.xml"/><Relationship Id="rId7" Target="slides/slide2.xml"/></Relationships>)";
        const auto slide = [](const std::string &title, const std::string &body) {
            return R"(<p:sld xmlns:p="urn:ooxml" xmlns:a="urn:ooxml"><p:cSld><p:spTree>
<p:sp><p:nvSpPr><p:cNvPr id="3" name="Body"/><p:cNvSpPr/><p:nvPr><p:ph idx="1"/></p:nvPr></p:nvSpPr><p:txBody><a:p><a:r><a:t>)" +
                   body + R"(</a:t></a:r></a:p><a:p><a:r><a:t>Second </a:t></a:r><a:r><a:t>line</a:t></a:r></a:p></p:txBody></p:sp>
<p:sp><p:nvSpPr><p:cNvPr id="2" name="Title"/><p:cNvSpPr/><p:nvPr><p:ph type="title"/></p:nvPr></p:nvSpPr><p:txBody><a:p><a:r><a:t>)" +
                   title + "</a:t></a:r></a:p></p:txBody></p:sp></p:spTree></p:cSld></p:sld>";
        };
        const std::string bytes = zipOf(pathFor("deck.pptx"), {{"ppt/presentation.xml", presentation},
                                                              {"ppt/_rels/presentation.xml.rels", rels},
                                                              {"ppt/slides/slide1.xml", slide("Roadmap", "Ship Q3")},
                                                              {"ppt/slides/slide2.xml", slide("产品概览", "知识库")}});
        const auto r = parseDocumentBytes(bytes, "pptx");
        QVERIFY2(r.ok(), qPrintable(messageOf(r)));
        QCOMPARE(textsOf(r.value(), Kind::Heading), (QStringList{QStringLiteral("产品概览"), "Roadmap"}));
        QCOMPARE(r->sections[0].location.slide, 1);
        QCOMPARE(r->sections[0].headingLevel, 1);
        const SourceSection *body = findSection(r.value(), "Ship Q3");
        QVERIFY(body);
        QCOMPARE(body->text, std::string("Ship Q3\nSecond line"));
        QCOMPARE(body->location.slide, 2);
        QCOMPARE(pathOf(*body), QStringList{"Roadmap"});
        QCOMPARE(findSection(r.value(), QStringLiteral("知识库"))->location.slide, 1);
    }

    void readsHtmlWithoutPageChrome()
    {
        const std::string page = R"(<!DOCTYPE html><html><head><title>退货政策 | Shop</title>
<style>p { color: red }</style><script>var secret = "hidden";</script></head><body>
<nav><a href="/">Home menu</a></nav>
<h1>Returns</h1><p>Items can be returned <b>within 30 days</b>.</p>
<h2>运费</h2><ul><li>First item</li><li>第二项</li></ul>
<table><tr><th>Region</th><th>Days</th></tr><tr><td>华东</td><td>3</td></tr><tr><td>West</td><td>5</td></tr></table>
<pre>code   kept</pre><footer>Copyright footer</footer></body></html>)";
        const auto r = parseDocumentBytes(page, "html");
        QVERIFY2(r.ok(), qPrintable(messageOf(r)));
        QCOMPARE(r->title, std::string("退货政策 | Shop"));
        QString all;
        for (const SourceSection &s : r->sections)
            all += QString::fromStdString(s.text) + "|";
        QVERIFY2(!all.contains("hidden") && !all.contains("Home menu") && !all.contains("footer") && !all.contains("color"),
                 qPrintable(all));
        QCOMPARE(textsOf(r.value(), Kind::Heading), (QStringList{"Returns", QStringLiteral("运费")}));
        QCOMPARE(findSection(r.value(), "Items can")->text, std::string("Items can be returned within 30 days."));
        QCOMPARE(pathOf(*findSection(r.value(), QStringLiteral("第二项"))), (QStringList{"Returns", QStringLiteral("运费")}));
        QCOMPARE(textsOf(r.value(), Kind::TableRow), (QStringList{QStringLiteral("Region: 华东; Days: 3"), "Region: West; Days: 5"}));
        QCOMPARE(findSection(r.value(), "code")->text, std::string("code   kept"));
    }

    void readsGb18030CsvWithQuotedFields()
    {
        const std::string utf8 = "产品,说明,价格\r\n键盘,\"黑色, 机械\",199\r\n\r\n\"Mouse\",\"line one\nline \"\"two\"\"\",\r\n";
        const std::string gb = toGb18030(utf8);
        QVERIFY(!gb.empty() && gb != utf8);
        QFile file(pathFor("products.csv"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(gb.data(), qint64(gb.size()));
        file.close();
        const auto r = parseDocumentFile(pathFor("products.csv").toStdString());
        QVERIFY2(r.ok(), qPrintable(messageOf(r)));
        QCOMPARE(r->sections.size(), std::size_t(2));
        QCOMPARE(r->sections[0].text, std::string("产品: 键盘; 说明: 黑色, 机械; 价格: 199"));
        QCOMPARE(r->sections[0].location.row, 2);
        QCOMPARE(r->sections[1].text, std::string("产品: Mouse; 说明: line one line \"two\""));
        QCOMPARE(r->sections[1].location.row, 4);  // the blank record is row 3
        const auto semicolons = parseDocumentBytes("\xEF\xBB\xBF" "a;b\n1,5;2\n", "csv");
        QVERIFY(semicolons.ok());
        QCOMPARE(semicolons->sections.front().text, std::string("a: 1,5; b: 2"));
    }

    void readsMarkdownHeadingsAndTables()
    {
        const std::string md = "# 指南\n\nIntro paragraph\nwith two lines.\n\nSetext Part\n-----------\n\n"
                               "```sh\n# not a heading\nrun --fast\n```\n\n### Deep ###\n\n"
                               "| Name | 值 |\n|:-----|---:|\n| a | 1 |\n| b \\| c | |\n\n# Second\n\nclosing words\n";
        const auto r = parseDocumentBytes(md, "md");
        QVERIFY2(r.ok(), qPrintable(messageOf(r)));
        QCOMPARE(textsOf(r.value(), Kind::Heading), (QStringList{QStringLiteral("指南"), "Setext Part", "Deep", "Second"}));
        const SourceSection *setext = findSection(r.value(), "Setext Part");
        QCOMPARE(setext->headingLevel, 2);
        QCOMPARE(pathOf(*setext), QStringList{QStringLiteral("指南")});
        QCOMPARE(findSection(r.value(), "Intro")->text, std::string("Intro paragraph\nwith two lines."));
        const SourceSection *code = findSection(r.value(), "not a heading");
        QCOMPARE(code->text, std::string("# not a heading\nrun --fast"));
        QCOMPARE(pathOf(*code), (QStringList{QStringLiteral("指南"), "Setext Part"}));
        QCOMPARE(findSection(r.value(), "Deep")->headingLevel, 3);
        QCOMPARE(textsOf(r.value(), Kind::TableRow), (QStringList{QStringLiteral("Name: a; 值: 1"), "Name: b | c"}));
        QCOMPARE(pathOf(*findSection(r.value(), "Name: a")), (QStringList{QStringLiteral("指南"), "Setext Part", "Deep"}));
        QCOMPARE(pathOf(*findSection(r.value(), "closing words")), QStringList{"Second"});
    }

    void readsGbkTextParagraphs()
    {
        const auto r = parseDocumentBytes(toGb18030("第一段\n还是第一段\n\n  \nSecond paragraph\n"), "txt");
        QVERIFY2(r.ok(), qPrintable(messageOf(r)));
        QCOMPARE(textsOf(r.value(), Kind::Paragraph), (QStringList{QStringLiteral("第一段\n还是第一段"), "Second paragraph"}));
    }

    void refusesHostileInput_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("code");
        QByteArray random(4096, Qt::Uninitialized);
        QRandomGenerator generator(7);
        generator.fillRange(reinterpret_cast<quint32 *>(random.data()), random.size() / 4);
        QTest::newRow("random bytes as pdf") << random << "pdf" << "document-damaged";
        QTest::newRow("pdf header then noise") << (QByteArray("%PDF-1.7\n") + random) << "pdf" << "document-damaged";
        QTest::newRow("random bytes as docx") << random << "docx" << "document-damaged";
        QTest::newRow("random bytes as txt") << (random + QByteArray(4, '\0')) << "txt" << "document-damaged";
        QTest::newRow("empty text") << QByteArray(" \n\n ") << "txt" << "document-empty";
        QTest::newRow("unknown type") << QByteArray("x") << "doc" << "document-unsupported-type";
        QByteArray deep = "<html><body>";
        for (int i = 0; i < 100000; ++i)
            deep += "<div>";
        deep += "deep text";
        QTest::newRow("deeply nested html") << deep << "html" << "document-too-deep";
        QByteArray xmlDeep = "<w:document xmlns:w=\"w\"><w:body>";
        for (int i = 0; i < 200000; ++i)
            xmlDeep += "<w:sdt>";
        const std::string deepDocx = zipOf(pathFor("deep.docx"), {{"word/document.xml", xmlDeep.toStdString()}});
        QTest::newRow("deeply nested docx xml") << QByteArray::fromStdString(deepDocx) << "docx" << "document-damaged";
    }

    void refusesHostileInput()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, type);
        QFETCH(QString, code);
        ParseOptions options;
        options.name = "upload.bin";
        const auto r = parseDocumentBytes(std::string_view(bytes.constData(), std::size_t(bytes.size())),
                                          type.toStdString(), options);
        QVERIFY(!r.ok());
        QCOMPARE(QString::fromStdString(codeOf(r)), code);
        QVERIFY2(messageOf(r).contains("'upload.bin'") && messageOf(r).endsWith('.'), qPrintable(messageOf(r)));
    }

    void refusesTruncatedOfficeFiles()
    {
        const std::string whole = zipOf(pathFor("whole.docx"), {{"word/document.xml", docxBody(docxParagraph("Hello"))}});
        QVERIFY(parseDocumentBytes(whole, "docx").ok());
        for (std::size_t keep : {whole.size() / 2, whole.size() - 10, std::size_t(30)}) {
            const auto r = parseDocumentBytes(std::string_view(whole).substr(0, keep), "docx");
            QVERIFY(!r.ok());
            QCOMPARE(codeOf(r), std::string("document-damaged"));
            QCOMPARE(messageOf(r), QStringLiteral("'the document' is not a Word (.docx) file or is damaged."));
        }
    }

    void stopsAZipBombWhileInflating_data()
    {
        QTest::addColumn<bool>("honestHeader");
        QTest::addColumn<QString>("code");
        // minizip stops at the declared size, so a lying header makes a damaged entry (its
        // CRC does not match); an honest one is stopped by the unpacked-bytes budget.
        QTest::newRow("declared small") << false << "document-damaged";
        QTest::newRow("declared as it is") << true << "document-unpacked-too-large";
    }

    void stopsAZipBombWhileInflating()
    {
        QFETCH(bool, honestHeader);
        QFETCH(QString, code);
        // 256 MB of zeros deflated to a few hundred KB.
        const std::string zeros(std::size_t(256) << 20, '\0');
        std::string deflated(compressBound(uLong(zeros.size())), '\0');
        z_stream z{};
        deflateInit2(&z, 9, Z_DEFLATED, -MAX_WBITS, 9, Z_DEFAULT_STRATEGY);
        z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(zeros.data()));
        z.avail_in = uInt(zeros.size());
        z.next_out = reinterpret_cast<Bytef *>(deflated.data());
        z.avail_out = uInt(deflated.size());
        QCOMPARE(deflate(&z, Z_FINISH), Z_STREAM_END);
        deflated.resize(z.total_out);
        deflateEnd(&z);
        const QString path = pathFor(honestHeader ? "bomb.xlsx" : "liar.xlsx");
        zipFile zip = zipOpen64(path.toUtf8().constData(), APPEND_STATUS_CREATE);
        zipOpenNewFileInZip2(zip, "xl/workbook.xml", nullptr, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED, 9, 1);
        zipWriteInFileInZip(zip, deflated.data(), unsigned(deflated.size()));
        if (honestHeader)
            zipCloseFileInZipRaw64(zip, zeros.size(), crc32(0, reinterpret_cast<const Bytef *>(zeros.data()), uInt(zeros.size())));
        else
            zipCloseFileInZipRaw64(zip, 100, 0);
        zipClose(zip, nullptr);
        ParseOptions options;
        options.maxUnpackedBytes = 16u << 20;
        QElapsedTimer timer;
        timer.start();
        const auto r = parseDocumentFile(path.toStdString(), options);
        QVERIFY(!r.ok());
        QCOMPARE(QString::fromStdString(codeOf(r)), code);
        if (honestHeader)
            QCOMPARE(messageOf(r), QStringLiteral("'bomb.xlsx' unpacks to more than 16 MB; it is too large to read or is a zip bomb."));
        else
            QCOMPARE(messageOf(r), QStringLiteral("'liar.xlsx' is not an Excel (.xlsx) file or is damaged."));
        QVERIFY(timer.elapsed() < 10000);
    }

    void refusesFilesOverTheSizeLimit()
    {
        ParseOptions options;
        options.maxFileBytes = 4;
        const auto r = parseDocumentBytes("hello world", "txt", options);
        QVERIFY(!r.ok());
        QCOMPARE(codeOf(r), std::string("document-too-large"));
        const auto missing = parseDocumentFile(pathFor("missing.pdf").toStdString());
        QVERIFY(!missing.ok());
        QVERIFY(messageOf(missing).contains("'missing.pdf'"));
    }
};

QTEST_MAIN(TestDocParsers)
#include "tst_docparsers.moc"
