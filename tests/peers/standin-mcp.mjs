#!/usr/bin/env node
// A stand-in MCP server over stdio for tests: it offers the tools described in a spec
// file (the real server's names and input schemas) and answers each call from the
// spec, so a template whose real server needs the internet or an API key can still run
// end to end here. Calls are logged to $STANDIN_LOG (one JSON line each) when set.
//   node standin-mcp.mjs SPEC.json
// SPEC: { "name": "...", "tools": [ { "name", "description", "inputSchema",
//          "result": { "text": "...", "structuredContent": {...}, "isError": false },
//          "cases": [ { "when": { "<arg>": "<substring>" }, "result": {...} } ] } ] }
// In result texts, {{args.NAME}} is replaced by the call's argument NAME. The first
// case whose every "when" argument contains its substring wins; else "result".
import { appendFileSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

const spec = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const log = process.env.STANDIN_LOG;

function fill(value, args) {
  if (typeof value === 'string') {
    return value.replace(/\{\{args\.([A-Za-z0-9_]+)\}\}/g, (_, k) => (args[k] === undefined ? '' : typeof args[k] === 'string' ? args[k] : JSON.stringify(args[k])));
  }
  if (Array.isArray(value)) return value.map((v) => fill(v, args));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, args)]));
  return value;
}

function missingRequired(tool, args) {
  return (tool.inputSchema?.required || []).filter((k) => args[k] === undefined || args[k] === '');
}

function call(name, args) {
  const tool = spec.tools.find((t) => t.name === name);
  if (!tool) return { content: [{ type: 'text', text: `Unknown tool: ${name}` }], isError: true };
  const missing = missingRequired(tool, args);
  if (missing.length) return { content: [{ type: 'text', text: `Missing required argument(s): ${missing.join(', ')}` }], isError: true };
  const hit = (tool.cases || []).find((c) => Object.entries(c.when || {}).every(([k, v]) => String(args[k] ?? '').includes(v)));
  const r = fill((hit || tool).result || { text: '' }, args);
  const out = { content: [{ type: 'text', text: r.text ?? JSON.stringify(r.structuredContent ?? {}) }] };
  if (r.structuredContent) out.structuredContent = r.structuredContent;
  out.isError = Boolean(r.isError);
  return out;
}

function reply(id, result, error) {
  process.stdout.write(JSON.stringify(error ? { jsonrpc: '2.0', id, error } : { jsonrpc: '2.0', id, result }) + '\n');
}

createInterface({ input: process.stdin }).on('line', (line) => {
  let msg;
  try { msg = JSON.parse(line); } catch { return reply(null, null, { code: -32700, message: 'parse error' }); }
  if (msg.id === undefined || !msg.method) return; // notifications
  const params = msg.params || {};
  switch (msg.method) {
    case 'initialize':
      return reply(msg.id, { protocolVersion: params.protocolVersion || '2025-06-18', capabilities: { tools: {} },
                             serverInfo: { name: spec.name || 'standin', version: '0.0.0' } });
    case 'ping':
      return reply(msg.id, {});
    case 'tools/list':
      return reply(msg.id, { tools: spec.tools.map(({ name, description, inputSchema }) => ({ name, description, inputSchema })) });
    case 'tools/call': {
      const args = params.arguments || {};
      if (log) appendFileSync(log, JSON.stringify({ tool: params.name, arguments: args }) + '\n');
      return reply(msg.id, call(params.name, args));
    }
    default:
      return reply(msg.id, null, { code: -32601, message: `Method not found: ${msg.method}` });
  }
});
