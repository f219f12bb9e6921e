#!/usr/bin/env node
// Runs every solution template in templates/ end to end, as a user would: the real
// `flowdeck` program checks and lists them (`flowdeck templates`), makes a project
// from each (`flowdeck new`), and runs it (`flowdeck run`) against the real mock-llm
// from tests/peers, scripted for that template, and the real MCP servers it uses
// (from tests/peers) or a stand-in with the same tool schemas (standins/) when the
// real one needs the internet or a key. Then it checks the answer's shape.
//   node run-templates.mjs --flowdeck PATH [--demo] [template-id ...]
// --demo runs each template's sample question with the built-in offline demo model
// (`--profile demo`, no mock-llm) and requires a run that succeeds with a demo-marked answer.
// A template with knowledge bases is then made with `flowdeck new --profile demo`, so its
// bases are embedded offline and searched by hybrid search.
// Each template has tests/templates/<id>.test.json:
//   query            chat mode: the user's message (default: the template's sample query)
//   inputs           start inputs as name: value (${projectDir} is the project folder)
//   env              {{env.NAME}} values;   secrets: secret values (as environment variables)
//   standins         plugin alias -> standins/<file>.json served by tests/peers/standin-mcp.mjs
//   respond          a human node's answer, with --demo too: { action: button id or "timeout",
//                    fields: { name: value } } (flowdeck run --respond ACTION --field name=value)
//   llm              the model's script, in order; the LAST rule that fits a request answers it:
//                    { system?: text in the system prompt, user?: text in the last user message,
//                      toolResults?: how many tool results the request carries,
//                      reply: "text" | json: {...} | toolCalls: [{name, arguments}] }
//                    A request no rule fits gets HTTP 500, so the run fails.
//   expect           contains: [..], notContains: [..], matches: [regex..], chartBlocks: n,
//                    output: name of the end output to check (workflow mode; default: all),
//                    toolCalls: [stand-in tool names that must have been called],
//                    files: { "relative path": "text it must contain" } in the project afterwards,
//                    knowledge: { base: documents } the project's knowledge bases and how many
//                    documents each has indexed (with --demo also: every passage has its vector)
//   guarded          more runs that the app's guard policy answers itself, with --demo too (the model
//                    must not be asked: mock-llm has no rule for them): [{ query?, inputs?, expect }],
//                    expect as above plus guard: { blocked, stage, categories } (flowdeck run --json's "guard")
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const peers = path.join(root, 'tests', 'peers');
const args = process.argv.slice(2);
const fdIndex = args.indexOf('--flowdeck');
const flowdeck = fdIndex >= 0 ? path.resolve(args.splice(fdIndex, 2)[1]) : path.join(root, 'build', 'runtime', 'flowdeck');
const demoIndex = args.indexOf('--demo');
const demo = demoIndex >= 0;
if (demo) args.splice(demoIndex, 1);
const demoMarkers = ['[Demo answer — offline, no model called]', '[演示回答 — 离线，未调用模型]'];
const only = new Set(args);
const keep = process.env.KEEP_TEMPLATE_RUNS === '1';

let failures = 0;
const fail = (id, message) => { failures += 1; console.log(`not ok - ${id}: ${message}`); };

function sh(cmd, cmdArgs, options = {}) {
  const r = spawnSync(cmd, cmdArgs, { encoding: 'utf8', timeout: 120000, maxBuffer: 64 << 20, ...options });
  return { code: r.status, out: r.stdout || '', err: (r.stderr || '') + (r.error ? String(r.error) : '') };
}

// --- mock-llm rules ----------------------------------------------------------
const jmesText = (s) => `'${String(s).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
function ruleMatch(rule) {
  const parts = [];
  if (rule.system !== undefined) parts.push(`contains(to_string(body.messages[?role=='system'] | [0].content), ${jmesText(rule.system)})`);
  if (rule.user !== undefined) parts.push(`contains(to_string(body.messages[?role=='user'] | [-1].content), ${jmesText(rule.user)})`);
  if (rule.toolResults !== undefined) parts.push(`length(body.messages[?role=='tool']) == \`${Number(rule.toolResults)}\``);
  return parts.length ? parts.join(' && ') : '@';
}
function completion(rule, n) {
  let message;
  if (rule.toolCalls) {
    message = { role: 'assistant', content: null, tool_calls: rule.toolCalls.map((c, i) => ({
      id: `call_${n}_${i}`, type: 'function', function: { name: c.name, arguments: JSON.stringify(c.arguments || {}) } })) };
  } else {
    message = { role: 'assistant', content: rule.json !== undefined ? JSON.stringify(rule.json) : String(rule.reply ?? '') };
  }
  const body = { id: `chatcmpl-template-${n}`, object: 'chat.completion', created: 1700000000, model: 'mock-model',
                 choices: [{ index: 0, message, logprobs: null, finish_reason: rule.toolCalls ? 'tool_calls' : 'stop' }],
                 usage: { prompt_tokens: 100, completion_tokens: 50, total_tokens: 150 } };
  const text = JSON.stringify(body);
  if (text.includes('{{')) throw new Error(`rule ${n}: mock-llm would read "{{" in the reply as a template`);
  return text;
}
function mockYaml(rules) {
  const y = (v) => JSON.stringify(v);
  const lines = ['streaming:', '  chunkSize: 16', '  chunkIntervalMs: 1', 'rules:'];
  const add = (match, status, content) => {
    lines.push(`  - path: ${y('^/v1/chat/completions$')}`, `    method: "POST"`, `    match: ${y(match)}`,
               '    response:', `      status: ${status}`, `      content: ${y(content)}`);
  };
  add('@', 500, JSON.stringify({ error: { message: 'no rule of the template test fits this request', type: 'server_error' } }));
  rules.forEach((r, i) => add(ruleMatch(r), 200, completion(r, i + 1)));
  lines.push(`  - path: ${y('^/v1/models$')}`, `    method: "GET"`, `    match: "@"`, '    response:', '      status: 200',
             `      content: ${y(JSON.stringify({ object: 'list', data: [{ id: 'mock-model', object: 'model', created: 1700000000, owned_by: 'mock' }] }))}`);
  return lines.join('\n') + '\n';
}
function startMock(configFile) {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [path.join(peers, 'start-mock-llm.sh'), '0', configFile], { stdio: ['ignore', 'pipe', 'pipe'] });
    let buf = '';
    const timer = setTimeout(() => { child.kill(); reject(new Error('mock-llm did not start')); }, 20000);
    child.stdout.on('data', (d) => {
      buf += d;
      const m = /FLOWDECK_MOCK_LLM_LISTENING 127\.0\.0\.1:(\d+)/.exec(buf);
      if (m) { clearTimeout(timer); resolve({ child, port: Number(m[1]) }); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`mock-llm exited (${code})`)); });
  });
}

// --- checks --------------------------------------------------------------------
function chartBlocks(text) {
  return [...text.matchAll(/```chart\s*\n([\s\S]*?)\n```/g)].map((m) => m[1]);
}
function check(id, result, spec, projectDir, standinLog) {
  const e = spec.expect || {};
  let text;
  if (result.answer !== undefined) text = result.answer;
  else if (e.output) text = typeof result.outputs?.[e.output] === 'string' ? result.outputs[e.output] : JSON.stringify(result.outputs?.[e.output]);
  else text = JSON.stringify(result.outputs);
  if (!text || !text.trim()) return fail(id, 'the answer is empty');
  for (const s of e.contains || []) if (!text.includes(s)) return fail(id, `the answer lacks ${JSON.stringify(s)}:\n${text}`);
  for (const s of e.notContains || []) if (text.includes(s)) return fail(id, `the answer contains ${JSON.stringify(s)}:\n${text}`);
  for (const r of e.matches || []) if (!new RegExp(r, 'm').test(text)) return fail(id, `the answer does not match /${r}/:\n${text}`);
  if (e.chartBlocks !== undefined) {
    const blocks = chartBlocks(text);
    if (blocks.length !== e.chartBlocks) return fail(id, `expected ${e.chartBlocks} chart block(s), found ${blocks.length}`);
    for (const b of blocks) {
      let option;
      try { option = JSON.parse(b); } catch { return fail(id, `a chart block is not JSON: ${b}`); }
      const series = [].concat(option.series || []);
      if (!series.length || !series.every((s) => s && s.type && Array.isArray(s.data) && s.data.length))
        return fail(id, `a chart block has no series with data: ${b}`);
    }
  }
  if (e.toolCalls) {
    const called = existsSync(standinLog) ? readFileSync(standinLog, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l).tool) : [];
    for (const t of e.toolCalls) if (!called.includes(t)) return fail(id, `the stand-in tool ${t} was not called (called: ${called.join(', ') || 'none'})`);
  }
  for (const [file, want] of Object.entries(e.files || {})) {
    const p = path.join(projectDir, file);
    if (!existsSync(p)) return fail(id, `the project has no ${file} after the run`);
    if (want && !readFileSync(p, 'utf8').includes(want)) return fail(id, `${file} lacks ${JSON.stringify(want)}`);
  }
  console.log(`ok - ${id} (${Math.round(result.elapsedMs)} ms)`);
}

// The bases `flowdeck new` made from the template's sample documents (expect.knowledge).
function checkKnowledge(id, spec, projectDir) {
  const want = spec.expect?.knowledge;
  if (!want) return true;
  const listed = sh(flowdeck, ['kb', '--in', path.join(projectDir, 'knowledge'), '--json', 'list']);
  let bases;
  try { bases = JSON.parse(listed.out); } catch { return fail(id, `flowdeck kb list printed no JSON (exit ${listed.code}):\n${listed.err}`), false; }
  for (const [name, documents] of Object.entries(want)) {
    const base = bases.find((b) => b.name === name);
    if (!base) return fail(id, `the project has no knowledge base ${name}`), false;
    const s = base.stats || {};
    if (s.indexed !== documents || s.failed !== 0) return fail(id, `the base ${name} has ${s.indexed} documents indexed and ${s.failed} failed, expected ${documents}`), false;
    if (demo && (base.settings?.embedding?.profile !== 'demo' || !s.chunks || s.vectors !== s.chunks))
      return fail(id, `the base ${name} is not embedded by the demo profile (${s.vectors} vectors for ${s.chunks} passages)`), false;
  }
  return true;
}

// A run the guard policy answered: it succeeded, its answer passes `expect`, and its "guard" is as expected.
function checkGuarded(id, run, spec, projectDir, standinLog) {
  let result;
  try { result = JSON.parse(run.out); } catch { return fail(id, `flowdeck run printed no JSON (exit ${run.code}):\n${run.out}\n${run.err}`); }
  if (run.code !== 0 || result.status !== 'succeeded') return fail(id, `the run ${result.status}: ${JSON.stringify(result.error)}\n${run.err}`);
  const want = spec.expect?.guard || {};
  const got = result.guard || {};
  if (want.blocked !== undefined && got.blocked !== want.blocked) return fail(id, `guard.blocked is ${got.blocked}, expected ${want.blocked}`);
  if (want.stage !== undefined && got.stage !== want.stage) return fail(id, `guard.stage is ${got.stage}, expected ${want.stage}`);
  for (const c of want.categories || [])
    if (!(got.categories || []).includes(c)) return fail(id, `guard.categories ${JSON.stringify(got.categories)} lacks ${c}`);
  check(id, result, spec, projectDir, standinLog);
}

function checkDemo(id, result) {
  const text = result.answer !== undefined ? String(result.answer) : JSON.stringify(result.outputs);
  if (!demoMarkers.some((m) => text.includes(m))) return fail(id, `the answer is not marked as a demo answer:\n${text}`);
  console.log(`ok - ${id} (demo, ${Math.round(result.elapsedMs)} ms)`);
}

// --- main ----------------------------------------------------------------------
const listed = sh(flowdeck, ['templates', '--dir', path.join(root, 'templates'), '--json']);
if (listed.code !== 0) {
  console.log(`not ok - flowdeck templates: exit ${listed.code}\n${listed.err}`);
  process.exit(1);
}
const templates = JSON.parse(listed.out);
console.log(`# ${templates.length} templates`);
const dirs = readdirSync(path.join(root, 'templates'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
for (const d of dirs) if (!templates.some((t) => t.id === d)) fail(d, 'templates/' + d + ' was not listed by flowdeck templates');

const work = mkdtempSync(path.join(tmpdir(), 'flowdeck-templates-'));
// Catalog plugins with a pinned peer start from tests/peers, like an installed plugin.
const pluginDir = path.join(work, 'plugins');
mkdirSync(pluginDir);
for (const id of ['filesystem', 'memory', 'sequential-thinking', 'everything']) {
  const manifest = JSON.parse(readFileSync(path.join(root, 'plugins', `${id}.json`), 'utf8'));
  symlinkSync(peers, path.join(pluginDir, `${id}@${manifest.install.version}`));
}

for (const t of templates) {
  if (only.size && !only.has(t.id)) continue;
  const id = t.id;
  const specFile = path.join(here, `${id}.test.json`);
  if (!existsSync(specFile)) { fail(id, `no test: tests/templates/${id}.test.json`); continue; }
  const spec = JSON.parse(readFileSync(specFile, 'utf8'));
  const sorted = (l) => [...(l || [])].sort();
  const declared = t.needs, computed = t.computedNeeds;
  if (declared.model !== computed.model || JSON.stringify(sorted(declared.plugins)) !== JSON.stringify(computed.plugins) ||
      JSON.stringify(sorted(declared.secrets)) !== JSON.stringify(computed.secrets)) {
    fail(id, `"needs" says ${JSON.stringify(declared)} but the workflow needs ${JSON.stringify(computed)}`);
    continue;
  }
  const dir = path.join(work, id);
  mkdirSync(dir);
  const projectDir = path.join(dir, 'project');
  const newArgs = ['new', id, projectDir, '--dir', path.join(root, 'templates')];
  if (demo && t.knowledge?.length) newArgs.push('--profile', 'demo');
  const made = sh(flowdeck, newArgs, { env: { ...process.env, FLOWDECK_CONFIG_DIR: path.join(dir, 'config') } });
  if (made.code !== 0) { fail(id, `flowdeck new failed: ${made.err}`); continue; }
  if (!checkKnowledge(id, spec, projectDir)) continue;
  const flowFile = made.out.trim();
  const flow = JSON.parse(readFileSync(flowFile, 'utf8'));
  for (const [alias, standin] of Object.entries(spec.standins || {})) {
    if (!flow.plugins?.[alias]) { fail(id, `the workflow has no plugin ${alias} to stand in for`); continue; }
    flow.plugins[alias] = { command: process.execPath, args: [path.join(peers, 'standin-mcp.mjs'), path.join(here, standin)] };
  }
  writeFileSync(flowFile, JSON.stringify(flow, null, 2) + '\n');

  const configDir = path.join(dir, 'config');
  mkdirSync(configDir, { recursive: true });
  let mock;
  let runArgs = ['run', flowFile, '-p', 'demo', '--json'];
  if (!demo) {
    const mockFile = path.join(dir, 'mock-llm.yaml');
    writeFileSync(mockFile, mockYaml(spec.llm || []));
    try { mock = await startMock(mockFile); } catch (err) { fail(id, String(err)); continue; }
    const profiles = path.join(configDir, 'profiles.json');
    writeFileSync(profiles, JSON.stringify({ profiles: { mock: { title: 'mock-llm', baseUrl: `http://127.0.0.1:${mock.port}/v1`,
                                                                 defaultModel: 'mock-model', needsKey: false } } }));
    runArgs = ['run', flowFile, '--profiles', profiles, '-p', 'mock', '--json'];
  }
  const fill = (v) => String(v).split('${projectDir}').join(projectDir);
  // The demo answers the template's own sample question, as a user without a key would ask it.
  const query = demo ? t.sample?.query?.en ?? spec.query : spec.query ?? t.sample?.query?.en;
  if (flow.mode === 'chat') runArgs.push('-q', fill(query || ''));
  for (const [k, v] of Object.entries(spec.inputs || {})) runArgs.push('-i', `${k}=${fill(typeof v === 'string' ? v : JSON.stringify(v))}`);
  for (const [k, v] of Object.entries(spec.env || {})) runArgs.push('--env', `${k}=${fill(v)}`);
  if (spec.respond) {
    runArgs.push('--respond', spec.respond.action);
    for (const [k, v] of Object.entries(spec.respond.fields || {})) runArgs.push('--field', `${k}=${fill(v)}`);
  }
  const standinLog = path.join(dir, 'standin.log');
  const runEnv = { env: { ...process.env, ...(spec.secrets || {}), FLOWDECK_PLUGIN_DIR: pluginDir,
                          FLOWDECK_CONFIG_DIR: configDir, STANDIN_LOG: standinLog, FLOWDECK_PASS_ENV: 'STANDIN_LOG' }, cwd: dir };
  const run = sh(flowdeck, runArgs, runEnv);
  const guarded = (spec.guarded || []).map((g) => {
    const args = runArgs.filter((a, i) => !(flow.mode === 'chat' && (a === '-q' || runArgs[i - 1] === '-q')));
    if (flow.mode === 'chat') args.push('-q', fill(g.query || ''));
    for (const [k, v] of Object.entries(g.inputs || {})) args.push('-i', `${k}=${fill(v)}`);
    return sh(flowdeck, args, runEnv);
  });
  if (mock) mock.child.kill();
  let result;
  try { result = JSON.parse(run.out); } catch { fail(id, `flowdeck run printed no JSON (exit ${run.code}):\n${run.out}\n${run.err}`); continue; }
  if (run.code !== 0 || result.status !== 'succeeded') { fail(id, `the run ${result.status}: ${JSON.stringify(result.error)}\n${run.err}`); continue; }
  if (demo) checkDemo(id, result);
  else check(id, result, spec, projectDir, standinLog);
  guarded.forEach((g, i) => checkGuarded(`${id} guarded[${i}]`, g, spec.guarded[i], projectDir, standinLog));
}
if (!keep) rmSync(work, { recursive: true, force: true });
else console.log(`# kept ${work}`);
console.log(failures ? `# ${failures} failure(s)` : '# all templates passed');
process.exit(failures ? 1 : 0);
