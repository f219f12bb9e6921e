#pragma once

#include <QTreeWidget>
#include <QWidget>

class QLineEdit;

namespace flowdeck {
namespace studio {

// The tree the palette drags from: each node item carries the canvas's mime type.
class PaletteTree : public QTreeWidget {
    Q_OBJECT

public:
    using QTreeWidget::QTreeWidget;
    QMimeData *mimeData(const QList<QTreeWidgetItem *> &items) const override;
    QStringList mimeTypes() const override;
};

// Every node type of the engine, grouped by category, searchable in English and
// Chinese; drag one onto the canvas to add it.
class PaletteWidget : public QWidget {
    Q_OBJECT

public:
    explicit PaletteWidget(QWidget *parent = nullptr);
    PaletteTree *tree() const { return m_tree; }
    QLineEdit *search() const { return m_search; }
    QTreeWidgetItem *itemForType(const QString &type) const;

private:
    void filter(const QString &text);

    QLineEdit *m_search;
    PaletteTree *m_tree;
};

} // namespace studio
} // namespace flowdeck
