#include "widgets/editors/guardformparts.h"

#include <QComboBox>
#include <QLabel>

namespace flowdeck::studio {

QLabel *guardHeading(const QString &text)
{
    auto *label = new QLabel(text);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    label->setContentsMargins(0, 6, 0, 0);
    return label;
}

QLabel *guardHint(const QString &text)
{
    auto *label = new QLabel(text);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));
    return label;
}

QComboBox *guardChoice(const QString &name)
{
    auto *box = new QComboBox;
    box->setObjectName(name);
    box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    box->setMinimumContentsLength(8);
    return box;
}

QStringList guardStrings(const nlohmann::json &values)
{
    QStringList out;
    for (const auto &v : values.is_array() ? values : nlohmann::json::array())
        if (v.is_string())
            out << QString::fromStdString(v.get<std::string>());
    return out;
}

nlohmann::json guardLines(const QString &text)
{
    nlohmann::json out = nlohmann::json::array();
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        const QString item = line.trimmed();
        if (!item.isEmpty())
            out.push_back(item.toStdString());
    }
    return out;
}

} // namespace flowdeck::studio
