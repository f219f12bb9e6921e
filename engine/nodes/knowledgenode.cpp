// The knowledge node (DESIGN.md §3, §9): retrieves passages from local knowledge bases.
#include "engine/core/jsonaccess.h"
#include "engine/knowledge/knowledgelibrary.h"
#include "engine/knowledge/knowledgeretrieval.h"
#include "engine/nodes/nodecontext.h"
#include "engine/nodes/noderegistry.h"

namespace flowdeck::engine {

// "bases" is marked "x-format", not "format": valijson applies a format to any type and
// aborts on an array. The studio's inspector shows it as a list of the project's bases.
NodeDescriptor knowledgeNodeDescriptor()
{
    NodeDescriptor d;
    d.type = "knowledge";
    d.title = "Knowledge";
    d.titleZh = "知识检索";
    d.description = "Finds the passages of your documents that answer a question: keyword, vector or hybrid search, with sources.";
    d.descriptionZh = "从知识库文档中找出回答问题的段落：关键词、向量或混合检索，附带出处。";
    d.icon = "knowledge";
    d.category = "model";
    d.asynchronous = true;
    d.configSchema = nlohmann::json::parse(R"json({
      "type": "object", "required": ["query", "bases"], "additionalProperties": false,
      "x-form": [ { "section": "search", "fields": ["query", "bases", "mode"] },
                  { "section": "results", "fields": ["topK", "scoreThreshold", "rerank"] },
                  { "section": "filters", "fields": ["filters"] } ],
      "properties": {
        "query": { "type": "string", "title": "Query", "minLength": 1, "format": "template" },
        "bases": { "type": "array", "title": "Knowledge bases", "minItems": 1, "x-format": "knowledge-bases",
                   "items": { "type": "string", "minLength": 1, "maxLength": 64 } },
        "mode": { "enum": ["hybrid", "keyword", "vector"], "title": "Search mode", "default": "hybrid" },
        "topK": { "type": "integer", "title": "Passages", "minimum": 1, "maximum": 50, "default": 5 },
        "scoreThreshold": { "type": "number", "title": "Score threshold", "minimum": 0, "maximum": 1, "default": 0 },
        "filters": { "type": "object", "title": "Filters", "additionalProperties": false,
          "properties": {
            "fileNames": { "type": "array", "title": "File names", "items": { "type": "string" } },
            "types": { "type": "array", "title": "File types", "items": { "type": "string" } },
            "tags": { "type": "array", "title": "Tags", "items": { "type": "string" } },
            "addedAfter": { "type": "string", "title": "Added on or after", "pattern": "^\\d{4}-\\d{2}-\\d{2}$" },
            "addedBefore": { "type": "string", "title": "Added before", "pattern": "^\\d{4}-\\d{2}-\\d{2}$" } } },
        "rerank": { "type": "object", "title": "Rerank", "additionalProperties": false,
          "properties": {
            "enabled": { "type": "boolean", "title": "Rerank the passages", "default": false },
            "profile": { "type": "string", "title": "Rerank profile" },
            "model": { "type": "string", "title": "Rerank model" } } }
      }
    })json");
    d.outputs = {{"chunks", "array", "The passages found, best first: text, score, document, location, heading path"},
                 {"text", "string", "The passages as numbered context for a prompt"},
                 {"citations", "array", "The sources, numbered as in text: document, location, quote"},
                 {"trace", "object", "Why each candidate passage was kept or dropped, with ranks and scores"}};
    d.defaultOutputs = [](const NodeSpec &) {
        return nlohmann::json{{"chunks", nlohmann::json::array()},
                              {"text", ""},
                              {"citations", nlohmann::json::array()},
                              {"trace", nlohmann::json::object()}};
    };
    d.execute = [](std::shared_ptr<NodeContext> ctx, NodeDone done) { startKnowledgeRetrieval(std::move(ctx), std::move(done)); };
    return d;
}

} // namespace flowdeck::engine
