#include "widgets/deploy/appsdialog.h"

#include "widgets/debug/openrundialog.h"
#include "widgets/deploy/localruntime.h"
#include "widgets/deploy/runtimeadmin.h"

#include <QApplication>
#include <QButtonGroup>
#include <QClipboard>
#include <QDateTime>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMap>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QShortcut>
#include <QSplitter>
#include <QTabWidget>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace flowdeck {
namespace studio {

namespace {

// "2026-11-23T14:05:09.123Z" in the user's time zone and locale.
QString localTime(const QString &iso)
{
    const QDateTime t = QDateTime::fromString(iso, Qt::ISODateWithMs);
    return t.isValid() ? QLocale().toString(t.toLocalTime(), QLocale::ShortFormat) : iso;
}

QTreeWidget *table(const QString &name, const QStringList &headers)
{
    auto *t = new QTreeWidget;
    t->setObjectName(name);
    t->setHeaderLabels(headers);
    t->setRootIsDecorated(false);
    t->setUniformRowHeights(true);
    t->setAllColumnsShowFocus(true);
    t->header()->setStretchLastSection(true);
    return t;
}

QString runStatus(const QString &status)
{
    if (status == "succeeded")
        return AppsDialog::tr("succeeded");
    if (status == "failed")
        return AppsDialog::tr("failed");
    if (status == "cancelled")
        return AppsDialog::tr("cancelled");
    return status;
}

} // namespace

AppsDialog::AppsDialog(LocalRuntime *local, QWidget *parent) : QDialog(parent), m_local(local), m_admin(new RuntimeAdmin(this))
{
    setWindowTitle(tr("Deployed Apps"));
    auto *here = new QRadioButton(tr("This computer"));
    auto *remote = new QRadioButton(tr("A remote runtime:"));
    m_runtime = new QButtonGroup(this);
    m_runtime->addButton(here, ThisComputer);
    m_runtime->addButton(remote, Remote);
    here->setChecked(true);
    m_url = new QLineEdit;
    m_url->setObjectName("url");
    m_url->setPlaceholderText("https://flowdeck.example.com");
    m_token = new QLineEdit;
    m_token->setObjectName("token");
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("admin token"));
    auto *refreshButton = new QPushButton(tr("&Refresh"));
    refreshButton->setToolTip(tr("Load the apps again (F5)"));
    auto *top = new QHBoxLayout;
    top->addWidget(here);
    top->addWidget(remote);
    top->addWidget(m_url, 2);
    top->addWidget(m_token, 1);
    top->addWidget(refreshButton);

    m_apps = table("apps", {tr("App"), tr("Live version"), tr("Deployed"), tr("From project")});
    m_overview = new QLabel;
    m_overview->setObjectName("overview");
    m_overview->setWordWrap(true);
    m_overview->setTextFormat(Qt::RichText);
    m_overview->setOpenExternalLinks(true);
    m_overview->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_overview->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_tabs = new QTabWidget;
    m_tabs->addTab(m_overview, tr("&Overview"));
    m_tabs->addTab(keysPage(), tr("API &Keys"));
    m_tabs->addTab(runsPage(), tr("Recent R&uns"));
    m_conversations = table("conversations", {tr("Conversation"), tr("Runs"), tr("Last message"), tr("Tokens (in + out)")});
    m_tabs->addTab(m_conversations, tr("&Conversations"));
    auto *split = new QSplitter;
    split->addWidget(m_apps);
    split->addWidget(m_tabs);
    split->setStretchFactor(1, 2);

    m_status = new QLabel;
    m_status->setObjectName("status");
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *close = new QPushButton(tr("Close"));
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    bottom->addWidget(close);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(split, 1);
    layout->addLayout(bottom);
    resize(980, 600);

    auto runtimeChanged = [this] {
        m_url->setEnabled(m_runtime->checkedId() == Remote);
        m_token->setEnabled(m_runtime->checkedId() == Remote);
    };
    runtimeChanged();
    connect(m_runtime, &QButtonGroup::idClicked, this, [this, runtimeChanged] {
        runtimeChanged();
        if (m_runtime->checkedId() == ThisComputer)
            refresh();
    });
    connect(m_token, &QLineEdit::returnPressed, this, &AppsDialog::refresh);
    connect(refreshButton, &QPushButton::clicked, this, &AppsDialog::refresh);
    connect(new QShortcut(QKeySequence(Qt::Key_F5), this), &QShortcut::activated, this, &AppsDialog::refresh);
    connect(close, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_apps, &QTreeWidget::currentItemChanged, this, &AppsDialog::showApp);
}

AppsDialog *AppsDialog::showFor(LocalRuntime *local, QWidget *parent)
{
    auto *dialog = parent->findChild<AppsDialog *>(QStringLiteral("deployedApps"), Qt::FindDirectChildrenOnly);
    if (!dialog) {
        dialog = new AppsDialog(local, parent);
        dialog->setObjectName("deployedApps");
    }
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
    dialog->refresh();
    return dialog;
}

QWidget *AppsDialog::keysPage()
{
    m_keys = table("keys", {tr("Name"), tr("Starts with"), tr("Created"), tr("Status")});
    m_keyName = new QLineEdit;
    m_keyName->setObjectName("keyName");
    m_keyName->setPlaceholderText(tr("Name of the new key, e.g. “website”"));
    m_create = new QPushButton(tr("Create &Key"));
    m_revoke = new QPushButton(tr("Re&voke…"));
    m_revoke->setToolTip(tr("Revoke the selected key (Delete)"));
    m_revoke->setEnabled(false);
    auto *row = new QHBoxLayout;
    row->addWidget(m_keyName, 1);
    row->addWidget(m_create);
    row->addWidget(m_revoke);
    m_keyNote = new QLabel(tr("The new key, shown only now: copy it and keep it somewhere safe."));
    m_newKey = new QLineEdit;
    m_newKey->setObjectName("newKey");
    m_newKey->setReadOnly(true);
    m_copy = new QPushButton(tr("Cop&y"));
    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(m_newKey, 1);
    keyRow->addWidget(m_copy);
    for (QWidget *w : std::initializer_list<QWidget *>{m_keyNote, m_newKey, m_copy})
        w->setVisible(false);
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_keys, 1);
    layout->addLayout(row);
    layout->addWidget(m_keyNote);
    layout->addLayout(keyRow);

    connect(m_keyName, &QLineEdit::returnPressed, this, &AppsDialog::createKey);
    connect(m_create, &QPushButton::clicked, this, &AppsDialog::createKey);
    connect(m_revoke, &QPushButton::clicked, this, &AppsDialog::askToRevoke);
    connect(m_copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(m_newKey->text()); });
    connect(m_keys, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        m_revoke->setEnabled(item && !item->data(0, Qt::UserRole + 1).toBool());
    });
    auto *del = new QShortcut(QKeySequence::Delete, m_keys, nullptr, nullptr, Qt::WidgetShortcut);
    connect(del, &QShortcut::activated, this, &AppsDialog::askToRevoke);
    return page;
}

QWidget *AppsDialog::runsPage()
{
    m_runs = table("runs", {tr("Started"), tr("Status"), tr("Called by"), tr("Conversation"), tr("Tokens (in + out)"),
                            tr("Took"), tr("Error")});
    m_openRun = new QPushButton(tr("Open Run in Studio…"));
    m_openRun->setObjectName("openRun");
    m_openRun->setToolTip(tr("Open a run (the selected one, or any by its id) with its inputs and node outputs, to "
                             "replay and fix it"));
    m_openRun->setEnabled(false);
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_runs, 1);
    layout->addWidget(m_openRun, 0, Qt::AlignRight);
    connect(m_openRun, &QPushButton::clicked, this, &AppsDialog::openRun);
    connect(m_runs, &QTreeWidget::itemDoubleClicked, this, &AppsDialog::openRun);
    return page;
}

void AppsDialog::openRun()
{
    const QString app = currentApp();
    if (app.isEmpty())
        return;
    QList<OpenRunDialog::Recent> recent;
    for (int i = 0; i < m_runs->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *row = m_runs->topLevelItem(i);
        recent.append({row->data(0, Qt::UserRole).toString(), row->data(1, Qt::UserRole).toString(), row->text(0), row->text(6)});
    }
    const QString selected = m_runs->currentItem() ? m_runs->currentItem()->data(0, Qt::UserRole).toString() : QString();
    auto *dialog = new OpenRunDialog(app, recent, selected, this);
    dialog->setObjectName("openRunDialog");
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &OpenRunDialog::openRequested, this, [this, app, dialog](const QString &runId) {
        dialog->setBusy(true);
        m_admin->get("apps/" + app + "/runs/" + QString::fromUtf8(QUrl::toPercentEncoding(runId)),
                     [this, app, runId, dialog = QPointer<OpenRunDialog>(dialog)](RuntimeAdmin::Answer a) {
                         if (!dialog)
                             return;
                         dialog->setBusy(false);
                         if (!a.ok())
                             return dialog->setProblem(tr("Run %1 could not be fetched: %2").arg(runId, a.error));
                         dialog->accept();
                         emit runOpened(app, runId, QString::fromUtf8(QJsonDocument(a.body).toJson(QJsonDocument::Compact)));
                     });
    });
    dialog->open();
}

void AppsDialog::setRuntime(Runtime runtime, const QString &url, const QString &token)
{
    m_url->setText(url);
    m_token->setText(token);
    m_runtime->button(runtime)->setChecked(true);
    m_url->setEnabled(runtime == Remote);
    m_token->setEnabled(runtime == Remote);
}

QString AppsDialog::status() const { return m_status->text(); }

void AppsDialog::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #d93f3f;") : QString());
}

QString AppsDialog::currentApp() const
{
    return m_apps->currentItem() ? m_apps->currentItem()->text(0) : QString();
}

void AppsDialog::selectApp(const QString &name)
{
    const auto found = m_apps->findItems(name, Qt::MatchExactly, 0);
    if (!found.isEmpty())
        m_apps->setCurrentItem(found.front());
}

void AppsDialog::refresh()
{
    ++m_generation;
    if (m_runtime->checkedId() == Remote) {
        if (m_url->text().trimmed().isEmpty() || m_token->text().isEmpty())
            return setStatus(tr("Give the remote runtime's URL and its admin token, then press Refresh."), true);
        m_admin->setRuntime(m_url->text(), m_token->text());
        return listApps();
    }
    setStatus(tr("Starting the runtime on this computer…"));
    m_local->ensureRunning([self = QPointer<AppsDialog>(this), generation = m_generation](QString error) {
        if (!self || generation != self->m_generation)
            return;
        if (!error.isEmpty())
            return self->setStatus(error, true);
        self->m_admin->setRuntime(self->m_local->url(), self->m_local->adminToken());
        self->listApps();
    });
}

void AppsDialog::listApps()
{
    setStatus(tr("Loading the apps from %1…").arg(m_admin->baseUrl()));
    const int generation = m_generation;
    m_admin->get("apps", [this, generation](RuntimeAdmin::Answer a) {
        if (generation != m_generation)
            return;
        if (!a.ok())
            return setStatus(a.error, true);
        const QString keep = currentApp();
        m_described.clear();
        m_apps->clear();
        for (const auto &value : a.body.value("apps").toArray()) {
            const QJsonObject app = value.toObject();
            const QString name = app.value("app").toString();
            QString deployed;
            for (const auto &v : app.value("versions").toArray())
                if (v.toObject().value("version").toInt() == app.value("version").toInt())
                    deployed = localTime(v.toObject().value("deployedAt").toString());
            const QString project = app.value("source").toObject().value("project").toString();
            auto *item = new QTreeWidgetItem(m_apps, {name, QString::number(app.value("version").toInt()), deployed,
                                                      project.isEmpty() ? tr("not recorded") : project});
            item->setToolTip(3, app.value("source").toObject().value("path").toString());
            m_described.insert(name, app);
        }
        m_apps->resizeColumnToContents(0);
        setStatus(m_apps->topLevelItemCount() == 0
                      ? tr("No app is deployed on %1 yet. Deploy one with Run → Deploy….").arg(m_admin->baseUrl())
                      : tr("%n app(s) on %1.", nullptr, m_apps->topLevelItemCount()).arg(m_admin->baseUrl()));
        if (!keep.isEmpty())
            selectApp(keep);
        if (!m_apps->currentItem() && m_apps->topLevelItemCount() > 0)
            m_apps->setCurrentItem(m_apps->topLevelItem(0));
        else
            showApp();
        emit appsLoaded();
    });
}

void AppsDialog::showApp()
{
    m_keys->clear();
    m_runs->clear();
    m_openRun->setEnabled(false);
    m_conversations->clear();
    m_newKey->clear();
    for (QWidget *w : std::initializer_list<QWidget *>{m_keyNote, m_newKey, m_copy})
        w->setVisible(false);
    const QString name = currentApp();
    m_create->setEnabled(!name.isEmpty());
    if (name.isEmpty()) {
        m_overview->clear();
        return;
    }
    const QJsonObject app = m_described.value(name);
    const QJsonObject source = app.value("source").toObject();
    const QString base = m_admin->baseUrl();
    auto link = [](const QString &url) { return QStringLiteral("<a href=\"%1\">%1</a>").arg(url.toHtmlEscaped()); };
    QString from = tr("not recorded (deployed with flowdeck deploy or an older studio)");
    if (!source.value("project").toString().isEmpty())
        from = tr("“%1” — %2 on %3")
                   .arg(source.value("project").toString().toHtmlEscaped(), source.value("path").toString().toHtmlEscaped(),
                        source.value("host").toString().toHtmlEscaped());
    QStringList versions;
    for (const auto &v : app.value("versions").toArray())
        versions << tr("%1 (%2)").arg(v.toObject().value("version").toInt()).arg(localTime(v.toObject().value("deployedAt").toString()));
    m_overview->setText(tr("<h3>%1</h3><p>%2</p><p><b>Live version:</b> %3<br><b>Kept versions:</b> %4<br>"
                           "<b>From project:</b> %5<br><b>Callable without a key:</b> %6</p>"
                           "<p><b>Chat page:</b> %7<br><b>OpenAI-compatible:</b> %8 (model <code>%9</code>)</p>")
                            .arg(app.value("title").toString().toHtmlEscaped(), app.value("description").toString().toHtmlEscaped())
                            .arg(app.value("version").toInt())
                            .arg(versions.join(", "), from, app.value("public").toBool() ? tr("yes") : tr("no"),
                                 link(base + "/apps/" + name + "/chat"), link(base + "/v1"), name.toHtmlEscaped()));
    listKeys();
    listRuns();
}

void AppsDialog::listKeys()
{
    const QString name = currentApp();
    m_admin->get("apps/" + name + "/keys", [this, name](RuntimeAdmin::Answer a) {
        if (name != currentApp())
            return;
        if (!a.ok())
            return setStatus(a.error, true);
        m_keys->clear();
        for (const auto &value : a.body.value("keys").toArray()) {
            const QJsonObject k = value.toObject();
            const bool revoked = k.value("revoked").toBool();
            const QString prefix = k.value("prefix").toString();
            auto *item = new QTreeWidgetItem(
                m_keys, {k.value("label").toString().isEmpty() ? tr("(no name)") : k.value("label").toString(),
                         prefix.isEmpty() ? QStringLiteral("—") : prefix + QStringLiteral("…"),
                         localTime(k.value("created").toString()),
                         revoked ? tr("revoked %1").arg(localTime(k.value("revokedAt").toString())) : tr("active")});
            item->setData(0, Qt::UserRole, k.value("id").toString());
            item->setData(0, Qt::UserRole + 1, revoked);
            if (revoked)
                for (int c = 0; c < item->columnCount(); ++c)
                    item->setForeground(c, palette().placeholderText());
        }
        m_revoke->setEnabled(false);
        emit keysLoaded();
    });
}

void AppsDialog::listRuns()
{
    const QString name = currentApp();
    m_admin->get("apps/" + name + "/runs?limit=50", [this, name](RuntimeAdmin::Answer a) {
        if (name != currentApp())
            return;
        if (!a.ok())
            return setStatus(a.error, true);
        m_runs->clear();
        m_conversations->clear();
        struct Conversation {
            int runs = 0;
            QString last;
            qint64 in = 0, out = 0;
        };
        QMap<QString, Conversation> conversations;
        for (const auto &value : a.body.value("runs").toArray()) {
            const QJsonObject run = value.toObject();
            const QJsonObject usage = run.value("usage").toObject();
            const qint64 in = usage.value("prompt_tokens").toInteger(), out = usage.value("completion_tokens").toInteger();
            const QString conversation = run.value("inputs").toObject().value("conversation").toString();
            const QString error = run.value("error").toObject().value("message").toString();
            auto *item = new QTreeWidgetItem(
                m_runs, {localTime(run.value("startedAt").toString()), runStatus(run.value("status").toString()),
                         run.value("api").toString(), conversation, QStringLiteral("%1 + %2").arg(in).arg(out),
                         tr("%1 s").arg(run.value("elapsedMs").toDouble() / 1000.0, 0, 'f', 1), error});
            item->setToolTip(6, error);
            item->setData(0, Qt::UserRole, run.value("runId").toString());
            item->setData(1, Qt::UserRole, run.value("status").toString());
            if (run.value("status").toString() == "failed")
                item->setForeground(1, QColor(0xd9, 0x3f, 0x3f));
            if (!conversation.isEmpty()) {
                Conversation &c = conversations[conversation];
                if (c.runs++ == 0)  // newest first: the first seen is the last message
                    c.last = localTime(run.value("startedAt").toString());
                c.in += in;
                c.out += out;
            }
        }
        for (auto it = conversations.begin(); it != conversations.end(); ++it)
            new QTreeWidgetItem(m_conversations, {it.key(), QString::number(it->runs), it->last,
                                                  QStringLiteral("%1 + %2").arg(it->in).arg(it->out)});
        for (int c = 0; c < 5; ++c)
            m_runs->resizeColumnToContents(c);
        m_openRun->setEnabled(true);
        emit runsLoaded();
    });
}

void AppsDialog::createKey()
{
    const QString name = currentApp();
    if (name.isEmpty())
        return;
    const QString label = m_keyName->text().trimmed().isEmpty() ? tr("made in the studio") : m_keyName->text().trimmed();
    m_create->setEnabled(false);
    m_admin->post("apps/" + name + "/keys", {{"label", label}}, [this, name](RuntimeAdmin::Answer a) {
        m_create->setEnabled(true);
        if (name != currentApp())
            return;
        if (!a.ok())
            return setStatus(tr("No key was made: %1").arg(a.error), true);
        m_keyName->clear();
        m_newKey->setText(a.body.value("key").toString());
        for (QWidget *w : std::initializer_list<QWidget *>{m_keyNote, m_newKey, m_copy})
            w->setVisible(true);
        m_newKey->setFocus();
        m_newKey->selectAll();
        setStatus(tr("A new key for '%1' was made.").arg(name));
        listKeys();
    });
}

void AppsDialog::askToRevoke()
{
    QTreeWidgetItem *item = m_keys->currentItem();
    if (!item || item->data(0, Qt::UserRole + 1).toBool())
        return;
    const QString id = item->data(0, Qt::UserRole).toString(), label = item->text(0), app = currentApp();
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Revoke the Key?"),
                                tr("Revoke the key “%1” (%2) of '%3'? Every program that uses it gets “401 Unauthorized” "
                                   "from now on. This cannot be undone; you can make a new key.")
                                    .arg(label, item->text(1), app),
                                QMessageBox::NoButton, this);
    box->setObjectName("revokeQuestion");
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *revoke = box->addButton(tr("&Revoke"), QMessageBox::DestructiveRole);
    revoke->setObjectName("revoke");
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(cancel);
    box->setEscapeButton(cancel);
    m_revokeQuestion = box;
    connect(box, &QMessageBox::finished, this, [this, box, revoke, id, app] {
        if (box->clickedButton() == revoke && app == currentApp())
            this->revoke(id);
    });
    box->open();
}

void AppsDialog::revoke(const QString &id)
{
    const QString name = currentApp();
    m_admin->remove("apps/" + name + "/keys/" + id, [this, name](RuntimeAdmin::Answer a) {
        if (!a.ok())
            return setStatus(tr("The key was not revoked: %1").arg(a.error), true);
        setStatus(tr("The key was revoked: it no longer opens '%1'.").arg(name));
        if (name == currentApp())
            listKeys();
    });
}

QMessageBox *AppsDialog::revokeQuestion() const { return m_revokeQuestion; }

} // namespace studio
} // namespace flowdeck
