#pragma once

#include "engine/nodes/nodedescriptor.h"

#include <memory>

namespace flowdeck::engine {

class NodeContext;

// Runs one knowledge node: renders the query, embeds it once per embeddings model the
// bases use, searches each base on the library's workers, fuses the lists by score,
// reranks when asked, and finishes with chunks, text, citations and the trace.
void startKnowledgeRetrieval(std::shared_ptr<NodeContext> ctx, NodeDone done);

// "zh" when the text holds Chinese characters, else "en": the language of source lines.
std::string languageOfText(const std::string &text);

} // namespace flowdeck::engine
