#include "widgets/plugins/catalogpage.h"
#include "engine/core/jsonaccess.h"

#include "engine/mcp/plugininstall.h"
#include "widgets/document/commands.h"
#include "widgets/plugins/npminstaller.h"
#include "widgets/panels/detailsbox.h"
#include "widgets/run/runcontroller.h"
#include "widgets/run/serverdirectory.h"
#include "widgets/settings/keystore.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSplitter>
#include <QVBoxLayout>

namespace flowdeck {
namespace studio {

namespace {

constexpr int kIdRole = Qt::UserRole;
constexpr int kSearchRole = Qt::UserRole + 1;

bool chinese() { return QLocale().language() == QLocale::Chinese; }

QString pick(const std::string &en, const std::string &zh) { return QString::fromStdString(chinese() && !zh.empty() ? zh : en); }

QString fieldLabel(const nlohmann::json &spec)
{
    return QString::fromStdString(engine::valueOr(spec, "name", "")) + (engine::valueOr(spec, "required", false) ? " *" : "");
}

} // namespace

CatalogPage::CatalogPage(GraphDocument *doc, ServerDirectory *servers, RunController *runner, KeyStore *keys, QWidget *parent)
    : QWidget(parent), m_doc(doc), m_servers(servers), m_runner(runner), m_keys(keys),
      m_installDir(engine::defaultPluginInstallDir())
{
    m_search = new QLineEdit;
    m_search->setPlaceholderText(tr("Search plugins (English or 中文)"));
    m_search->setClearButtonEnabled(true);
    m_list = new QListWidget;
    m_list->setObjectName("catalogList");
    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_search);
    leftLayout->addWidget(m_list, 1);

    m_about = new QLabel;
    m_about->setWordWrap(true);
    m_about->setTextFormat(Qt::RichText);
    m_about->setOpenExternalLinks(true);
    m_about->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_install = new QPushButton(tr("&Install"));
    m_install->setToolTip(tr("Download the server from npm now, so it starts at once and works offline"));
    m_add = new QPushButton(tr("&Add to Workflow"));
    m_add->setDefault(true);
    m_progress = new QProgressBar;
    m_progress->setRange(0, 1);
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(8);
    m_progress->hide();
    m_status = new QLabel;
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_log = new QPlainTextEdit;
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(300);
    m_log->setMaximumHeight(90);
    m_log->hide();
    m_failure = new DetailsBox;
    m_failure->setObjectName("installFailure");
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_install);
    buttons->addStretch(1);
    buttons->addWidget(m_add);
    m_formHost = new QWidget;
    auto *right = new QWidget;
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(6, 0, 0, 0);
    rightLayout->addWidget(m_about);
    rightLayout->addWidget(m_formHost);
    rightLayout->addStretch(1);
    rightLayout->addWidget(m_progress);
    rightLayout->addWidget(m_status);
    rightLayout->addWidget(m_failure);
    rightLayout->addWidget(m_log);
    rightLayout->addLayout(buttons);
    rightLayout->setObjectName("catalogDetail");

    auto *split = new QSplitter;
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split);

    fill();
    connect(m_search, &QLineEdit::textChanged, this, &CatalogPage::filter);
    connect(m_list, &QListWidget::currentItemChanged, this, &CatalogPage::showManifest);
    connect(m_install, &QPushButton::clicked, this, &CatalogPage::install);
    connect(m_add, &QPushButton::clicked, this, &CatalogPage::addToWorkflow);
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
}

void CatalogPage::fill()
{
    for (const auto *m : m_servers->catalog().all()) {
        auto *item = new QListWidgetItem(pick(m->name, m->nameZh), m_list);
        item->setData(kIdRole, QString::fromStdString(m->id));
        item->setData(kSearchRole, QString::fromStdString(m->id + " " + m->name + " " + m->nameZh + " " + m->description + " " +
                                                          m->descriptionZh + " " + m->category)
                                       .toLower());
        item->setToolTip(pick(m->description, m->descriptionZh));
    }
}

void CatalogPage::filter(const QString &text)
{
    const QString needle = text.trimmed().toLower();
    QListWidgetItem *firstShown = nullptr;
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem *item = m_list->item(i);
        const bool match = needle.isEmpty() || item->data(kSearchRole).toString().contains(needle);
        item->setHidden(!match);
        if (match && !firstShown)
            firstShown = item;
    }
    if (firstShown && (!m_list->currentItem() || m_list->currentItem()->isHidden()))
        m_list->setCurrentItem(firstShown);
}

void CatalogPage::select(const QString &id)
{
    for (int i = 0; i < m_list->count(); ++i)
        if (m_list->item(i)->data(kIdRole).toString() == id)
            m_list->setCurrentRow(i);
}

QString CatalogPage::selectedId() const { return m_list->currentItem() ? m_list->currentItem()->data(kIdRole).toString() : QString(); }

const engine::PluginManifest *CatalogPage::current() const { return m_servers->catalog().find(selectedId().toStdString()); }

QLineEdit *CatalogPage::field(const QString &name) const
{
    auto it = m_fields.find(name);
    return it == m_fields.end() ? nullptr : it->second;
}

QString CatalogPage::statusText() const { return m_failure->isVisibleTo(this) ? m_failure->message() : m_status->text(); }

void CatalogPage::showManifest()
{
    const engine::PluginManifest *m = current();
    delete m_formHost->layout();
    qDeleteAll(m_formHost->findChildren<QWidget *>(QString(), Qt::FindDirectChildrenOnly));
    m_fields.clear();
    m_status->clear();
    m_failure->clear();
    m_log->clear();
    m_log->hide();
    m_progress->hide();
    if (!m) {
        m_about->setText(tr("<i>No plugin matches.</i>"));
        m_install->setEnabled(false);
        m_add->setEnabled(false);
        return;
    }
    describe(*m);
    m_add->setEnabled(true);

    m_form = new QFormLayout(m_formHost);
    m_form->setContentsMargins(0, 0, 0, 0);
    QString alias = QString::fromStdString(m->id);
    for (int n = 2; m_doc->workflow().plugins.contains(alias.toStdString()); ++n)
        alias = QString::fromStdString(m->id) + "_" + QString::number(n);
    auto *aliasEdit = new QLineEdit(alias);
    aliasEdit->setToolTip(tr("The name nodes use for this plugin in the workflow"));
    m_form->addRow(tr("Name in workflow *"), aliasEdit);
    m_fields["alias"] = aliasEdit;
    auto addField = [this](const nlohmann::json &spec, bool isSetting) {
        auto *edit = new QLineEdit;
        const bool secret = engine::valueOr(spec, "secret", false);
        if (secret) {
            edit->setEchoMode(QLineEdit::Password);
            edit->setPlaceholderText(tr("kept in the keychain, never in the workflow"));
        } else if (engine::valueOr(spec, "multiple", false)) {
            edit->setPlaceholderText(tr("several: separate with ;"));
        } else if (spec.contains("default")) {
            edit->setPlaceholderText(tr("default: %1").arg(QString::fromStdString(spec["default"].is_string() ? spec["default"].get<std::string>() : engine::safeDump(spec["default"]))));
        }
        edit->setToolTip(pick(engine::valueOr(spec, "description", ""), engine::valueOr(spec, "description_zh", "")));
        edit->setProperty("setting", isSetting);
        edit->setProperty("secret", secret);
        const QString name = QString::fromStdString(engine::valueOr(spec, "name", ""));
        m_fields[name] = edit;
        m_form->addRow(fieldLabel(spec), edit);
    };
    for (const auto &s : m->settings)
        addField(s, true);
    for (const auto &e : m->env)
        addField(e, false);
}

void CatalogPage::describe(const engine::PluginManifest &m)
{
    const nlohmann::json install = engine::valueOr(m.raw, "install", nlohmann::json::object());
    const bool fromNpm = m.transport == "stdio" && install.contains("npm");
    const bool installed = fromNpm && !engine::installedExecutable(m, m_installDir).empty();
    QString how;
    if (m.transport == "http")
        how = tr("A remote server at %1").arg(QString::fromStdString(m.url).toHtmlEscaped());
    else if (installed)
        how = tr("npm package %1, installed").arg(QString::fromStdString(engine::valueOr(install, "npm", "") + "@" + engine::valueOr(install, "version", "")));
    else if (fromNpm)
        how = tr("npm package %1; downloaded by npx when first used, or install it now")
                  .arg(QString::fromStdString(engine::valueOr(install, "npm", "") + "@" + engine::valueOr(install, "version", "")));
    else
        how = tr("Runs %1").arg(QString::fromStdString(m.command).toHtmlEscaped());
    const std::string homepage = engine::valueOr(m.raw, "homepage", "");
    m_about->setText(QStringLiteral("<h3>%1</h3><p>%2</p><p><small>%3 · %4%5</small></p>")
                         .arg(pick(m.name, m.nameZh).toHtmlEscaped(), pick(m.description, m.descriptionZh).toHtmlEscaped(),
                              QString::fromStdString(m.category), how,
                              homepage.empty() ? QString()
                                               : QStringLiteral(" · <a href=\"%1\">%2</a>")
                                                     .arg(QString::fromStdString(homepage).toHtmlEscaped(), tr("homepage"))));
    m_install->setEnabled(fromNpm);
    m_install->setText(installed ? tr("Re&install") : tr("&Install"));
}

void CatalogPage::showStatus(const QString &text, bool problem)
{
    m_failure->clear();
    m_status->show();
    m_status->setText(text);
    m_status->setStyleSheet(problem ? "color: #d93f3f;" : "");
}

void CatalogPage::addToWorkflow()
{
    const engine::PluginManifest *m = current();
    if (!m)
        return;
    const QString alias = m_fields["alias"]->text().trimmed();
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z_][A-Za-z0-9_-]*$"));
    if (!valid.match(alias).hasMatch())
        return showStatus(tr("The name must start with a letter and use only letters, digits, _ and -."), true);
    if (m_doc->workflow().plugins.contains(alias.toStdString()))
        return showStatus(tr("The workflow already has a plugin named '%1'; choose another name.").arg(alias), true);
    nlohmann::json entry = {{"catalog", m->id}};
    for (const auto &s : m->settings) {
        const QString name = QString::fromStdString(engine::valueOr(s, "name", ""));
        const QString text = m_fields[name]->text().trimmed();
        if (text.isEmpty()) {
            if (engine::valueOr(s, "required", false) && !s.contains("default"))
                return showStatus(tr("Fill in %1: %2").arg(name, m_fields[name]->toolTip()), true);
            continue;
        }
        if (engine::valueOr(s, "multiple", false)) {
            nlohmann::json values = nlohmann::json::array();
            for (const QString &part : text.split(';', Qt::SkipEmptyParts))
                values.push_back(part.trimmed().toStdString());
            entry["settings"][name.toStdString()] = values;
        } else {
            entry["settings"][name.toStdString()] = text.toStdString();
        }
    }
    QStringList missingSecrets;
    for (const auto &e : m->env) {
        const QString name = QString::fromStdString(engine::valueOr(e, "name", ""));
        const QString text = m_fields[name]->text().trimmed();
        if (text.isEmpty()) {
            if (engine::valueOr(e, "required", false) && engine::valueOr(e, "secret", false))
                missingSecrets << name;
            continue;
        }
        if (!engine::valueOr(e, "secret", false)) {
            entry["env"][name.toStdString()] = text.toStdString();
            continue;
        }
        m_runner->setSecret(name, text);
        m_keys->save(name, text, [self = QPointer<CatalogPage>(this)](bool ok, QString warning) {
            if (self && (!ok || !warning.isEmpty()))
                self->showStatus(warning, !ok);
        });
    }
    m_doc->undoStack()->push(new SetPluginsCommand(m_doc, {{alias.toStdString(), entry}}, tr("Add plugin %1").arg(alias)));
    QString text = tr("Added as '%1'. Its tools appear in the palette once its server has started.").arg(alias);
    if (!missingSecrets.isEmpty())
        text += ' ' + tr("If %1 is not in the keychain yet, the server cannot start until you enter it.").arg(missingSecrets.join(", "));
    showStatus(text, false);
    m_fields["alias"]->setText(alias + "_2");
    emit added(alias);
}

void CatalogPage::install()
{
    if (m_installer && m_installer->running()) {
        m_installer->cancel();
        return;
    }
    const engine::PluginManifest *m = current();
    if (!m)
        return;
    delete m_installer;
    m_installer = new NpmInstaller(*m, m_installDir, this);
    const QString id = QString::fromStdString(m->id);
    connect(m_installer, &NpmInstaller::progress, this, [this](int fetched, qint64 elapsedMs, const QString &line) {
        showStatus(tr("Installing… %n package(s) fetched, %1 s", nullptr, fetched).arg(elapsedMs / 1000.0, 0, 'f', 1), false);
        m_log->appendPlainText(line);
    });
    connect(m_installer, &NpmInstaller::finished, this, [this, id](bool ok, const QString &message) {
        m_progress->setRange(0, 1);
        m_progress->setValue(ok ? 1 : 0);
        m_list->setEnabled(true);
        showStatus(message, !ok);
        if (!ok) {  // one line; the message and what npm printed behind Show details
            const QString log = m_log->toPlainText();
            m_failure->setMessage(log.isEmpty() ? message : message + "\n\n" + log);
            m_status->hide();
            m_log->hide();
        }
        const bool stillShown = selectedId() == id;
        m_install->setText(ok ? tr("Re&install") : tr("&Install"));
        if (ok && stillShown) {
            m_log->hide();
            describe(*current());
        }
        if (ok)  // plugins of the workflow that use this server start from the install now
            for (const auto &[alias, entry] : m_doc->workflow().plugins.items())
                if (entry.is_object() && engine::valueOr(entry, "catalog", "") == id.toStdString())
                    m_servers->refresh(QString::fromStdString(alias), true);
        emit installed(ok);
    });
    m_progress->setRange(0, 0);  // busy: npm does not say how many packages are coming
    m_progress->show();
    m_log->clear();
    m_log->show();
    m_list->setEnabled(false);
    m_install->setText(tr("&Cancel Install"));
    m_installer->start();
}

} // namespace studio
} // namespace flowdeck
