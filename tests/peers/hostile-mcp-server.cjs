// An MCP server over stdio that answers with what a careless or hostile server might
// send, for Flowdeck's robustness tests. The first argument picks what goes wrong:
//   init-types    initialize answers with wrong types in every field
//   list-types    tools/list answers with wrong types in every field
//   error-types   tools/call answers with an error whose code is a string
//   result-types  tools/call answers with wrong types in every result field
//   invalid-utf8  tools/call answers with text that is not UTF-8
//   deep          tools/call answers with a result nested 100,000 levels deep
//   huge-line     tools/call answers with one 20 MB line
//   env           tools/call answers with the names of the environment variables it sees
// Otherwise it behaves. Its one tool is "probe".
'use strict';
const readline = require('readline');

const mode = process.argv[2] || '';
const tool = { name: 'probe', description: 'Answers badly on purpose', inputSchema: { type: 'object', properties: {} } };

function send(message) { process.stdout.write(JSON.stringify(message) + '\n'); }

readline.createInterface({ input: process.stdin }).on('line', (line) => {
  let msg;
  try { msg = JSON.parse(line); } catch { return; }
  if (msg.method === 'initialize') {
    if (mode === 'init-types')
      return send({ jsonrpc: '2.0', id: msg.id, result: { protocolVersion: 20250618, capabilities: 'all', serverInfo: ['x'], instructions: { a: 1 } } });
    return send({ jsonrpc: '2.0', id: msg.id, result: { protocolVersion: msg.params.protocolVersion, capabilities: { tools: {} }, serverInfo: { name: 'hostile', version: '1' } } });
  }
  if (msg.method === 'tools/list') {
    if (mode === 'list-types')
      return send({ jsonrpc: '2.0', id: msg.id, result: { tools: [{ name: 7, description: ['d'], inputSchema: 'none' }, 'probe', tool], nextCursor: 12 } });
    return send({ jsonrpc: '2.0', id: msg.id, result: { tools: [tool] } });
  }
  if (msg.method === 'tools/call') {
    switch (mode) {
      case 'error-types':
        return send({ jsonrpc: '2.0', id: msg.id, error: { code: 'boom', message: 42, data: { deep: [1] } } });
      case 'result-types':
        return send({ jsonrpc: '2.0', id: msg.id, result: { content: 'text', isError: 'yes', structuredContent: 5, _meta: [] } });
      case 'invalid-utf8': {
        const head = Buffer.from('{"jsonrpc":"2.0","id":' + JSON.stringify(msg.id) + ',"result":{"content":[{"type":"text","text":"bad ');
        const tail = Buffer.from(' bytes"}]}}\n');
        return process.stdout.write(Buffer.concat([head, Buffer.from([0xff, 0xfe, 0xc3]), tail]));
      }
      case 'deep': {
        const depth = 100000;
        return process.stdout.write('{"jsonrpc":"2.0","id":' + JSON.stringify(msg.id) + ',"result":{"content":' +
                                    '['.repeat(depth) + ']'.repeat(depth) + '}}\n');
      }
      case 'huge-line':
        return process.stdout.write('{"jsonrpc":"2.0","id":' + JSON.stringify(msg.id) + ',"result":{"content":[{"type":"text","text":"' +
                                    'x'.repeat(20 * 1024 * 1024) + '"}]}}\n');
      case 'env':
        return send({ jsonrpc: '2.0', id: msg.id, result: { content: [{ type: 'text', text: Object.keys(process.env).sort().join(',') }] } });
      default:
        return send({ jsonrpc: '2.0', id: msg.id, result: { content: [{ type: 'text', text: 'fine' }] } });
    }
  }
  if (msg.id !== undefined && msg.method) send({ jsonrpc: '2.0', id: msg.id, result: {} });
});
