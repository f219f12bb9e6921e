'use strict';
// Preloaded into mock-llm by start-mock-llm.sh (node --require).
// It adds three things mock-llm 0.1.29 cannot do by itself:
//  1. Every HTTP 429 response gets a "Retry-After" header
//     (value from MOCK_LLM_RETRY_AFTER, default "1"), unless one is set.
//  2. Once the server listens, one line goes to stdout with the real
//     address, so port 0 can be used:
//       FLOWDECK_MOCK_LLM_LISTENING 127.0.0.1:<port>
//  3. A {{jmes ...}} value placed inside a JSON string of a rule's content is
//     JSON-escaped. mock-llm pastes it in as it is, so a prompt with a newline, a
//     quote or a backslash made the reply invalid JSON (HTTP 500 "SyntaxError").
//     Outside a string the value keeps mock-llm's own encoding (JSON for objects).
const http = require('http');
const net = require('net');
const path = require('path');

const template = require(path.join(__dirname, 'node_modules', '@dwmkerr', 'mock-llm', 'dist', 'template.js'));
const renderOne = template.renderTemplate;
function insideJsonString(text, offset) {
  let inside = false;
  for (let i = 0; i < offset; i += 1) {
    if (inside && text[i] === '\\') i += 1;
    else if (text[i] === '"') inside = !inside;
  }
  return inside;
}
// One pass over the rule's template, so text from the request is never read as a placeholder.
template.renderTemplate = (content, context) =>
  content.replace(/\{\{timestamp\}\}|\{\{jmes\s+\w+\s+[^}]+\}\}/g, (placeholder, offset) => {
    const value = renderOne(placeholder, context);
    return insideJsonString(content, offset) ? JSON.stringify(value).slice(1, -1) : value;
  });

const origWriteHead = http.ServerResponse.prototype.writeHead;
http.ServerResponse.prototype.writeHead = function (statusCode, ...rest) {
  if (statusCode === 429 && !this.headersSent && !this.hasHeader('retry-after')) {
    this.setHeader('Retry-After', process.env.MOCK_LLM_RETRY_AFTER || '1');
  }
  return origWriteHead.call(this, statusCode, ...rest);
};

const origListen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  if (this instanceof http.Server) {
    this.once('listening', () => {
      const a = this.address();
      if (a && typeof a === 'object') {
        console.log(`FLOWDECK_MOCK_LLM_LISTENING ${a.address}:${a.port}`);
      }
    });
  }
  return origListen.apply(this, args);
};
