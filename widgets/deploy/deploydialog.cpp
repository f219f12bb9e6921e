#include "widgets/deploy/deploydialog.h"
#include "widgets/deploy/knowledgeupload.h"
#include "engine/core/jsonaccess.h"

#include "engine/deploy/appname.h"
#include "engine/nodes/noderegistry.h"
#include "engine/run/compiledworkflow.h"
#include "widgets/deploy/bundlebuilder.h"
#include "widgets/deploy/kubernetesexport.h"
#include "widgets/deploy/localruntime.h"
#include "widgets/deploy/runtimeadmin.h"
#include "widgets/document/graphdocument.h"
#include "widgets/history/deployversion.h"
#include "widgets/history/livechanges.h"
#include "widgets/run/runcontroller.h"

#include <QApplication>
#include <QButtonGroup>
#include <QCheckBox>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QJsonArray>
#include <QListWidget>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QSysInfo>
#include <QVBoxLayout>
#include <QWebEngineView>

namespace flowdeck {
namespace studio {

namespace {

QString errorMessage(QNetworkReply *reply, const QByteArray &body)
{
    const QJsonObject error = QJsonDocument::fromJson(body).object().value("error").toObject();
    QString text = error.value("message").toString();
    if (text.isEmpty())
        text = reply->error() != QNetworkReply::NoError ? reply->errorString() : QString::fromUtf8(body.left(300));
    return text;
}

nlohmann::json sourceJson(const QJsonObject &source)
{
    nlohmann::json out = nlohmann::json::object();
    for (auto it = source.begin(); it != source.end(); ++it)
        out[it.key().toStdString()] = it.value().toString().toStdString();
    return out;
}

} // namespace

DeployDialog::DeployDialog(GraphDocument *doc, RunController *runner, LocalRuntime *local, QWidget *parent)
    : QDialog(parent), m_doc(doc), m_runner(runner), m_local(local), m_network(new QNetworkAccessManager(this)),
      m_admin(new RuntimeAdmin(this))
{
    setWindowTitle(tr("Deploy"));
    // Page 1: where to, and the steps.
    m_app = new QLineEdit(QString::fromStdString(doc->workflow().id));
    m_app->setObjectName("app");
    m_targets = new QButtonGroup(this);
    auto *here = new QRadioButton(tr("This computer — a runtime the studio runs for you (no set-up)"));
    auto *remote = new QRadioButton(tr("A remote runtime"));
    auto *kube = new QRadioButton(tr("Kubernetes — write the manifests to a folder"));
    m_targets->addButton(here, ThisComputer);
    m_targets->addButton(remote, Remote);
    m_targets->addButton(kube, Kubernetes);
    here->setChecked(true);
    m_url = new QLineEdit;
    m_url->setObjectName("url");
    m_url->setPlaceholderText("https://flowdeck.example.com");
    m_token = new QLineEdit;
    m_token->setObjectName("token");
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("the runtime's admin token"));
    m_folder = new QLineEdit(QDir::home().filePath("flowdeck-kubernetes/" + m_app->text()));
    m_folder->setObjectName("folder");
    auto *browse = new QPushButton(tr("Browse…"));
    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browse);
    m_public = new QCheckBox(tr("Anyone may call it without an API key"));
    m_skipModelCheck = new QCheckBox(tr("Skip the model check (no short test call to the model)"));
    m_skipModelCheck->setObjectName("skipModelCheck");
    m_skipModelCheck->setToolTip(tr("The smoke check normally asks each model for one word, so a key the provider "
                                    "refuses is found before the app goes live. The call costs a few tokens."));
    auto *form = new QFormLayout;
    form->addRow(tr("App name"), m_app);
    form->addRow(tr("Deploy to"), here);
    form->addRow(QString(), remote);
    form->addRow(tr("Runtime URL"), m_url);
    form->addRow(tr("Admin token"), m_token);
    form->addRow(QString(), kube);
    form->addRow(tr("Folder"), folderRow);
    form->addRow(QString(), m_public);
    form->addRow(QString(), m_skipModelCheck);
    m_steps = new QListWidget;
    m_steps->setObjectName("steps");
    for (const QString &s : {tr("Validate the workflow"), tr("Bundle it with its profiles, plugins and secrets"),
                             tr("Upload to the runtime"), tr("Smoke check: plugins start, each model answers a short call"),
                             tr("Live")})
        m_steps->addItem(QStringLiteral("○  ") + s);
    m_steps->setMaximumHeight(m_steps->sizeHintForRow(0) * 5 + 8);
    m_progress = new QProgressBar;
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_message = new QLabel;
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_deploy = new QPushButton(tr("&Deploy"));
    m_deploy->setDefault(true);
    auto *close = new QPushButton(tr("Close"));
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_deploy);
    buttons->addWidget(close);
    auto *setup = new QWidget;
    auto *setupLayout = new QVBoxLayout(setup);
    setupLayout->addLayout(form);
    m_changes = new LiveChanges;
    setupLayout->addWidget(m_changes);
    setupLayout->addWidget(m_steps);
    setupLayout->addWidget(m_progress);
    setupLayout->addWidget(m_message, 1);
    setupLayout->addLayout(buttons);

    // Page 2: what was deployed and how to call it.
    m_endpoints = new QLabel;
    m_endpoints->setObjectName("endpoints");
    m_endpoints->setWordWrap(true);
    m_endpoints->setTextFormat(Qt::RichText);
    m_endpoints->setOpenExternalLinks(true);
    m_endpoints->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_keyField = new QLineEdit;
    m_keyField->setObjectName("apiKey");
    m_keyField->setReadOnly(true);
    auto *copy = new QPushButton(tr("Copy"));
    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(new QLabel(tr("API key (shown only now):")));
    keyRow->addWidget(m_keyField, 1);
    keyRow->addWidget(copy);
    m_snippets = new QPlainTextEdit;
    m_snippets->setReadOnly(true);
    m_snippets->setObjectName("snippets");
    auto *openChat = new QPushButton(tr("Open &Chat"));
    auto *again = m_again = new QPushButton(tr("Deploy &Again"));
    again->setObjectName("deployAgain");
    auto *close2 = new QPushButton(tr("Close"));
    auto *resultButtons = new QHBoxLayout;
    resultButtons->addWidget(openChat);
    resultButtons->addStretch(1);
    resultButtons->addWidget(again);
    resultButtons->addWidget(close2);
    auto *result = new QWidget;
    auto *resultLayout = new QVBoxLayout(result);
    resultLayout->addWidget(m_endpoints);
    resultLayout->addLayout(keyRow);
    resultLayout->addWidget(m_snippets, 1);
    resultLayout->addLayout(resultButtons);

    m_pages = new QStackedWidget;
    m_pages->addWidget(setup);
    m_pages->addWidget(result);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages);
    resize(760, 620);

    auto targetChanged = [this] {
        const Target t = target();
        m_url->setEnabled(t == Remote);
        m_token->setEnabled(t == Remote);
        m_folder->setEnabled(t == Kubernetes);
    };
    connect(m_targets, &QButtonGroup::idClicked, this, targetChanged);
    targetChanged();
    connect(m_targets, &QButtonGroup::idClicked, this, &DeployDialog::checkLiveVersion);
    for (QLineEdit *edit : {m_app, m_url, m_token})
        connect(edit, &QLineEdit::editingFinished, this, &DeployDialog::checkLiveVersion);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Folder for the manifests"), m_folder->text());
        if (!dir.isEmpty())
            m_folder->setText(dir);
    });
    connect(m_deploy, &QPushButton::clicked, this, &DeployDialog::deploy);
    connect(close, &QPushButton::clicked, this, &QDialog::reject);
    connect(close2, &QPushButton::clicked, this, &QDialog::accept);
    connect(copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(m_keyField->text()); });
    connect(openChat, &QPushButton::clicked, this, &DeployDialog::openChat);
    // The whole pipeline again, from a clean list of steps.
    connect(again, &QPushButton::clicked, this, [this] {
        m_pages->setCurrentIndex(0);
        deploy();
    });
}

DeployDialog::Target DeployDialog::target() const { return static_cast<Target>(m_targets->checkedId()); }

void DeployDialog::setTarget(Target t)
{
    m_targets->button(t)->click();
}

QLineEdit *DeployDialog::field(const QString &name) const { return findChild<QLineEdit *>(name); }

QString DeployDialog::message() const { return m_message->text(); }

void DeployDialog::setStep(int step, const QString &state, const QString &detail)
{
    static const QStringList marks = {"○", "…", "✓", "✗", "–"};
    const int mark = state == "running" ? 1 : state == "done" ? 2 : state == "failed" ? 3 : state == "skipped" ? 4 : 0;
    QListWidgetItem *item = m_steps->item(step);
    QString text = item->text().mid(3).section(QStringLiteral("  — "), 0, 0);
    item->setText(marks[mark] + "  " + text + (detail.isEmpty() ? QString() : QStringLiteral("  — ") + detail));
    item->setData(Qt::UserRole, state);
    item->setForeground(state == "failed" ? QColor(0xd9, 0x3f, 0x3f) : state == "done" ? QColor(0x2e, 0x9e, 0x4f) : palette().text().color());
}

void DeployDialog::fail(int step, const QString &message)
{
    // Not live: the version recorded for this deploy is taken back from the history (an
    // app that is live but got no key stays recorded).
    if (step != Live && withdrawDeployVersion(m_projectFile, m_deployedVersion))
        m_deployedVersion.clear();
    setStep(step, "failed");
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_message->setText(message);
    m_message->setStyleSheet("color: #d93f3f;");
    m_busy = false;
    m_deploy->setEnabled(true);
    emit finished(false);
}

void DeployDialog::deploy()
{
    if (m_busy)
        return;
    m_appName = m_app->text().trimmed();
    m_deployedVersion.clear();
    for (int i = 0; i < m_steps->count(); ++i)
        setStep(i, "pending");
    m_message->setStyleSheet({});
    m_message->clear();
    m_apiKey.clear();
    if (!engine::isValidAppName(m_appName.toStdString()))
        return fail(Validate, tr("Give the app a name of letters, digits, '.', '_' or '-' (at most 64, beginning with a letter or digit)."));
    if (target() == Remote && (m_url->text().trimmed().isEmpty() || m_token->text().isEmpty()))
        return fail(Validate, tr("Give the remote runtime's URL and its admin token."));
    // A deploy bundle carries the secrets the workflow names: not for an untrusted one.
    if (!m_doc->ensureTrusted())
        return fail(Validate, tr("This workflow comes from outside your projects and is not trusted: trust it first."));
    m_busy = true;
    m_deploy->setEnabled(false);
    m_progress->setRange(0, 0);
    setStep(Validate, "running");
    auto compiled = engine::CompiledWorkflow::compile(m_doc->workflow(), engine::NodeRegistry::builtin());
    if (!compiled) {
        QStringList lines;
        for (const auto &d : compiled.diagnostics())
            lines << QString::fromStdString(d.toString());
        return fail(Validate, tr("The workflow has problems; fix them and deploy again:\n%1").arg(lines.join('\n')));
    }
    setStep(Validate, "done");
    setStep(Bundle, "running");
    buildDeployBundle(m_runner, m_doc->workflow(), m_public->isChecked(),
                      [self = QPointer<DeployDialog>(this)](QString bundle, QStringList problems, QVector<PackedBase> bases) {
        if (!self)
            return;
        if (!problems.isEmpty())
            return self->fail(Bundle, tr("The app cannot be bundled:\n%1").arg(problems.join('\n')));
        // The deploy as a version of the project; the bundle's source names it.
        const DeployVersion recorded = recordDeployVersion(self->m_projectFile, self->m_doc->toText(), self->targetText(), self->m_appName);
        bundle = withSourceFields(bundle, recorded.source);
        self->m_deployedVersion = recorded.source.value("version").toString();
        const QString versionNote = !recorded.shortId.isEmpty() ? QStringLiteral(", ") + tr("project version %1").arg(recorded.shortId)
                                    : !recorded.note.isEmpty()  ? QStringLiteral(", ") + recorded.note
                                                                : QString();
        qint64 knowledgeBytes = 0;
        for (const auto &b : bases)
            knowledgeBytes += b.bytes;
        self->setStep(Bundle, "done", (bases.isEmpty() ? tr("%1 KiB").arg((bundle.toUtf8().size() + 1023) / 1024)
                                                       : tr("%1 KiB, and %n knowledge base(s) of %2 KiB", nullptr, bases.size())
                                                             .arg((bundle.toUtf8().size() + 1023) / 1024)
                                                             .arg((knowledgeBytes + 1023) / 1024)) + versionNote);
        self->m_bases = bases;
        self->upload(bundle.toUtf8());
    }, sourceJson(source()), m_projectFile, m_packFolder.path());
}

void DeployDialog::upload(const QByteArray &bundle)
{
    if (target() == Kubernetes && !m_bases.isEmpty())
        return fail(Upload, tr("The Kubernetes manifests cannot carry knowledge bases yet. Deploy to a runtime instead: "
                               "this computer, or a remote one (the runtime in the cluster, by its URL and admin token)."));
    if (target() == Kubernetes) {
        setStep(Upload, "running", tr("writing the manifests"));
        QString error;
        const QStringList files = writeKubernetesFolder(m_folder->text(), m_appName, bundle, &error);
        if (files.isEmpty())
            return fail(Upload, error);
        setStep(Upload, "done", tr("%n file(s) written", nullptr, static_cast<int>(files.size())));
        setStep(SmokeCheck, "skipped", tr("runs in the cluster"));
        setStep(Live, "skipped", tr("after kubectl apply -k"));
        m_progress->setRange(0, 1);
        m_progress->setValue(1);
        m_message->setText(tr("The manifests are in %1. Apply them with:\n  kubectl apply -k %1\nREADME.md there lists every step.")
                               .arg(m_folder->text()));
        m_busy = false;
        m_deploy->setEnabled(true);
        emit finished(true);
        return;
    }
    auto send = [this, bundle](const QString &base, const QString &token) {
        m_baseUrl = base;
        while (m_baseUrl.endsWith('/'))
            m_baseUrl.chop(1);
        m_adminToken = token;
        m_admin->setRuntime(m_baseUrl, m_adminToken);
        setStep(Upload, "running", m_baseUrl);
        checkOwner([this, bundle] { uploadKnowledgeThen(bundle); });
    };
    if (target() == Remote)
        return send(m_url->text().trimmed(), m_token->text());
    setStep(Upload, "running", tr("starting the runtime on this computer"));
    m_local->ensureRunning([this, send, self = QPointer<DeployDialog>(this)](QString error) {
        if (!self || !m_doc)
            return;
        if (!error.isEmpty())
            return fail(Upload, error);
        send(m_local->url(), m_local->adminToken());
    });
}

QJsonObject DeployDialog::source() const
{
    const QString name = QString::fromStdString(m_doc->workflow().name);
    const QFileInfo file(m_projectFile);
    return {{"project", name.isEmpty() ? file.completeBaseName() : name},
            {"path", m_projectFile.isEmpty() ? QString() : file.absoluteFilePath()},
            {"host", QSysInfo::machineHostName()}};
}

QString DeployDialog::targetText() const
{
    // As `flowdeck deploy` records it: the runtime's URL, or "this computer" for the studio's own.
    return target() == ThisComputer ? QStringLiteral("this computer")
           : target() == Remote     ? m_url->text().trimmed()
                                    : QDir::toNativeSeparators(m_folder->text());
}

void DeployDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    checkLiveVersion();
}

void DeployDialog::checkLiveVersion()
{
    const QString app = m_app->text().trimmed();
    if (!isVisible() || m_busy)
        return;
    if (target() == Kubernetes)
        return m_changes->showNote(tr("The manifests are written to a folder: there is no live version to compare with."));
    if (!engine::isValidAppName(app.toStdString()))
        return m_changes->showNote(tr("Give the app a name to compare with its live version."));
    if (target() == Remote) {
        if (m_url->text().trimmed().isEmpty() || m_token->text().isEmpty())
            return m_changes->showNote(tr("Give the runtime's URL and admin token to compare with the live version."));
        return m_changes->check(m_url->text().trimmed(), m_token->text(), app, m_projectFile, m_doc->workflow());
    }
    m_changes->showNote(tr("Starting the runtime on this computer to compare with the live version…"));
    m_local->ensureRunning([self = QPointer<DeployDialog>(this), app](QString error) {
        if (!self || !self->m_doc || self->target() != ThisComputer)
            return;
        if (!error.isEmpty())
            return self->m_changes->showNote(tr("The live version could not be checked: %1").arg(error));
        self->m_changes->check(self->m_local->url(), self->m_local->adminToken(), app, self->m_projectFile, self->m_doc->workflow());
    });
}

void DeployDialog::checkOwner(std::function<void()> proceed)
{
    m_admin->get("apps/" + m_appName, [this, proceed = std::move(proceed)](RuntimeAdmin::Answer a) {
        m_changes->showAnswer(a.status, a.body, a.status == 404 ? QString() : a.error, m_appName, m_projectFile, m_doc->workflow());
        if (a.status == 404)
            return proceed();  // a new app
        if (!a.ok())
            return fail(Upload, a.error);
        const QJsonObject theirs = a.body.value("source").toObject(), ours = source();
        if (theirs.value("path") == ours.value("path") && theirs.value("host") == ours.value("host"))
            return proceed();  // a new version of this project's app
        askToReplace(theirs, proceed);
    });
}

void DeployDialog::askToReplace(const QJsonObject &theirs, std::function<void()> proceed)
{
    auto where = [](const QJsonObject &s) {
        if (s.value("project").toString().isEmpty())
            return tr("somewhere else (no project was recorded; it was deployed with flowdeck deploy or an older studio)");
        QString text = QStringLiteral("“%1”").arg(s.value("project").toString());
        if (!s.value("path").toString().isEmpty())
            text += tr(" (%1 on %2)").arg(s.value("path").toString(), s.value("host").toString());
        return text;
    };
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Replace Another Project's App?"),
                                tr("An app named '%1' is already live on %2. It was deployed from %3.\n\n"
                                   "Deploying %4 under the same name would replace it for everyone who uses it.")
                                    .arg(m_appName, m_baseUrl, where(theirs), where(source())),
                                QMessageBox::NoButton, this);
    box->setObjectName("replaceQuestion");
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *replace = box->addButton(tr("&Replace It"), QMessageBox::DestructiveRole);
    replace->setObjectName("replace");
    QPushButton *rename = box->addButton(tr("Deploy as a &New App Name"), QMessageBox::ActionRole);
    rename->setObjectName("newName");
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(cancel);
    box->setEscapeButton(cancel);
    m_replaceQuestion = box;
    const QString owner = theirs.value("project").toString();
    connect(box, &QMessageBox::finished, this, [this, box, replace, rename, owner, proceed] {
        QAbstractButton *clicked = box->clickedButton();
        if (clicked == replace)
            return proceed();
        if (clicked == rename)
            return suggestNewName();
        stopWithout(owner.isEmpty() ? tr("Nothing was deployed: the app '%1' already on the runtime goes on serving.").arg(m_appName)
                                    : tr("Nothing was deployed: '%1' from “%2” goes on serving.").arg(m_appName, owner));
    });
    box->open();
}

void DeployDialog::suggestNewName()
{
    m_admin->get("apps", [this](RuntimeAdmin::Answer a) {
        QStringList taken;
        for (const auto &app : a.body.value("apps").toArray())
            taken << app.toObject().value("app").toString();
        QString base = m_appName, suggestion;
        for (int n = 2; suggestion.isEmpty() || taken.contains(suggestion); ++n)
            suggestion = base.left(60) + "-" + QString::number(n);
        m_app->setText(suggestion);
        m_app->setFocus();
        m_app->selectAll();
        stopWithout(tr("Choose a new name for this project's app (“%1” is free) and press Deploy. "
                       "The app '%2' goes on serving as it is.").arg(suggestion, base));
    });
}

void DeployDialog::stopWithout(const QString &message)
{
    for (int i = Upload; i < m_steps->count(); ++i)
        setStep(i, "pending");
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_message->setStyleSheet({});
    m_message->setText(message);
    m_busy = false;
    m_deploy->setEnabled(true);
    emit finished(false);
}

// The bases go first; the bundle that names them after.
void DeployDialog::uploadKnowledgeThen(const QByteArray &bundle)
{
    if (m_bases.isEmpty() || target() == Kubernetes)
        return put(bundle);
    auto *upload = new KnowledgeUpload(m_network, m_baseUrl, m_adminToken, m_bases, this);
    connect(upload, &KnowledgeUpload::progress, this, [this](const QString &what, qint64 done, qint64 total) {
        setStep(Upload, "running", what);
        m_progress->setRange(0, 1000);
        m_progress->setValue(total > 0 ? static_cast<int>(done * 1000 / total) : 0);
    });
    connect(upload, &KnowledgeUpload::finished, this, [this, upload, bundle](const QString &error) {
        upload->deleteLater();
        if (!error.isEmpty())
            return fail(Upload, tr("A knowledge base could not be uploaded, so the version already running (if any) goes "
                                   "on serving: %1").arg(error));
        put(bundle);
    });
    upload->start();
}

void DeployDialog::put(const QByteArray &bundle)
{
    const bool modelCheck = !m_skipModelCheck->isChecked();
    QNetworkRequest request(QUrl(m_baseUrl + "/admin/v1/apps/" + m_appName + (modelCheck ? "?modelCheck=1" : "")));
    request.setRawHeader("Authorization", "Bearer " + m_adminToken.toUtf8());
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
    request.setTransferTimeout(10 * 60 * 1000);  // the runtime may fetch plugin servers first
    setStep(Upload, "running", m_baseUrl);
    QNetworkReply *reply = m_network->put(request, bundle);
    connect(reply, &QNetworkReply::uploadProgress, this, [this](qint64 sent, qint64 total) {
        if (total <= 0)
            return;
        m_progress->setRange(0, static_cast<int>(total));
        m_progress->setValue(static_cast<int>(sent));
        if (sent == total) {
            setStep(Upload, "done", m_baseUrl);
            setStep(SmokeCheck, "running");
            m_progress->setRange(0, 0);
        }
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        if (status == 0)
            return fail(Upload, tr("Could not reach the runtime at %1: %2").arg(m_baseUrl, reply->errorString()));
        if (status == 401 || status == 403)
            return fail(Upload, tr("The runtime refused the admin token: %1").arg(errorMessage(reply, body)));
        if (status == 422) {
            // One line per problem the runtime found (each names the model or plugin and why).
            QStringList problems;
            const QJsonArray details = QJsonDocument::fromJson(body).object().value("error").toObject().value("details").toArray();
            for (const auto &d : details)
                problems << QStringLiteral("• ") + d.toObject().value("message").toString();
            setStep(Upload, "done", m_baseUrl);
            return fail(SmokeCheck, tr("The smoke check failed, so the version already running (if any) goes on serving:\n%1")
                                        .arg(problems.isEmpty() ? errorMessage(reply, body) : problems.join('\n')));
        }
        if (status != 200)
            return fail(Upload, tr("The runtime refused the app (HTTP %1): %2").arg(status).arg(errorMessage(reply, body)));
        const QJsonObject answer = QJsonDocument::fromJson(body).object();
        m_version = answer.value("version").toInt();
        setStep(Upload, "done", m_baseUrl);
        setStep(SmokeCheck, "done", answer.value("modelCheck").toString() == "passed" ? tr("the model answered")
                                                                                        : tr("model check skipped"));
        createKey();
    });
}

void DeployDialog::createKey()
{
    QNetworkRequest request(QUrl(m_baseUrl + "/admin/v1/apps/" + m_appName + "/keys"));
    request.setRawHeader("Authorization", "Bearer " + m_adminToken.toUtf8());
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
    QNetworkReply *reply = m_network->post(request, QByteArray(R"({"label": "studio deploy"})"));
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        const QByteArray body = reply->readAll();
        m_apiKey = QJsonDocument::fromJson(body).object().value("key").toString();
        if (m_apiKey.isEmpty())
            return fail(Live, tr("The app is live, but no API key could be made: %1").arg(errorMessage(reply, body)));
        setStep(Live, "done", tr("version %1").arg(m_version));
        m_progress->setRange(0, 1);
        m_progress->setValue(1);
        m_busy = false;
        m_deploy->setEnabled(true);
        checkLiveVersion();  // the version just deployed is the live one now
        showResult();
        emit finished(true);
    });
}

void DeployDialog::showResult()
{
    m_chatUrl = m_baseUrl + "/apps/" + m_appName + "/chat";
    const QString run = m_baseUrl + "/v1/apps/" + m_appName + "/run", mcp = m_baseUrl + "/apps/" + m_appName + "/mcp";
    auto link = [](const QString &url) { return QStringLiteral("<a href=\"%1\">%1</a>").arg(url.toHtmlEscaped()); };
    m_endpoints->setText(tr("<h3>'%1' is live (version %2)</h3>"
                            "<p>Chat page: %3<br>OpenAI-compatible: %4 (model <code>%1</code>)<br>Run API: %5<br>MCP server: %6</p>")
                             .arg(m_appName.toHtmlEscaped())
                             .arg(m_version)
                             .arg(link(m_chatUrl), link(m_baseUrl + "/v1"), link(run), link(mcp)));
    m_keyField->setText(m_apiKey);
    m_snippets->setPlainText(QStringLiteral(
                                 "# curl\n"
                                 "curl %1/v1/chat/completions \\\n"
                                 "  -H \"Authorization: Bearer %3\" -H \"Content-Type: application/json\" \\\n"
                                 "  -d '{\"model\": \"%2\", \"messages\": [{\"role\": \"user\", \"content\": \"Hello\"}]}'\n\n"
                                 "# Python (pip install openai)\n"
                                 "from openai import OpenAI\n"
                                 "client = OpenAI(base_url=\"%1/v1\", api_key=\"%3\")\n"
                                 "reply = client.chat.completions.create(model=\"%2\", messages=[{\"role\": \"user\", \"content\": \"Hello\"}])\n"
                                 "print(reply.choices[0].message.content)\n\n"
                                 "# The run API\n"
                                 "curl %4 -H \"Authorization: Bearer %3\" -d '{\"inputs\": {}}'\n")
                                 .arg(m_baseUrl, m_appName, m_apiKey, run));
    m_pages->setCurrentIndex(1);
}

void DeployDialog::openChat()
{
    if (m_chatUrl.isEmpty())
        return;
    if (!m_chatView) {
        m_chatView = new QWebEngineView;
        m_chatView->setObjectName("chatView");
        auto *page = new QWidget;
        auto *layout = new QVBoxLayout(page);
        auto *back = new QPushButton(tr("← Back"));
        connect(back, &QPushButton::clicked, this, [this] { m_pages->setCurrentIndex(1); });
        layout->addWidget(back, 0, Qt::AlignLeft);
        layout->addWidget(m_chatView, 1);
        m_pages->addWidget(page);
    }
    // The key goes in the fragment: the page keeps it in the browser, it is never sent as part of the URL.
    m_chatView->load(QUrl(m_chatUrl + "#key=" + m_apiKey));
    m_pages->setCurrentIndex(2);
}

QMessageBox *DeployDialog::replaceQuestion() const { return m_replaceQuestion; }

} // namespace studio
} // namespace flowdeck
