#pragma once

// What the Dify importer's tests share: small app documents, the imported workflow's
// validation errors, and lookups of its nodes, edges and issues.
#include "engine/core/messages.h"
#include "engine/import/difyimport.h"
#include "engine/mcp/plugincatalog.h"
#include "engine/nodes/noderegistry.h"
#include "engine/workflow/validator.h"
#include "engine/workflow/workflowfile.h"
#include "tests/support/runharness.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <functional>

using namespace flowdeck::engine;
using flowdeck::tests::RunHarness;

namespace {

// Validation errors of an imported workflow, except the placeholders' own (reported as unmapped).
QString validationErrors(const Workflow &wf)
{
    QStringList errors;
    for (const auto &d : validateWorkflow(wf, NodeRegistry::builtin())) {
        const NodeSpec *n = wf.findNode(d.nodeId);
        if (d.severity == Diagnostic::Severity::Error && !(n && n->type == "placeholder"))
            errors << QString::fromStdString(d.nodeId + " " + d.field + ": " + d.message);
    }
    return errors.join("\n");
}

QString issuesText(const DifyImport &imp)
{
    return QString::fromStdString(importReportText(imp));
}

const NodeSpec &nodeOf(const DifyImport &imp, const std::string &id)
{
    static const NodeSpec none;
    const NodeSpec *n = imp.workflow.findNode(id);
    return n ? *n : none;
}

bool hasIssue(const DifyImport &imp, ImportIssue::Kind kind, const std::string &whatPart)
{
    for (const auto &i : imp.issues)
        if (i.kind == kind && i.what.find(whatPart) != std::string::npos)
            return true;
    return false;
}

bool hasEdge(const DifyImport &imp, const std::string &from, const std::string &to, const std::string &port = {})
{
    for (const auto &e : imp.workflow.edges)
        if (e.from == from && e.to == to && e.fromPort == port)
            return true;
    return false;
}

const PluginCatalog &catalog()
{
    static const PluginCatalog c = [] {
        PluginCatalog cat;
        cat.loadDirectory(std::filesystem::path(FLOWDECK_SOURCE_DIR) / "plugins");
        return cat;
    }();
    return c;
}

// A workflow or advanced-chat app around the given graph (flow-style YAML lists).
std::string app(const std::string &mode, const std::string &nodes, const std::string &edges, const std::string &extra = {})
{
    return "app:\n  mode: " + mode + "\n  name: Test App\nkind: app\nversion: 0.1.5\nworkflow:\n" + extra +
           "  graph:\n    nodes: " + nodes + "\n    edges: " + edges + "\n";
}

// Imports `yaml`, checks it validates (placeholders aside) and survives the file format.
#define IMPORT(var, yaml, options)                                                                                          \
    auto var##Result = importDify(yaml, options);                                                                \
    QVERIFY2(var##Result.ok(), var##Result.ok() ? "" : var##Result.diagnostics()[0].message.c_str());                  \
    const DifyImport &var = var##Result.value();                                                                        \
    QVERIFY2(validationErrors(var.workflow).isEmpty(), qPrintable(validationErrors(var.workflow) + "\n" + issuesText(var))); \
    QVERIFY2(parseWorkflow(serializeWorkflow(var.workflow)).ok(),                                                       \
             parseWorkflow(serializeWorkflow(var.workflow)).ok() ? ""                                                   \
                 : parseWorkflow(serializeWorkflow(var.workflow)).diagnostics()[0].message.c_str())

const char *kStart = R"({id: '1711', type: custom, position: {x: 10, y: 20}, data: {type: start, title: Start, variables: [
  {variable: q, label: Question, type: paragraph, required: true}]}})";

} // namespace
