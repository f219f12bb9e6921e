#include "widgets/editors/guardkeywordlists.h"

#include "engine/core/jsonaccess.h"
#include "engine/guard/guardtaxonomy.h"
#include "widgets/editors/guardformparts.h"
#include "widgets/editors/guardnames.h"
#include "widgets/editors/guardtermsfile.h"
#include "widgets/editors/namedrows.h"
#include "widgets/editors/rowlist.h"

#include <QApplication>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <unordered_set>

namespace flowdeck::studio {

namespace {

QString termsText(const nlohmann::json &terms) { return guardStrings(terms).join(QLatin1Char('\n')); }

QComboBox *categoryBox(const std::string &current)
{
    auto *box = guardChoice(QStringLiteral("category"));
    auto add = [box](const std::string &id) {
        box->addItem(guardCategoryTitle(id), QString::fromStdString(id));
        box->setItemData(box->count() - 1, guardCategoryTip(id), Qt::ToolTipRole);
    };
    add("custom");  // a list of the user's own, first
    for (const auto &c : engine::guardCategories())
        if (c.id != "custom" && c.id != "check_unavailable")
            add(c.id);
    box->setCurrentIndex(std::max(0, box->findData(QString::fromStdString(current))));
    box->setToolTip(GuardKeywordLists::tr("The risk category a match of this list is reported as"));
    return box;
}

} // namespace

GuardKeywordLists::GuardKeywordLists(const nlohmann::json &lists, GuardChecksEditor::Edit edit, QWidget *parent)
    : QWidget(parent), m_edit(std::move(edit))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_rows = new RowList(
        lists, [this](RowList *, int index, const nlohmann::json &item) { return listRow(index, item); },
        [this](const nlohmann::json &items, const nlohmann::json &) { m_edit("/keywords/lists", items, false); });
    m_rows->setObjectName(QStringLiteral("keywordLists"));
    m_rows->setAdd(tr("+ Keyword list"), tr("Add a list of words and phrases to look for"), [](const nlohmann::json &items) {
        return nlohmann::json{{"name", freshName(items, "list", true)}, {"category", "custom"}, {"terms", nlohmann::json::array()}};
    });
    layout->addWidget(m_rows);
}

QWidget *GuardKeywordLists::listRow(int index, const nlohmann::json &item)
{
    const std::string at = "/keywords/lists/" + std::to_string(index);
    auto *row = new QWidget;
    auto *grid = new QGridLayout(row);
    grid->setContentsMargins(0, 4, 0, 6);
    grid->setVerticalSpacing(2);
    auto *name = new QLineEdit(QString::fromStdString(engine::valueOr(item, "name", "")));
    name->setObjectName(QStringLiteral("name"));
    name->setPlaceholderText(tr("List name, e.g. banned"));
    name->setToolTip(tr("Reported with each match, so you can tell the lists apart"));
    auto *category = categoryBox(engine::valueOr(item, "category", "custom"));
    auto *terms = new QPlainTextEdit(termsText(engine::valueOr(item, "terms", nlohmann::json::array())));
    terms->setObjectName(QStringLiteral("terms"));
    terms->setPlaceholderText(tr("One word or phrase a line. Traditional forms, full-width letters and "
                                 "spaced-out spellings are found too."));
    terms->setTabChangesFocus(true);
    terms->setLineWrapMode(QPlainTextEdit::NoWrap);
    terms->setFixedHeight(terms->fontMetrics().lineSpacing() * 5 + 2 * (terms->frameWidth() + 4));
    auto *count = new QLabel;
    count->setObjectName(QStringLiteral("count"));
    count->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));
    auto *import = new QPushButton(tr("Import from file…"));
    import->setObjectName(QStringLiteral("import"));
    import->setToolTip(tr("Add the terms of a .txt or .csv file, one a line (UTF-8 or GB18030, any size)"));
    auto *note = new QLabel;
    note->setObjectName(QStringLiteral("note"));
    note->setWordWrap(true);
    note->hide();
    grid->addWidget(name, 0, 0);
    grid->addWidget(category, 0, 1);
    grid->addWidget(terms, 1, 0, 1, 2);
    grid->addWidget(count, 2, 0);
    grid->addWidget(import, 2, 1, Qt::AlignRight);
    grid->addWidget(note, 3, 0, 1, 2);
    grid->setColumnStretch(0, 1);

    auto showCount = [count](const nlohmann::json &value) {
        count->setText(tr("%Ln term(s)", nullptr, static_cast<int>(value.size())));
    };
    showCount(engine::valueOr(item, "terms", nlohmann::json::array()));
    connect(name, &QLineEdit::textEdited, row, [this, index, at](const QString &text) {
        m_rows->setValue(index, "name", text.toStdString());
        m_edit(at + "/name", text.toStdString(), true);
    });
    connect(category, &QComboBox::activated, row, [this, index, at, category](int) {
        const std::string id = category->currentData().toString().toStdString();
        m_rows->setValue(index, "category", id);
        m_edit(at + "/category", id, true);  // stepping through the choices is one step
    });
    connect(terms, &QPlainTextEdit::textChanged, row, [this, index, at, terms, showCount, note] {
        nlohmann::json value = guardLines(terms->toPlainText());
        showCount(value);
        note->hide();
        m_rows->setValue(index, "terms", value);
        m_edit(at + "/terms", std::move(value), true);
    });
    connect(import, &QPushButton::clicked, row, [this, index] { chooseFile(index); });
    return row;
}

void GuardKeywordLists::chooseFile(int index)
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import a keyword list"), {},
                                                      tr("Word lists (*.txt *.csv);;All files (*)"));
    if (!path.isEmpty())
        importFile(index, path);
}

bool GuardKeywordLists::importFile(int index, const QString &path)
{
    QWidget *row = m_rows->row(index);
    if (!row)
        return false;
    auto *note = row->findChild<QLabel *>(QStringLiteral("note"));
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const GuardTermsFile file = readGuardTermsFile(path);
    QApplication::restoreOverrideCursor();
    if (!file.error.isEmpty()) {
        note->setText(file.error);
        note->setStyleSheet(QStringLiteral("color: #d93f3f;"));
        note->show();
        return false;
    }
    // The list's own terms first, then the file's new ones.
    nlohmann::json terms = engine::valueOr(m_rows->items()[static_cast<std::size_t>(index)], "terms", nlohmann::json::array());
    std::unordered_set<std::string> have;
    for (const auto &t : terms)
        if (t.is_string())
            have.insert(t.get<std::string>());
    std::size_t added = 0;
    for (const auto &term : file.terms)
        if (have.insert(term).second) {
            terms.push_back(term);
            ++added;
        }
    const std::size_t already = file.terms.size() - added + file.duplicates;
    auto *box = row->findChild<QPlainTextEdit *>(QStringLiteral("terms"));
    {
        const QSignalBlocker quiet(box);  // one step for the whole file, not an edit per line
        box->setPlainText(termsText(terms));
    }
    row->findChild<QLabel *>(QStringLiteral("count"))->setText(tr("%Ln term(s)", nullptr, static_cast<int>(terms.size())));
    QString text = tr("%Ln new term(s) from %1", nullptr, static_cast<int>(added)).arg(QFileInfo(path).fileName());
    if (already > 0)
        text += tr("; %Ln line(s) already in the list or repeated", nullptr, static_cast<int>(already));
    note->setText(text + QLatin1Char('.'));
    note->setStyleSheet({});
    note->show();
    m_rows->setValue(index, "terms", terms);
    m_edit("/keywords/lists/" + std::to_string(index) + "/terms", std::move(terms), false);
    return true;
}

} // namespace flowdeck::studio
