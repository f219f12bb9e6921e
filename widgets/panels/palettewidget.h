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
    // Shows a plugin server's tools (a JSON array from tools/list) as ready mcp.tool
    // nodes, or the error that kept them from being listed.
    void setServerTools(const QString &server, const QString &toolsJson, const QString &error);
    void clearServerTools();
    void removeServerTools(const QString &server);
    QTreeWidgetItem *itemForTool(const QString &server, const QString &tool) const;

private:
    void filter(const QString &text);

    QTreeWidgetItem *serverGroup(const QString &server);

    QLineEdit *m_search;
    PaletteTree *m_tree;
};

} // namespace studio
} // namespace flowdeck
