// The import report: what was carried over differently, what needs the user, what was not.
#include "engine/import/difyimport.h"

#include <sstream>

namespace flowdeck::engine {

const char *importIssueKindName(ImportIssue::Kind kind)
{
    switch (kind) {
    case ImportIssue::Kind::Unmapped: return "unmapped";
    case ImportIssue::Kind::Todo: return "todo";
    case ImportIssue::Kind::Changed: return "changed";
    }
    return "unmapped";
}

nlohmann::json importReportJson(const DifyImport &import)
{
    nlohmann::json issues = nlohmann::json::array();
    for (const auto &i : import.issues)
        issues.push_back({{"kind", importIssueKindName(i.kind)}, {"where", i.where}, {"what", i.what}, {"why", i.why}});
    nlohmann::json secrets = nlohmann::json::array();
    for (const auto &s : import.secrets)
        secrets.push_back(s.name);  // names only: a report may be shown, logged or pasted
    return {{"dslVersion", import.dslVersion},
            {"mode", import.appMode},
            {"clean", import.clean()},
            {"issues", issues},
            {"secrets", secrets},
            {"knowledgeBases", import.knowledgeBases},
            {"nodes", import.workflow.nodes.size()}};
}

std::string importReportText(const DifyImport &import)
{
    std::ostringstream out;
    const Workflow &wf = import.workflow;
    out << "Imported the Dify app \"" << wf.name << "\" (" << (import.appMode.empty() ? "?" : import.appMode) << ", DSL "
        << (import.dslVersion.empty() ? "?" : import.dslVersion) << ") as the " << wf.mode << " '" << wf.id << "': "
        << wf.nodes.size() << " nodes, " << wf.edges.size() << " connections";
    if (!wf.notes.empty())
        out << ", " << wf.notes.size() << " notes";
    out << ".\n";
    struct Section {
        ImportIssue::Kind kind;
        const char *title;
    };
    const Section sections[] = {{ImportIssue::Kind::Unmapped, "Not carried over"},
                                {ImportIssue::Kind::Todo, "To do before running"},
                                {ImportIssue::Kind::Changed, "Carried over differently"}};
    for (const auto &s : sections) {
        std::size_t count = 0;
        for (const auto &i : import.issues)
            count += i.kind == s.kind ? 1 : 0;
        if (count == 0)
            continue;
        out << "\n" << s.title << " (" << count << "):\n";
        for (const auto &i : import.issues)
            if (i.kind == s.kind)
                out << "  - " << i.where << (i.what.empty() ? "" : " [" + i.what + "]") << ": " << i.why << "\n";
    }
    if (!import.secrets.empty()) {
        out << "\nSecrets found in the file (kept in the secret store, never in the workflow):";
        for (const auto &s : import.secrets)
            out << " " << s.name;
        out << "\n";
    }
    if (!import.knowledgeBases.empty()) {
        out << "\nKnowledge bases created empty:";
        for (const auto &b : import.knowledgeBases)
            out << " " << b;
        out << "\n";
    }
    out << "\n" << (import.clean() ? "Everything was carried over." : "Some parts were not carried over; see above.") << "\n";
    return out.str();
}

} // namespace flowdeck::engine
