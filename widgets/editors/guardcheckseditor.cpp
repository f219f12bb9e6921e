#include "widgets/editors/guardcheckseditor.h"

#include "engine/core/jsonaccess.h"
#include "widgets/document/commands.h"
#include "widgets/editors/guardformparts.h"
#include "widgets/editors/guardkeywordlists.h"
#include "widgets/editors/guardnames.h"
#include "widgets/editors/guardproviderform.h"
#include "widgets/editors/guardtestbox.h"
#include "widgets/editors/rowlist.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace flowdeck::studio {

namespace {

} // namespace

bool guardCheckOn(const nlohmann::json &checks, const std::string &key)
{
    if (!checks.is_object())
        return false;
    const auto it = checks.find(key);
    return it != checks.end() && !it->is_null() && engine::valueOr(*it, "enabled", true);
}

GuardChecksEditor::GuardChecksEditor(const nlohmann::json &checks, const nlohmann::json &models, Edit edit, QWidget *parent)
    : QWidget(parent), m_checks(checks.is_object() ? checks : nlohmann::json::object()), m_edit(std::move(edit))
{
    if (models.is_object() && !models.empty())
        m_firstModel = models.begin().key();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    addCheck("pii", tr("Personal information"),
             tr("ID card numbers (checksum verified), mobile numbers, bank cards (Luhn), unified social credit codes, "
                "passports, e-mail and IP addresses."),
             piiTypes());
    addCheck("secrets", tr("Secrets"),
             tr("API keys and tokens by their known prefixes (sk-, ghp_, AKIA…) and long random values given to a key, "
                "token or password."),
             nullptr);
    addCheck("injection", tr("Prompt injection and jailbreaks"),
             tr("Attempts to override the assistant's instructions, in Chinese and English; stricter for text from tools "
                "and retrieved passages."),
             nullptr);
    m_lists = new GuardKeywordLists(engine::valueOr(engine::valueOr(m_checks, "keywords", nlohmann::json::object()), "lists",
                                                    nlohmann::json::array()),
                                    [this](const std::string &p, nlohmann::json v, bool merge) { set(p, std::move(v), merge); });
    addCheck("keywords", tr("Keyword lists"),
             tr("Your own words and phrases, found in simplified and traditional forms, in any case, in full-width letters "
                "and with spaces or symbols put between their characters."),
             m_lists);
    addCheck("urls", tr("Links (allow-list)"), tr("Every link or host name that is not on the list below is a finding."),
             urlAllowList());
    addCheck("provider", tr("Provider check"),
             tr("A model checks the text as well: one more model call each time."),
             new GuardProviderForm(engine::valueOr(m_checks, "provider", nlohmann::json::object()), models,
                                   [this](const std::string &p, nlohmann::json v, bool merge) { set(p, std::move(v), merge); }));

    layout->addWidget(guardHeading(tr("Try the checks")));
    m_testBox = new GuardTestBox;
    m_testBox->setChecks(m_checks);
    layout->addWidget(m_testBox);
}

QCheckBox *GuardChecksEditor::checkBox(const QString &check) const { return findChild<QCheckBox *>(QStringLiteral("check:") + check); }

void GuardChecksEditor::addCheck(const std::string &key, const QString &title, const QString &help, QWidget *body)
{
    auto *box = new QCheckBox(title);
    box->setObjectName(QStringLiteral("check:") + QString::fromStdString(key));
    box->setChecked(guardCheckOn(m_checks, key));
    QFont bold = box->font();
    bold.setBold(true);
    box->setFont(bold);
    auto *host = new QWidget;
    auto *column = new QVBoxLayout(host);
    column->setContentsMargins(22, 0, 0, 6);  // under the box's text
    column->setSpacing(4);
    column->addWidget(guardHint(help));
    if (body) {
        body->setVisible(box->isChecked());
        column->addWidget(body);
    }
    layout()->addWidget(box);
    layout()->addWidget(host);
    connect(box, &QCheckBox::toggled, this, [this, key, body](bool on) {
        toggle(key, on);
        if (body)
            body->setVisible(on);
    });
}

void GuardChecksEditor::toggle(const std::string &key, bool on)
{
    const nlohmann::json current = m_checks.contains(key) ? m_checks[key] : nlohmann::json();
    const std::string at = "/" + pointerToken(key);
    if (on) {
        if (current.is_object())
            return set(at + "/enabled", nullptr, false);  // back on with the settings it had
        nlohmann::json fresh = nlohmann::json::object();
        if (key == "keywords")
            fresh["lists"] = m_lists->rows()->items();
        else if (key == "urls")
            fresh["allow"] = nlohmann::json::array();
        else if (key == "provider") {
            fresh = {{"kind", "judge"}, {"threshold", 0.5}, {"onError", "allow"}};
            if (!m_firstModel.empty())
                fresh["model"] = m_firstModel;
        }
        return set(at, std::move(fresh), false);
    }
    nlohmann::json settings = current.is_object() ? current : nlohmann::json::object();
    settings.erase("enabled");
    // Off keeps what was set up (lists, hosts, a policy) for when it is turned on again.
    set(settings.empty() ? at : at + "/enabled", settings.empty() ? nlohmann::json() : nlohmann::json(false), false);
}

QWidget *GuardChecksEditor::piiTypes()
{
    auto *host = new QWidget;
    auto *grid = new QGridLayout(host);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setVerticalSpacing(2);
    const nlohmann::json chosen = engine::valueOr(engine::valueOr(m_checks, "pii", nlohmann::json::object()), "types", nlohmann::json());
    const QStringList types = guardStrings(chosen);
    QList<QCheckBox *> boxes;
    QCheckBox *longest = nullptr;
    int n = 0;
    for (const auto &type : guardPiiTypes()) {
        auto *box = new QCheckBox(guardPiiTypeTitle(type));
        box->setObjectName(QStringLiteral("pii:") + QString::fromStdString(type));
        box->setChecked(!chosen.is_array() || types.contains(QString::fromStdString(type)));  // no list: all of them
        boxes << box;
        if (type == "credit_code")
            longest = box;
        else
            grid->addWidget(box, n / 2, n % 2), ++n;
    }
    if (longest)  // last, on a row of its own: two columns of the others fit a narrow inspector
        grid->addWidget(longest, (n + 1) / 2, 0, 1, 2);
    // The last type on cannot be turned off: turn the whole check off instead.
    auto keepOne = [boxes] {
        const auto on = std::count_if(boxes.begin(), boxes.end(), [](QCheckBox *b) { return b->isChecked(); });
        for (QCheckBox *b : boxes)
            b->setEnabled(!(on == 1 && b->isChecked()));
    };
    keepOne();
    for (QCheckBox *box : boxes)
        connect(box, &QCheckBox::toggled, this, [this, boxes, keepOne] {
            keepOne();
            nlohmann::json types = nlohmann::json::array();
            for (std::size_t i = 0; i < guardPiiTypes().size(); ++i)
                if (boxes[static_cast<qsizetype>(i)]->isChecked())
                    types.push_back(guardPiiTypes()[i]);
            set("/pii/types", types.size() == guardPiiTypes().size() ? nlohmann::json() : types, false);
        });
    return host;
}

QWidget *GuardChecksEditor::urlAllowList()
{
    auto *allow = new QPlainTextEdit(
        guardStrings(engine::valueOr(engine::valueOr(m_checks, "urls", nlohmann::json::object()), "allow", nlohmann::json::array()))
            .join(QLatin1Char('\n')));
    allow->setObjectName(QStringLiteral("urlAllow"));
    allow->setPlaceholderText(tr("One host a line: example.com (also www.example.com), *.example.com (its subdomains)"));
    allow->setTabChangesFocus(true);
    allow->setFixedHeight(allow->fontMetrics().lineSpacing() * 3 + 2 * (allow->frameWidth() + 4));
    connect(allow, &QPlainTextEdit::textChanged, this, [this, allow] {
        set("/urls/allow", guardLines(allow->toPlainText()), true);
    });
    return allow;
}

void GuardChecksEditor::set(const std::string &pointer, nlohmann::json value, bool merge)
{
    setAtPointer(m_checks, pointer, value);
    m_edit(pointer, std::move(value), merge);
    m_testBox->setChecks(m_checks);
    emit checksChanged();
}

} // namespace flowdeck::studio
