// A project folder's version history (engine/history/projecthistory.h) through libgit2,
// with no git program on PATH: save, edit, save, the exact structural diff, restore,
// deploys with their target, folders copied, repositories made by someone else, damaged ones.
#include "engine/core/messages.h"
#include "engine/history/projecthistory.h"
#include "engine/history/versiondiff.h"
#include "engine/workflow/workflowfile.h"
#include "tests/support/workflowjson.h"

#include <QtTest>

#include <git2.h>
#include <unistd.h>

#include <atomic>
#include <fstream>
#include <thread>

using namespace flowdeck::engine;
using flowdeck::tests::edge;
using flowdeck::tests::node;
using json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

json document(const std::string &prompt)
{
    json start = node("start", "start");
    start["position"] = {0, 0};
    json summary = node("summary", "llm", {{"model", "default"}, {"prompt", prompt}});
    summary["position"] = {260, 0};
    json answer = node("answer", "answer", {{"text", "{{summary.text}}"}});
    answer["position"] = {520, 0};
    return {{"format", "flowdeck.workflow"}, {"formatVersion", 1}, {"id", "report"}, {"name", "Report"},
            {"nodes", {start, summary, answer}}, {"edges", {edge("start", "summary"), edge("summary", "answer")}}};
}

// The text the studio writes for `doc` (stable key order, two-space indentation).
std::string fileText(const json &doc)
{
    auto loaded = parseWorkflow(doc.dump());
    return loaded ? serializeWorkflow(loaded.value()) : std::string();
}

void write(const fs::path &path, const std::string &text)
{
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

std::string read(const fs::path &path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

QStringList codes(const Diagnostics &diagnostics)
{
    QStringList out;
    for (const auto &d : diagnostics)
        out << QString::fromStdString(d.code);
    return out;
}

std::string firstMessage(const Diagnostics &diagnostics) { return diagnostics.empty() ? std::string() : diagnostics.front().message; }

// The raw commit of a version, read with libgit2 directly (what `git log` would show).
struct RawCommit {
    std::string message, author, email, branch;
};
RawCommit rawCommit(const fs::path &folder, const std::string &id)
{
    RawCommit out;
    git_repository *repo = nullptr;
    if (git_repository_open(&repo, folder.c_str()) != 0)
        return out;
    git_oid oid;
    git_commit *commit = nullptr;
    if (git_oid_fromstr(&oid, id.c_str()) == 0 && git_commit_lookup(&commit, repo, &oid) == 0) {
        out.message = git_commit_message(commit);
        out.author = git_commit_author(commit)->name;
        out.email = git_commit_author(commit)->email;
        git_commit_free(commit);
    }
    git_reference *head = nullptr;
    if (git_repository_head(&head, repo) == 0) {
        out.branch = git_reference_name(head);
        git_reference_free(head);
    }
    git_repository_free(repo);
    return out;
}

} // namespace

class TestProjectHistory : public QObject {
    Q_OBJECT

    QTemporaryDir m_home;
    fs::path m_root;
    int m_count = 0;

    fs::path freshFolder()
    {
        const fs::path folder = m_root / ("project-" + std::to_string(++m_count));
        fs::create_directories(folder);
        return folder;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        m_root = fs::path(m_home.path().toStdString()) / "projects";
        // No git program, and no user's git settings: the history must not need either.
        const QString emptyBin = m_home.path() + "/bin";
        QVERIFY(QDir().mkpath(emptyBin));
        qputenv("PATH", emptyBin.toUtf8());
        qputenv("HOME", m_home.path().toUtf8());
        qputenv("XDG_CONFIG_HOME", (m_home.path() + "/config").toUtf8());
        qunsetenv("GIT_DIR");
        QVERIFY(QStandardPaths::findExecutable("git").isEmpty());
        git_libgit2_init();
    }

    void saveEditSaveDiffRestore()
    {
        const fs::path folder = freshFolder();
        const std::string v1Text = fileText(document("Summarise:\n{{start.text}}"));
        QVERIFY(!v1Text.empty());
        write(folder / "report.flow.json", v1Text);
        write(folder / "README.md", "# Report\n");

        auto opened = ProjectHistory::open(folder);
        QVERIFY2(opened, firstMessage(opened.diagnostics()).c_str());
        auto &history = *opened.value();
        QVERIFY(fs::is_directory(folder / ".git"));
        QVERIFY(read(folder / ".gitignore").find("knowledge/*/knowledge.db") != std::string::npos);
        QVERIFY(!history.head());

        auto first = history.record("First version");
        QVERIFY2(first, firstMessage(first.diagnostics()).c_str());
        QCOMPARE(first->kind, std::string("save"));
        QCOMPARE(first->message, std::string("First version"));
        QCOMPARE(first->id.size(), std::size_t(40));
        QCOMPARE(first->shortId(), first->id.substr(0, 8));
        QVERIFY(first->time > 1700000000);
        QCOMPARE(history.filesAt(first->id), (std::vector<std::string>{".gitignore", "README.md", "report.flow.json"}));
        const RawCommit raw = rawCommit(folder, first->id);
        QCOMPARE(raw.author, std::string("Flowdeck"));
        QCOMPARE(raw.email, std::string("flowdeck@localhost"));
        QCOMPARE(raw.branch, std::string("refs/heads/main"));

        // Saving again with nothing changed is the same version.
        auto same = history.record("Nothing new");
        QVERIFY(same);
        QCOMPARE(same->id, first->id);
        QCOMPARE(history.list().size(), std::size_t(1));

        // Edit: a prompt line, a node moved, a node added with its connection.
        json edited = document("Summarise briefly:\n{{start.text}}");
        edited["nodes"][2]["position"] = {520, 120};
        json notify = node("notify", "answer", {{"text", "Done"}});
        notify["position"] = {780, 0};
        edited["nodes"].push_back(notify);
        edited["edges"].push_back(edge("answer", "notify"));
        write(folder / "report.flow.json", fileText(edited));
        QCOMPARE(history.workingFiles(), (std::vector<std::string>{".gitignore", "README.md", "report.flow.json"}));

        auto pending = diffVersions(history, first->id);
        QVERIFY(pending);
        QCOMPARE(pending->size(), std::size_t(1));

        auto second = history.record("Shorter prompt");
        QVERIFY(second);
        QVERIFY(second->id != first->id);
        const auto versions = history.list();
        QCOMPARE(versions.size(), std::size_t(2));
        QCOMPARE(versions[0].id, second->id);
        QCOMPARE(versions[1].id, first->id);

        auto diff = diffVersions(history, first->id, second->id);
        QVERIFY2(diff, firstMessage(diff.diagnostics()).c_str());
        QCOMPARE(diff->size(), std::size_t(1));
        const FileDiff &file = diff->front();
        QCOMPARE(file.path, std::string("report.flow.json"));
        QCOMPARE(file.status, std::string("changed"));
        QVERIFY(file.workflow);
        QStringList described;
        for (const auto &change : file.changes)
            described << QString::fromStdString(describeChange(change));
        QCOMPARE(described, QStringList({"Prompt of node summary changed (config.prompt): 1 line added, 1 removed.",
                                         "Node answer moved from [520,0] to [520,120].", "Node notify (answer) added.",
                                         "Connection from answer to notify added."}));
        QCOMPARE(file.changes[0].lines.size(), std::size_t(3));
        QCOMPARE(file.changes[0].lines[0].op, '-');
        QCOMPARE(file.changes[0].lines[0].text, std::string("Summarise:"));
        QCOMPARE(file.changes[0].lines[2].text, std::string("{{start.text}}"));

        // Nothing differs between the last version and the folder.
        auto clean = diffVersions(history, second->id);
        QVERIFY(clean);
        QVERIFY(clean->empty());

        // Restore the first version: the file is back byte for byte, and a restore is recorded.
        write(folder / "notes.txt", "not versioned yet");
        auto restored = history.restore(first->shortId());
        QVERIFY2(restored, firstMessage(restored.diagnostics()).c_str());
        QCOMPARE(read(folder / "report.flow.json"), v1Text);
        QCOMPARE(restored->kind, std::string("restore"));
        QCOMPARE(restored->message, "Restored version " + first->shortId());
        QCOMPARE(history.list().size(), std::size_t(3));
        QVERIFY(!fs::exists(folder / ".report.flow.json.restoring"));
        // A file that was in no version is left where it was (and recorded with the restore).
        QCOMPARE(read(folder / "notes.txt"), std::string("not versioned yet"));
        auto fromSecond = history.fileAt(second->id, "report.flow.json");
        QVERIFY(fromSecond);
        QVERIFY(fromSecond->find("Summarise briefly:") != std::string::npos);

        // One file from the second version.
        write(folder / "README.md", "# Changed by hand\n");
        auto one = history.restore(second->id, "report.flow.json");
        QVERIFY(one);
        QCOMPARE(read(folder / "report.flow.json"), fromSecond.value());
        QCOMPARE(read(folder / "README.md"), std::string("# Changed by hand\n"));
        QCOMPARE(one->message, "Restored report.flow.json from version " + second->shortId());
    }

    void restoreRemovesFilesTheVersionDidNotHave()
    {
        const fs::path folder = freshFolder();
        write(folder / "a.flow.json", fileText(document("A")));
        auto history = std::move(ProjectHistory::open(folder)).value();
        const auto first = history->record("One workflow").value();
        write(folder / "b.flow.json", fileText(document("B")));
        write(folder / "samples/orders.csv", "id,total\n1,10\n");
        QVERIFY(history->record("Two workflows"));
        auto diff = diffVersions(*history, first.id);
        QVERIFY(diff && diff->size() == 2);
        QCOMPARE(diff->front().status, std::string("added"));
        QCOMPARE(diff->front().changes.size(), std::size_t(7));  // id and name set, 3 nodes and 2 connections added
        auto back = diffVersions(*history, "HEAD", first.id);
        QVERIFY(back);
        QCOMPARE(back->size(), std::size_t(2));
        QCOMPARE(back.value()[0].path, std::string("b.flow.json"));
        QCOMPARE(back.value()[0].status, std::string("removed"));
        QCOMPARE(back.value()[0].changes.front().kind, WorkflowChange::Kind::SettingChanged);  // id "report" -> ""
        QCOMPARE(back.value()[1].path, std::string("samples/orders.csv"));
        QVERIFY(!back.value()[1].workflow);

        QVERIFY(history->restore(first.id));
        QVERIFY(fs::exists(folder / "a.flow.json"));
        QVERIFY(!fs::exists(folder / "b.flow.json"));
        QVERIFY(!fs::exists(folder / "samples/orders.csv"));
        QCOMPARE(history->filesAt("HEAD"), history->filesAt(first.id));
    }

    // A deploy that failed after its version was recorded is taken back; nothing else is.
    void aFailedDeployIsTakenBack()
    {
        const fs::path folder = freshFolder();
        write(folder / "report.flow.json", fileText(document("Hello")));
        auto history = std::move(ProjectHistory::open(folder)).value();
        // The project's first version a deploy: taking it back leaves no version, and the
        // next record starts again.
        const auto first = history->record("", "deploy", "this computer").value();
        QCOMPARE(history->withdrawDeploy(first.id).value(), true);
        QVERIFY(!history->head());
        QVERIFY(history->list().empty());
        const auto saved = history->record("Saved").value();
        QCOMPARE(history->list().size(), std::size_t(1));

        write(folder / "report.flow.json", fileText(document("Hello, edited")));
        const auto deploy = history->record("", "deploy", "https://runtime.example.com").value();
        QCOMPARE(history->withdrawDeploy(saved.id).value(), false);  // not a deploy
        QCOMPARE(history->withdrawDeploy(deploy.id).value(), true);
        QCOMPARE(history->head()->id, saved.id);
        QCOMPARE(read(folder / "report.flow.json"), fileText(document("Hello, edited")));  // files untouched
        QCOMPARE(history->withdrawDeploy(deploy.id).value(), false);  // already taken back
        // The edit is still there to record.
        const auto next = history->record("After the failed deploy").value();
        QVERIFY(next.id != saved.id);
        QCOMPARE(history->list().size(), std::size_t(2));
        // A deploy with a later version after it stays.
        const auto kept = history->record("", "deploy", "this computer").value();
        write(folder / "report.flow.json", fileText(document("Later")));
        history->record("Later");
        QCOMPARE(history->withdrawDeploy(kept.id).value(), false);
        QCOMPARE(history->list().size(), std::size_t(4));
    }

    void deployIsRecordedWithItsTarget()
    {
        const fs::path folder = freshFolder();
        write(folder / "report.flow.json", fileText(document("Hello")));
        auto history = std::move(ProjectHistory::open(folder)).value();
        const auto saved = history->record("Saved").value();
        const std::string target = "https://runtime.example.com:8443";
        auto deploy = history->record("", "deploy", target);
        QVERIFY(deploy);
        QVERIFY(deploy->id != saved.id);  // nothing changed, still a version
        QCOMPARE(deploy->kind, std::string("deploy"));
        QCOMPARE(deploy->target, target);
        QCOMPARE(deploy->message, "Deployed to " + target);
        auto again = history->record("Again", "deploy", "this computer");
        QVERIFY(again && again->id != deploy->id);

        // The kind and target are commit trailers: plain git shows them, and they read back.
        const RawCommit raw = rawCommit(folder, deploy->id);
        QVERIFY(raw.message.find("\n\nFlowdeck-Kind: deploy\nFlowdeck-Target: " + target + "\n") != std::string::npos);
        auto found = history->find(deploy->shortId());
        QVERIFY(found);
        QCOMPARE(found->target, target);
        QCOMPARE(found->kind, std::string("deploy"));
        const auto versions = history->list();
        QCOMPARE(versions.size(), std::size_t(3));
        QCOMPARE(versions[0].target, std::string("this computer"));
        QCOMPARE(versions[2].kind, std::string("save"));
        QVERIFY(versions[2].target.empty());
        QCOMPARE(history->list(2).size(), std::size_t(2));

        // A target cannot add lines (or trailers) of its own.
        auto sneaky = history->record("x", "deploy", "http://a\nFlowdeck-Kind: save");
        QVERIFY(sneaky);
        QCOMPARE(sneaky->kind, std::string("deploy"));
        QCOMPARE(sneaky->target, std::string("http://a Flowdeck-Kind: save"));
    }

    void whatIsNotVersioned()
    {
        const fs::path folder = freshFolder();
        write(folder / "report.flow.json", fileText(document("Hi")));
        write(folder / "knowledge/manuals/kb.json", "{\"name\": \"manuals\"}\n");
        write(folder / "knowledge/manuals/knowledge.db", "SQLite format 3");
        write(folder / "knowledge/manuals/knowledge.db-wal", "wal");
        write(folder / ".flowdeck/runs/last.json", "{}");
        write(folder / "report.flow.json.tmp-123", "half written");
        {
            fs::create_directories(folder / "samples");
            std::ofstream big(folder / "samples/huge.csv", std::ios::binary);
            big.seekp(static_cast<std::streamoff>(ProjectHistory::kMaxVersionedFileBytes) + 10);
            big.put('\n');
        }
        // A plugin folder cloned with git keeps its own history.
        write(folder / "plugins/tool/server.js", "console.log('hi')\n");
        git_repository *nested = nullptr;
        QCOMPARE(git_repository_init(&nested, (folder / "plugins/tool").c_str(), 0), 0);
        git_repository_free(nested);
        auto history = std::move(ProjectHistory::open(folder)).value();
        auto recorded = history->record("With a base");
        QVERIFY2(recorded, firstMessage(recorded.diagnostics()).c_str());
        QCOMPARE(codes(recorded.diagnostics()), QStringList({"history-nested-repository", "history-file-too-large"}));
        QVERIFY(!recorded.diagnostics().front().isError());
        QCOMPARE(recorded.diagnostics().front().message,
                 std::string("plugins/tool has a version history of its own (a .git folder); its files are not part of this "
                             "project's versions."));
        recorded.diagnostics().erase(recorded.diagnostics().begin());
        QCOMPARE(recorded.diagnostics().front().message, std::string("samples/huge.csv was not versioned: it is larger than 20 MB."));
        const std::vector<std::string> expected = {".gitignore", "knowledge/manuals/kb.json", "report.flow.json"};
        QCOMPARE(history->filesAt(recorded->id), expected);
        QCOMPARE(history->workingFiles(), expected);
    }

    void copiedFolderKeepsItsHistory()
    {
        const fs::path folder = freshFolder();
        write(folder / "report.flow.json", fileText(document("One")));
        auto history = std::move(ProjectHistory::open(folder)).value();
        const auto v1 = history->record("One").value();
        write(folder / "report.flow.json", fileText(document("Two")));
        const auto v2 = history->record("Two").value();
        history.reset();

        const fs::path copy = m_root / "elsewhere" / "copied project";
        fs::create_directories(copy.parent_path());
        fs::copy(folder, copy, fs::copy_options::recursive);
        auto reopened = ProjectHistory::open(copy);
        QVERIFY2(reopened, firstMessage(reopened.diagnostics()).c_str());
        const auto versions = reopened.value()->list();
        QCOMPARE(versions.size(), std::size_t(2));
        QCOMPARE(versions[0].id, v2.id);
        QCOMPARE(versions[1].id, v1.id);
        QVERIFY(reopened.value()->fileAt(v1.id, "report.flow.json")->find("\"One\"") != std::string::npos);
        QVERIFY(reopened.value()->restore(v1.id));
        QVERIFY(read(copy / "report.flow.json").find("\"One\"") != std::string::npos);
        // The original is not touched by what happens to the copy.
        QVERIFY(read(folder / "report.flow.json").find("\"Two\"") != std::string::npos);
        QCOMPARE(ProjectHistory::open(folder).value()->list().size(), std::size_t(2));
    }

    void repositoryMadeBySomeoneElseIsUsedAsIs()
    {
        const fs::path folder = freshFolder();
        write(folder / "report.flow.json", fileText(document("Theirs")));
        write(folder / ".gitignore", "secret.txt\n");
        write(folder / "secret.txt", "not for versions");
        write(folder / "knowledge/kb1/knowledge.db", "data");
        git_repository *repo = nullptr;
        git_repository_init_options options = GIT_REPOSITORY_INIT_OPTIONS_INIT;
        options.initial_head = "master";
        QCOMPARE(git_repository_init_ext(&repo, folder.c_str(), &options), 0);
        git_config *config = nullptr;
        QCOMPARE(git_repository_config(&config, repo), 0);
        git_config_set_string(config, "user.name", "Someone Else");
        git_config_set_string(config, "user.email", "someone@example.com");
        git_config_free(config);
        git_index *index = nullptr;
        git_repository_index(&index, repo);
        git_index_add_bypath(index, "report.flow.json");
        git_index_add_bypath(index, ".gitignore");
        git_index_write(index);
        git_oid tree, commit;
        git_index_write_tree(&tree, index);
        git_tree *treeObject = nullptr;
        git_tree_lookup(&treeObject, repo, &tree);
        git_signature *me = nullptr;
        git_signature_now(&me, "Someone Else", "someone@example.com");
        QCOMPARE(git_commit_create(&commit, repo, "HEAD", me, me, nullptr, "Their own commit\n", treeObject, 0, nullptr), 0);
        git_signature_free(me);
        git_tree_free(treeObject);
        git_index_free(index);
        git_repository_free(repo);

        auto opened = ProjectHistory::open(folder);
        QVERIFY2(opened, firstMessage(opened.diagnostics()).c_str());
        auto &history = *opened.value();
        QCOMPARE(read(folder / ".gitignore"), std::string("secret.txt\n"));  // theirs, unchanged
        auto theirs = history.head();
        QVERIFY(theirs);
        QCOMPARE(theirs->message, std::string("Their own commit"));
        QVERIFY(theirs->kind.empty());
        write(folder / "report.flow.json", fileText(document("Mine")));
        auto mine = history.record("Mine");
        QVERIFY(mine);
        const RawCommit raw = rawCommit(folder, mine->id);
        QCOMPARE(raw.branch, std::string("refs/heads/master"));
        QCOMPARE(raw.author, std::string("Someone Else"));  // their git settings
        QCOMPARE(history.filesAt(mine->id), (std::vector<std::string>{".gitignore", "report.flow.json"}));
        QCOMPARE(history.list().size(), std::size_t(2));
    }

    void damagedHistoryIsAClearError()
    {
        const fs::path folder = freshFolder();
        write(folder / "report.flow.json", "{}");
        write(folder / ".git", "this is not a git link");
        auto opened = ProjectHistory::open(folder);
        QVERIFY(!opened);
        QCOMPARE(codes(opened.diagnostics()), QStringList({"history-damaged"}));
        const std::string message = firstMessage(opened.diagnostics());
        QVERIFY2(message.find(folder.string()) != std::string::npos && message.find("move the .git folder away") != std::string::npos,
                 message.c_str());
        QCOMPARE(read(folder / ".git"), std::string("this is not a git link"));  // left as it was

        // A repository whose files are another folder's (core.worktree) is not this project's.
        const fs::path elsewhere = freshFolder();
        write(elsewhere / "report.flow.json", fileText(document("x")));
        QVERIFY(ProjectHistory::open(elsewhere));
        write(elsewhere / ".git/config", read(elsewhere / ".git/config") + "[core]\n\tworktree = /tmp\n");
        auto redirected = ProjectHistory::open(elsewhere);
        QCOMPARE(codes(redirected.diagnostics()), QStringList({"history-damaged"}));
        QVERIFY(firstMessage(redirected.diagnostics()).find("its files are kept in another folder (/tmp/)") != std::string::npos);

        // A history whose last version's object was overwritten: opening works, recording says why.
        const fs::path other = freshFolder();
        write(other / "report.flow.json", fileText(document("x")));
        auto history = std::move(ProjectHistory::open(other)).value();
        const auto version = history->record("x").value();
        history.reset();
        const fs::path object = other / ".git/objects" / version.id.substr(0, 2) / version.id.substr(2);
        QVERIFY(fs::exists(object));
        fs::permissions(object, fs::perms::owner_write, fs::perm_options::add);
        write(object, "garbage");
        auto reopened = ProjectHistory::open(other);
        QVERIFY(reopened);
        QVERIFY(!reopened.value()->head());
        QVERIFY(reopened.value()->list().empty());
        write(other / "report.flow.json", fileText(document("y")));
        auto recorded = reopened.value()->record("y");
        QVERIFY(!recorded);
        QCOMPARE(codes(recorded.diagnostics()), QStringList({"history-record-failed"}));
        QVERIFY(firstMessage(recorded.diagnostics()).find(other.string()) != std::string::npos);
    }

    // git's safety rule: a repository owned by another user is not used (checked where this
    // test can give a folder away: as root).
    void historyOfAnotherUser()
    {
        if (::geteuid() != 0)
            QSKIP("needs root to give the folder to another user");
        const fs::path folder = freshFolder();
        write(folder / "report.flow.json", fileText(document("x")));
        QVERIFY(ProjectHistory::open(folder));
        for (const auto &entry : fs::recursive_directory_iterator(folder))
            QCOMPARE(::lchown(entry.path().c_str(), 65534, 65534), 0);
        QCOMPARE(::chown(folder.c_str(), 65534, 65534), 0);
        auto opened = ProjectHistory::open(folder);
        QVERIFY2(codes(opened.diagnostics()) == QStringList({"history-not-owner"}), firstMessage(opened.diagnostics()).c_str());
        QVERIFY(firstMessage(opened.diagnostics()).find("belongs to another user") != std::string::npos);
    }

    // Another record in progress holds git's index lock: a clear "busy"; a lock left behind
    // by a program that stopped minutes ago is taken over.
    void busyAndStaleLocks()
    {
        const fs::path folder = freshFolder();
        write(folder / "report.flow.json", fileText(document("x")));
        auto history = std::move(ProjectHistory::open(folder)).value();
        QVERIFY(history->record("x"));
        write(folder / "report.flow.json", fileText(document("y")));
        const fs::path lock = folder / ".git/index.lock";
        write(lock, "");
        auto busy = history->record("y");
        QCOMPARE(codes(busy.diagnostics()), QStringList({"history-busy"}));
        QCOMPARE(firstMessage(busy.diagnostics()),
                 "Another program is recording a version of " + folder.string() + " right now; try again in a moment.");
        fs::last_write_time(lock, fs::file_time_type::clock::now() - std::chrono::minutes(10));
        auto recorded = history->record("y");
        QVERIFY2(recorded, firstMessage(recorded.diagnostics()).c_str());
        QCOMPARE(history->list().size(), std::size_t(2));
    }

    void clearErrors()
    {
        auto missing = ProjectHistory::open(m_root / "no such project");
        QCOMPARE(codes(missing.diagnostics()), QStringList({"history-no-folder"}));
        QCOMPARE(firstMessage(missing.diagnostics()), "The project folder " + (m_root / "no such project").string() + " does not exist.");

        // A folder that cannot be written (as root, permissions do not stop writes: /proc/self).
        fs::path locked = "/proc/self";
        if (::geteuid() != 0) {
            locked = freshFolder();
            fs::permissions(locked, fs::perms::owner_read | fs::perms::owner_exec);
        }
        auto readOnly = ProjectHistory::open(locked);
        QCOMPARE(codes(readOnly.diagnostics()), QStringList({"history-not-writable"}));
        QVERIFY(firstMessage(readOnly.diagnostics()).find("is not writable") != std::string::npos);
        if (::geteuid() != 0)
            fs::permissions(locked, fs::perms::owner_all);

        const fs::path folder = freshFolder();
        write(folder / "report.flow.json", fileText(document("x")));
        auto history = std::move(ProjectHistory::open(folder)).value();
        const auto version = history->record("x").value();
        QCOMPARE(codes(history->resolve("0123456789abcdef").diagnostics()), QStringList({"history-unknown-version"}));
        QCOMPARE(firstMessage(history->resolve("0123456789abcdef").diagnostics()),
                 std::string("There is no version '0123456789abcdef' in this project's history."));
        // In Chinese too (engine/core/messages.cpp).
        QVERIFY(catalogIsSorted());
        QCOMPARE(localizedMessage(history->resolve("0123456789abcdef").diagnostics().front(), "zh_CN"),
                 std::string("这个项目的历史中没有版本“0123456789abcdef”。"));
        QVERIFY(!history->find("not hex"));
        QVERIFY(!history->find("abc"));  // too short to name a version
        QCOMPARE(history->find(version.id.substr(0, 6))->id, version.id);
        QCOMPARE(codes(history->fileAt(version.id, "missing.txt").diagnostics()), QStringList({"history-no-file"}));
        QCOMPARE(codes(history->fileAt(version.id, "../report.flow.json").diagnostics()), QStringList({"history-no-file"}));
        QCOMPARE(history->fileAt(version.id, "./report.flow.json").ok(), true);
        QCOMPARE(codes(history->restore("feedbeef").diagnostics()), QStringList({"history-unknown-version"}));
        QCOMPARE(codes(history->restore(version.id, "../../etc/passwd").diagnostics()), QStringList({"history-no-file"}));
        QCOMPARE(codes(history->record("x", "publish").diagnostics()), QStringList({"history-kind"}));
        QVERIFY(history->filesAt("feedbeef").empty());
        QCOMPARE(codes(diffVersions(*history, "feedbeef").diagnostics()), QStringList({"history-unknown-version"}));
    }

    void unicodeNamesAndMessages()
    {
        const fs::path folder = freshFolder();
        const std::string name = "报告/数据 ü.flow.json";
        write(folder / fs::path(name), fileText(document("你好：\n{{start.text}}")));
        auto history = std::move(ProjectHistory::open(folder)).value();
        auto first = history->record("第一版：销售报告 ✓");
        QVERIFY(first);
        QCOMPARE(first->message, std::string("第一版：销售报告 ✓"));
        QCOMPARE(history->list().front().message, std::string("第一版：销售报告 ✓"));
        QCOMPARE(history->filesAt(first->id), (std::vector<std::string>{".gitignore", name}));
        write(folder / fs::path(name), fileText(document("再见：\n{{start.text}}")));
        auto second = history->record("第二版");
        QVERIFY(second);
        auto diff = diffVersions(*history, first->id, second->id);
        QVERIFY(diff && diff->size() == 1);
        QCOMPARE(diff->front().path, name);
        QCOMPARE(diff->front().changes.front().lines.front().text, std::string("你好："));
        QVERIFY(history->restore(first->id, name));
        QVERIFY(read(folder / fs::path(name)).find("你好") != std::string::npos);
    }

    // One object used from two threads: every record succeeds and ends up in the history.
    void oneHistoryFromTwoThreads()
    {
        const fs::path folder = freshFolder();
        auto history = std::move(ProjectHistory::open(folder)).value();
        std::atomic<int> failures{0};
        auto work = [&](const std::string &prefix) {
            for (int i = 0; i < 8; ++i) {
                write(folder / (prefix + std::to_string(i) + ".txt"), prefix);
                if (!history->record(prefix + std::to_string(i)))
                    ++failures;
                history->list();
            }
        };
        std::thread a(work, "a"), b(work, "b");
        a.join();
        b.join();
        QCOMPARE(failures.load(), 0);
        QCOMPARE(history->filesAt("HEAD").size(), std::size_t(17));  // 16 files and the .gitignore
    }
};

QTEST_GUILESS_MAIN(TestProjectHistory)
#include "tst_projecthistory.moc"
