#include "widgets/knowledge/citationsview.h"

#include "engine/core/jsonaccess.h"
#include "widgets/knowledge/passagedialog.h"

namespace flowdeck::studio {

CitationsView::CitationsView(std::function<std::filesystem::path()> folder, QWidget *parent)
    : QLabel(parent), m_folder(std::move(folder))
{
    setObjectName("citations");
    setWordWrap(true);
    setTextFormat(Qt::RichText);
    setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    setToolTip(tr("Click a source to read the passage"));
    connect(this, &QLabel::linkActivated, this, [this](const QString &link) {
        if (link.startsWith(QLatin1String("cite:")))
            openCitation(link.mid(5).toInt());
    });
    clear();
}

void CitationsView::clear()
{
    m_citations = nlohmann::json::array();
    m_nodes.clear();
    render();
}

void CitationsView::addEvent(const nlohmann::json &event)
{
    if (engine::valueOr(event, "event", "") != "node_finished" || engine::valueOr(event, "nodeType", "") != "knowledge")
        return;
    const nlohmann::json outputs = engine::valueOr(engine::valueOr(event, "data", nlohmann::json::object()), "outputs", nlohmann::json::object());
    const QString node = QString::fromStdString(engine::valueOr(event, "node", ""));
    for (const auto &c : engine::valueOr(outputs, "citations", nlohmann::json::array()))
        if (c.is_object()) {
            m_citations.push_back(c);
            m_nodes.push_back(node);
        }
    render();
}

void CitationsView::render()
{
    QStringList links;
    for (std::size_t i = 0; i < m_citations.size(); ++i) {
        const auto &c = m_citations[i];
        const QString label = QStringLiteral("[%1] %2").arg(engine::valueOr(c, "index", 0))
                                  .arg(QString::fromStdString(engine::valueOr(c, "source", "")));
        const QString node = m_nodes[i];
        const bool several = std::any_of(m_nodes.begin(), m_nodes.end(), [&](const QString &n) { return n != node; });
        links << QStringLiteral("<a href=\"cite:%1\">%2</a>%3")
                     .arg(i)
                     .arg(label.toHtmlEscaped(), several ? QStringLiteral(" <small>(%1)</small>").arg(node.toHtmlEscaped()) : QString());
    }
    setText(links.isEmpty() ? QString() : tr("Sources: %1").arg(links.join(QStringLiteral(" &nbsp; "))));
    setVisible(!links.isEmpty());
}

void CitationsView::openCitation(int at)
{
    if (at < 0 || at >= static_cast<int>(m_citations.size()))
        return;
    auto *dialog = new PassageDialog(m_folder ? m_folder() : std::filesystem::path(), m_citations[at], window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

} // namespace flowdeck::studio
