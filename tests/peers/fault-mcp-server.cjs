// A small MCP server over stdio that misbehaves on purpose, for Flowdeck's fault tests.
// It prints a banner that is not JSON-RPC, pages its tool list, and has tools that
// crash the process, hang forever, or answer normally.
'use strict';
const readline = require('readline');

process.stdout.write('fault-mcp-server starting (this line is not JSON-RPC)\n');
process.stderr.write('fault-mcp-server: ready\n');

const tools = [
  { name: 'echo', description: 'Echoes text', inputSchema: { type: 'object', properties: { text: { type: 'string' } }, required: ['text'] } },
  { name: 'crash', description: 'Exits the process mid-call', inputSchema: { type: 'object', properties: {} } },
  { name: 'hang', description: 'Never answers', inputSchema: { type: 'object', properties: {} } },
];

function send(message) { process.stdout.write(JSON.stringify(message) + '\n'); }

readline.createInterface({ input: process.stdin }).on('line', (line) => {
  const received = process.hrtime.bigint();
  let msg;
  try { msg = JSON.parse(line); } catch { return; }
  if (msg.method === 'initialize') {
    const version = process.env.FAULT_PROTOCOL_VERSION || msg.params.protocolVersion;
    send({ jsonrpc: '2.0', id: msg.id, result: { protocolVersion: version, capabilities: { tools: {} }, serverInfo: { name: 'fault', version: '1.0.0' } } });
  } else if (msg.method === 'tools/list') {
    // One tool per page, to exercise pagination.
    const index = msg.params && msg.params.cursor ? Number(msg.params.cursor) : 0;
    const result = { tools: [tools[index]] };
    if (index + 1 < tools.length) result.nextCursor = String(index + 1);
    send({ jsonrpc: '2.0', id: msg.id, result });
  } else if (msg.method === 'tools/call') {
    const name = msg.params.name;
    if (name === 'echo') {
      process.stdout.write('noise between messages\n');
      // _meta.serverMicros: the time spent in this server, so benchmarks can subtract it.
      const serverMicros = Number(process.hrtime.bigint() - received) / 1000;
      send({ jsonrpc: '2.0', id: msg.id, result: { content: [{ type: 'text', text: 'echo: ' + msg.params.arguments.text }], _meta: { serverMicros } } });
    } else if (name === 'crash') {
      process.stderr.write('fault-mcp-server: crashing on purpose\n');
      process.exit(3);
    } else if (name === 'hang') {
      // never answers
    } else {
      send({ jsonrpc: '2.0', id: msg.id, error: { code: -32602, message: 'Unknown tool: ' + name } });
    }
  } else if (msg.id !== undefined && msg.method) {
    send({ jsonrpc: '2.0', id: msg.id, result: {} });
  }
});
