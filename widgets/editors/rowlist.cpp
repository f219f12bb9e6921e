#include "widgets/editors/rowlist.h"

#include <QHBoxLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace flowdeck::studio {

namespace {

QToolButton *rowButton(const QString &text, const QString &tip, const QString &name)
{
    auto *b = new QToolButton;
    b->setText(text);
    b->setToolTip(tip);
    b->setObjectName(name);
    b->setAutoRaise(true);
    return b;
}

} // namespace

RowList::RowList(const nlohmann::json &items, MakeRow makeRow, Changed changed, QWidget *parent)
    : QWidget(parent), m_items(items.is_array() ? items : nlohmann::json::array()), m_makeRow(std::move(makeRow)),
      m_changed(std::move(changed))
{
    m_layout = new QVBoxLayout(this);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(2);
    m_rowsHost = new QWidget;
    m_rows = new QVBoxLayout(m_rowsHost);
    m_rows->setContentsMargins(0, 0, 0, 0);
    m_rows->setSpacing(2);
    m_layout->addWidget(m_rowsHost);
    m_add = new QPushButton(tr("+ Add"));
    m_add->setObjectName("add");
    m_add->hide();
    connect(m_add, &QPushButton::clicked, this, [this] {
        nlohmann::json items = m_items;
        items.push_back(m_fresh(m_items));
        reshape(std::move(items), nullptr, static_cast<int>(m_items.size()));
    });
    m_layout->addWidget(m_add, 0, Qt::AlignLeft);
    rebuild(-1);
}

void RowList::setAdd(const QString &text, const QString &tip, std::function<nlohmann::json(const nlohmann::json &)> fresh)
{
    m_add->setText(text);
    m_add->setToolTip(tip);
    m_fresh = std::move(fresh);
    m_add->show();
}

void RowList::setMinimumRows(int rows)
{
    m_minimumRows = rows;
    rebuild(-1);
}

void RowList::setHeader(QWidget *header) { m_layout->insertWidget(0, header); }

void RowList::setFooter(QWidget *footer) { m_layout->insertWidget(m_layout->indexOf(m_add), footer); }

void RowList::setValue(int index, const std::string &key, nlohmann::json value)
{
    if (index < 0 || index >= static_cast<int>(m_items.size()))
        return;
    if (!m_items[static_cast<std::size_t>(index)].is_object())
        m_items[static_cast<std::size_t>(index)] = nlohmann::json::object();
    if (value.is_null())
        m_items[static_cast<std::size_t>(index)].erase(key);
    else
        m_items[static_cast<std::size_t>(index)][key] = std::move(value);
}

QWidget *RowList::row(int index) const { return m_rowsHost->findChild<QWidget *>(QStringLiteral("row:%1").arg(index)); }

void RowList::reshape(nlohmann::json items, const nlohmann::json &removed, int focusRow)
{
    m_items = std::move(items);
    rebuild(focusRow);
    m_changed(m_items, removed);  // last: it may replace the whole form
}

void RowList::rebuild(int focusRow)
{
    while (QLayoutItem *item = m_rows->takeAt(0)) {
        if (QWidget *w = item->widget()) {
            w->setObjectName(QString());  // row(i) finds the new row, not this one
            w->hide();
            w->deleteLater();  // a button of it may be sending the click that got here
        }
        delete item;
    }
    const int count = static_cast<int>(m_items.size());
    for (int i = 0; i < count; ++i) {
        auto *row = new QWidget;
        row->setObjectName(QStringLiteral("row:%1").arg(i));
        auto *line = new QHBoxLayout(row);
        line->setContentsMargins(0, 0, 0, 0);
        line->setSpacing(2);
        line->addWidget(m_makeRow(this, i, m_items[static_cast<std::size_t>(i)]), 1);
        auto *up = rowButton(QStringLiteral("↑"), tr("Move up"), "moveUp");
        auto *down = rowButton(QStringLiteral("↓"), tr("Move down"), "moveDown");
        auto *remove = rowButton(QStringLiteral("✕"), tr("Remove"), "remove");
        up->setEnabled(i > 0);
        down->setEnabled(i + 1 < count);
        remove->setEnabled(count > m_minimumRows);
        connect(up, &QToolButton::clicked, this, [this, i] {
            nlohmann::json items = m_items;
            std::swap(items[static_cast<std::size_t>(i)], items[static_cast<std::size_t>(i - 1)]);
            reshape(std::move(items), nullptr, i - 1);
        });
        connect(down, &QToolButton::clicked, this, [this, i] {
            nlohmann::json items = m_items;
            std::swap(items[static_cast<std::size_t>(i)], items[static_cast<std::size_t>(i + 1)]);
            reshape(std::move(items), nullptr, i + 1);
        });
        connect(remove, &QToolButton::clicked, this, [this, i] {
            nlohmann::json items = m_items;
            const nlohmann::json removed = items[static_cast<std::size_t>(i)];
            items.erase(items.begin() + i);
            reshape(std::move(items), removed, -1);
        });
        auto *buttons = new QVBoxLayout;
        buttons->setSpacing(0);
        auto *moves = new QHBoxLayout;
        moves->setSpacing(0);
        moves->addWidget(up);
        moves->addWidget(down);
        moves->addWidget(remove);
        buttons->addLayout(moves);
        buttons->addStretch(1);
        line->addLayout(buttons);
        m_rows->addWidget(row);
        if (i == focusRow) {
            // The first field of the new or moved row, ready to type in.
            for (QWidget *w : row->findChildren<QWidget *>())
                if (qobject_cast<QLineEdit *>(w) || qobject_cast<QPlainTextEdit *>(w)) {
                    QTimer::singleShot(0, w, [w] { w->setFocus(); });  // once it is shown
                    break;
                }
        }
    }
}

} // namespace flowdeck::studio
