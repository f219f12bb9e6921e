// Flowdeck's JavaScript worker for code nodes (engine/sandbox). It runs inside
// flowdeck-sandbox under node and serves one call at a time: a request is a 4-byte
// big-endian length and that many bytes of JSON {code, inputs, limits} on stdin; the
// answer is framed the same way on file descriptor 3:
//   {"ok": true, "outputs": {...}, "logs": "..."}
//   {"ok": false, "error": {"kind", "message", "line"}, "logs": "...", "limitHit": ...}
// Each call runs in a fresh vm context (fresh globals) with an emptied scratch folder;
// main may be async; console output is captured up to limits.printBytes, and printing
// more is an error, never a cut.
'use strict';
const vm = require('vm');
const fs = require('fs');
const path = require('path');
const util = require('util');
const { builtinModules } = require('module');

const ANSWERS = 3;
const CODE_FILE = 'code.js';
const folder = process.cwd();

function send(answer) {
  const body = Buffer.from(JSON.stringify(answer), 'utf8');
  const data = Buffer.alloc(4 + body.length);
  data.writeUInt32BE(body.length, 0);
  body.copy(data, 4);
  for (let offset = 0; offset < data.length;) {
    try {
      offset += fs.writeSync(ANSWERS, data, offset);
    } catch (error) {
      if (error.code !== 'EAGAIN') throw error;
    }
  }
}

function failure(kind, message, line = 0, limit = undefined) {
  const answer = { ok: false, error: { kind, message, line } };
  if (limit) answer.limitHit = limit;
  return answer;
}

class PrintLimit extends Error {}

class Capture {
  constructor(limit) { this.parts = []; this.size = 0; this.limit = limit; this.exceeded = false; }
  write(text) {
    const size = Buffer.byteLength(text, 'utf8');
    if (this.exceeded || this.size + size > this.limit) {
      this.exceeded = true;
      throw new PrintLimit('printed more than the limit');
    }
    this.parts.push(text);
    this.size += size;
  }
  text() { return this.parts.join(''); }
}

function makeConsole(capture) {
  const print = (...args) => capture.write(util.format(...args) + '\n');
  return { log: print, info: print, warn: print, error: print, debug: print, trace: print,
           dir: (value) => capture.write(util.inspect(value) + '\n') };
}

// Timers that a call leaves behind are cleared when it ends, so nothing of one call
// runs during the next.
function makeTimers(pending) {
  const wrap = (start, stop, once) => [
    (fn, ...rest) => {
      if (typeof fn !== 'function') throw new TypeError('The callback must be a function');
      const handle = start((...args) => { if (once) pending.delete(handle); fn(...args); }, ...rest);
      pending.set(handle, stop);
      return handle;
    },
    (handle) => { pending.delete(handle); stop(handle); },
  ];
  const [setTimeout_, clearTimeout_] = wrap(setTimeout, clearTimeout, true);
  const [setInterval_, clearInterval_] = wrap(setInterval, clearInterval, false);
  const [setImmediate_, clearImmediate_] = wrap(setImmediate, clearImmediate, true);
  return { setTimeout: setTimeout_, clearTimeout: clearTimeout_, setInterval: setInterval_,
           clearInterval: clearInterval_, setImmediate: setImmediate_, clearImmediate: clearImmediate_ };
}

// Node's own modules only (crypto, util, url, querystring, ...): there is nothing else here.
function requireBuiltin(name) {
  const bare = String(name).replace(/^node:/, '');
  if (!builtinModules.includes(bare)) throw new Error(`Cannot find module '${name}': only Node's own modules are available`);
  return require(bare);
}

function globalsFor(capture, pending) {
  return {
    console: makeConsole(capture), ...makeTimers(pending), require: requireBuiltin, Buffer, URL, URLSearchParams,
    TextEncoder, TextDecoder, AbortController, atob, btoa, structuredClone, queueMicrotask,
  };
}

function isErrorLike(value) {
  return value !== null && typeof value === 'object' && typeof value.message === 'string';
}

function describe(error) {
  if (!isErrorLike(error)) return `Uncaught ${util.inspect(error)}`;
  return `${error.name || 'Error'}: ${error.message}`;
}

function lineOf(error) {
  const stack = isErrorLike(error) && typeof error.stack === 'string' ? error.stack : '';
  const match = stack.match(/code\.js:(\d+)/);
  return match ? Number(match[1]) : 0;
}

// Why `value` cannot be written as JSON as it is, naming where; null when it can.
function jsonProblem(value, where, stack) {
  switch (typeof value) {
    case 'string': case 'boolean': return null;
    case 'number': return Number.isFinite(value) ? null : `${where} is ${value}, which JSON cannot hold`;
    case 'undefined': return `${where} is undefined`;
    case 'bigint': return `${where} is a BigInt; convert it with Number() or String()`;
    case 'function': return `${where} is a function`;
    case 'symbol': return `${where} is a symbol`;
  }
  if (value === null || typeof value.toJSON === 'function') return null;
  if (stack.includes(value)) return `${where} refers back to itself`;
  const tag = Object.prototype.toString.call(value).slice(8, -1);
  if (tag === 'Map') return `${where} is a Map; turn it into an object with Object.fromEntries()`;
  if (tag === 'Set') return `${where} is a Set; turn it into an array with Array.from()`;
  stack.push(value);
  const entries = Array.isArray(value) ? value.map((v, i) => [`${where}[${i}]`, v])
    : Object.keys(value).map((k) => [where ? `${where}.${k}` : k, value[k]]);
  for (const [inner, v] of entries) {
    const problem = jsonProblem(v, inner, stack);
    if (problem) return problem;
  }
  stack.pop();
  return null;
}

function emptyFolder() {
  for (const name of fs.readdirSync(folder)) fs.rmSync(path.join(folder, name), { recursive: true, force: true });
}

let failCall = null;  // fails the call in progress: an error thrown by a timer, a lost promise
process.on('uncaughtException', (error) => { if (failCall) failCall(error); });
process.on('unhandledRejection', (error) => { if (failCall) failCall(error); });

async function run(request, capture, pending) {
  if (typeof request.code !== 'string' || request.inputs === null || typeof request.inputs !== 'object')
    return failure('protocol', 'The request has no code or no inputs.');
  let script;
  try {
    script = new vm.Script(request.code, { filename: CODE_FILE });
  } catch (error) {
    return failure('syntax', describe(error), lineOf(error));
  }
  const context = vm.createContext(globalsFor(capture, pending), { name: 'flowdeck code' });
  script.runInContext(context);
  const main = vm.runInContext('typeof main === "function" ? main : undefined', context);
  if (typeof main !== 'function')
    return failure('no_main', 'The code defines no function main. Write function main({...}) { return {...} }.');
  // The inputs are made in the code's own realm, so `instanceof Object` holds there.
  const inputs = vm.runInContext('JSON.parse', context)(JSON.stringify(request.inputs));
  const lost = new Promise((resolve, reject) => { failCall = reject; });
  let result = main(inputs);
  if (result !== null && typeof result === 'object' && typeof result.then === 'function')
    result = await Promise.race([result, lost]);
  if (result === null || typeof result !== 'object' || Array.isArray(result)) {
    const what = result === null ? 'null' : Array.isArray(result) ? 'an array' : typeof result;
    return failure('not_object', `main must return an object, but it returned ${what}.`);
  }
  const problem = jsonProblem(result, '', []);
  if (problem) return failure('not_json', `The result cannot be turned into JSON: ${problem}.`);
  const text = JSON.stringify(result);
  const limit = (request.limits && request.limits.outputBytes) || 1 << 20;
  if (Buffer.byteLength(text, 'utf8') > limit) return failure('limit', 'output', 0, 'output');
  return { ok: true, outputs: JSON.parse(text) };
}

async function handle(body) {
  let request;
  try {
    request = JSON.parse(body.toString('utf8'));
  } catch (error) {
    return failure('protocol', 'The request is not JSON.');
  }
  const limits = (request && request.limits) || {};
  const capture = new Capture(limits.printBytes || 256 * 1024);
  const pending = new Map();  // timer handle -> how to clear it
  let answer;
  try {
    process.chdir(folder);
    emptyFolder();
    answer = await run(request, capture, pending);
  } catch (error) {
    if (isErrorLike(error) && /Array buffer allocation failed|out of memory/i.test(error.message))
      answer = failure('limit', 'memory', 0, 'memory');
    else
      answer = failure('exception', describe(error), lineOf(error));
  } finally {
    failCall = null;
    for (const [timer, stop] of pending) stop(timer);
    pending.clear();
  }
  if (capture.exceeded) answer = failure('limit', 'print', 0, 'print');
  answer.logs = capture.text();
  return answer;
}

let buffered = Buffer.alloc(0);
let busy = false;

async function drain() {
  if (busy) return;
  busy = true;
  while (buffered.length >= 4 && buffered.length >= 4 + buffered.readUInt32BE(0)) {
    const size = buffered.readUInt32BE(0);
    const body = buffered.subarray(4, 4 + size);
    buffered = buffered.subarray(4 + size);
    send(await handle(body));
  }
  busy = false;
}

process.stdin.on('data', (chunk) => {
  buffered = buffered.length ? Buffer.concat([buffered, chunk]) : chunk;
  drain().catch(() => process.exit(1));  // the host is gone
});
process.stdin.on('end', () => process.exit(0));
send({ ready: true, sandbox: process.env.FLOWDECK_SANDBOX || '', language: 'javascript', version: process.versions.node });
