// Unit tests for the DOM-free parts of the page: node --test test/
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createSseParser, errorText } from '../src/sse.js';
import { parseChartSource, sanitizeChartOption } from '../src/chart-option.js';
import { cleanCitations, sourceUrl, stripSourcesFooter } from '../src/citations.js';
import { cleanForms, formUrl, workflowAnswer } from '../src/humanform.js';
import { acceptsFile, fileInputsOf, sizeText } from '../src/attachments.js';
import { aiLabelText, labelsAnswers } from '../src/ailabel.js';

function parseAll(chunks) {
  const events = [];
  const p = createSseParser((ev) => events.push(ev));
  for (const c of chunks) p.push(c);
  p.end();
  return events;
}

const STREAM = 'data: {"choices":[{"delta":{"role":"assistant"}}]}\n\n'
  + ': keep-alive\n\n'
  + 'data: {"choices":[{"delta":{"content":"Hel"}}]}\n\n'
  + 'event: message\r\ndata:{"choices":[{"delta":{"content":"lo"}}]}\r\n\r\n'
  + 'data: [DONE]\n\n';

test('SSE: whole stream in one read', () => {
  const ev = parseAll([STREAM]);
  assert.equal(ev.length, 4);
  assert.equal(ev[1].json.choices[0].delta.content, 'Hel');
  assert.equal(ev[2].json.choices[0].delta.content, 'lo');
  assert.deepEqual(ev[3], { done: true });
});

test('SSE: same events whatever the read boundaries', () => {
  const whole = parseAll([STREAM]);
  for (let size = 1; size < 12; size++) {
    const chunks = [];
    for (let i = 0; i < STREAM.length; i += size) chunks.push(STREAM.slice(i, i + size));
    assert.deepEqual(parseAll(chunks), whole, `chunk size ${size}`);
  }
  for (let cut = 0; cut <= STREAM.length; cut++) {
    assert.deepEqual(parseAll([STREAM.slice(0, cut), STREAM.slice(cut)]), whole, `cut at ${cut}`);
  }
});

test('SSE: CR-only line ends and CRLF split across reads', () => {
  const ev = parseAll(['data: {"a":1}\r', '\ndata: {"b":2}\r\rdata: [DONE]\r']);
  assert.deepEqual(ev, [{ json: { a: 1 } }, { json: { b: 2 } }, { done: true }]);
});

test('SSE: multi-line data and missing blank lines', () => {
  assert.deepEqual(parseAll(['data: {"a":\ndata: 1}\n\n']), [{ json: { a: 1 } }]);
  assert.deepEqual(parseAll(['data: {"a":1}\ndata: {"a":2}\ndata: [DONE]\n']),
    [{ json: { a: 1 } }, { json: { a: 2 } }, { done: true }]);
  assert.deepEqual(parseAll(['data: not json\n\n']), [{ raw: 'not json' }]);
  assert.deepEqual(parseAll(['data: {"a":1}']), [{ json: { a: 1 } }], 'last line without line end');
});

test('SSE: error object mid-stream', () => {
  const ev = parseAll(['data: {"choices":[{"delta":{"content":"x"}}]}\n\ndata: {"error":{"message":"boom","type":"server_error"}}\n\n']);
  assert.equal(errorText(ev[1].json.error), 'boom');
});

test('errorText', () => {
  assert.equal(errorText({ message: 'm', type: 't' }), 'm');
  assert.equal(errorText('plain'), 'plain');
  assert.equal(errorText({ error: { message: 'nested' } }), 'nested');
  assert.equal(errorText({ code: 5 }), '{"code":5}');
  assert.equal(errorText(null), '');
});

test('chart: only complete, drawable options', () => {
  const ok = '{"xAxis":{"type":"category","data":["a"]},"yAxis":{},"series":[{"type":"bar","data":[1]}]}';
  assert.ok(parseChartSource(ok));
  assert.equal(parseChartSource(ok.slice(0, -3)), null, 'still streaming');
  assert.equal(parseChartSource('[1,2]'), null);
  assert.equal(parseChartSource('{"title":{"text":"no series"}}'), null);
  assert.equal(parseChartSource('{"series":[{"type":"treemap","data":[]}]}'), null, 'type not bundled');
  assert.ok(parseChartSource('{"series":{"type":"pie","data":[1]}}'), 'series as one object');
});

test('chart: option is made safe', () => {
  const opt = JSON.parse(`{
    "__proto__": {"polluted": true},
    "title": {"text": "t", "link": "javascript:alert(1)", "sublink": "https://example.com"},
    "tooltip": {"formatter": "<img src=x onerror=alert(1)>", "extraCssText": "x", "appendToBody": true},
    "backgroundColor": {"image": "https://evil.example/track.png"},
    "series": [{"type": "scatter", "symbol": "image://https://evil.example/p.png", "data": [1, "JavaScript:x", 3]}]
  }`);
  const out = sanitizeChartOption(opt, { reducedMotion: true });
  assert.equal(({}).polluted, undefined);
  assert.equal(Object.getPrototypeOf(out), Object.prototype);
  assert.equal(out.title.link, undefined);
  assert.equal(out.title.sublink, 'https://example.com');
  assert.equal(out.tooltip.renderMode, 'richText');
  assert.equal(out.tooltip.extraCssText, undefined);
  assert.equal(out.tooltip.appendToBody, undefined);
  assert.deepEqual(out.backgroundColor, {});
  assert.equal(out.series[0].symbol, undefined);
  assert.deepEqual(out.series[0].data, [1, null, 3]);
  assert.equal(out.animation, false);
  assert.equal(sanitizeChartOption({ series: [] }).tooltip.renderMode, 'richText', 'tooltip added');
  assert.equal(sanitizeChartOption({ series: [] }).backgroundColor, 'transparent');
  assert.equal(sanitizeChartOption({ series: [], tooltip: [{ trigger: 'axis' }] }).tooltip.trigger, 'axis');
});

test('citations: the plain sources list is left out, the answer kept', () => {
  assert.equal(stripSourcesFooter('Fifteen days [1].\n\nSources:\n[1] leave.md, Annual leave\n[2] faq.csv, row 3'), 'Fifteen days [1].');
  assert.equal(stripSourcesFooter('十五天。\n\n来源：\n[1] 制度.docx，第 2 页'), '十五天。');
  assert.equal(stripSourcesFooter('Sources: are listed below'), 'Sources: are listed below');
});

test('citations: only well-formed ones, with safe links', () => {
  const list = cleanCitations([{ index: 1, base: 'hr docs', chunkId: 7, source: 'a.md' }, { base: 'x', chunkId: -1 }, null, 'x',
    { base: 'kb', chunkId: '12', document: 'b.pdf' }]);
  assert.equal(list.length, 2);
  assert.equal(list[1].chunkId, 12);
  assert.equal(sourceUrl('', 'my app', list[0]), '/v1/apps/my%20app/sources/hr%20docs/7');
  assert.deepEqual(cleanCitations({ not: 'a list' }), []);
});

test('forms: well-formed ones once each, hostile parts dropped', () => {
  const forms = cleanForms([
    { token: 'form-1', deadlineMs: 1700000000000, form: { title: 'Approve', text: 'Pay **3**?', fields: [{ name: 'note' }, { label: 'no name' }, null], actions: [{ id: 'ok', label: 'OK' }, { label: 'no id' }] } },
    { token: 'form-1', form: {} },
    { token: '', form: {} },
    { form: {} },
    'text',
    { token: 'form-2', deadlineMs: 'soon', form: null },
  ]);
  assert.equal(forms.length, 2);
  assert.deepEqual(forms[0].fields, [{ name: 'note' }]);
  assert.deepEqual(forms[0].actions, [{ id: 'ok', label: 'OK' }]);
  assert.equal(forms[0].deadlineMs, 1700000000000);
  assert.equal(forms[1].deadlineMs, 0);
  assert.deepEqual(forms[1].actions, []);
  assert.deepEqual(cleanForms(undefined), []);
  assert.equal(cleanForms([{ token: 't', form: { node: 'ask', title: 'ask' } }])[0].title, '');
  assert.equal(cleanForms([{ token: 't', form: { node: 'ask', title: 'Approval' } }])[0].title, 'Approval');
  assert.equal(formUrl('/x', 'my app', 'form-a/b'), '/x/v1/apps/my%20app/forms/form-a%2Fb');
});

test('forms: a workflow app answers with its one text output, else JSON', () => {
  assert.equal(workflowAnswer({ greeting: 'Hello' }), 'Hello');
  assert.equal(workflowAnswer({ n: 3 }), '```json\n{\n  "n": 3\n}\n```');
  assert.equal(workflowAnswer(null), '```json\n{}\n```');
});

test('attachments: file inputs, types and sizes', () => {
  assert.deepEqual(fileInputsOf([{ name: 'a', type: 'file' }, { name: 'b', type: 'text' }, null]).map((i) => i.name), ['a']);
  const input = { accept: ['.pdf', 'text/*', 'csv'] };
  assert.equal(acceptsFile(input, { name: 'Bill.PDF', type: '' }), true);
  assert.equal(acceptsFile(input, { name: 'notes', type: 'text/plain' }), true);
  assert.equal(acceptsFile(input, { name: 'table.csv', type: 'application/vnd.ms-excel' }), true);
  assert.equal(acceptsFile(input, { name: 'photo.png', type: 'image/png' }), false);
  assert.equal(acceptsFile({}, { name: 'anything.bin', type: '' }), true);
  assert.equal(sizeText(20 * 1024 * 1024), '20 MiB');
  assert.equal(sizeText(1536), '1.5 KiB');
  assert.equal(sizeText(12), '12 B');
});

test('AI label: shown unless the app turns it off, in the page language', () => {
  assert.equal(labelsAnswers({ app: 'a', aiLabel: true }), true);
  assert.equal(labelsAnswers({ app: 'a', needsKey: true }), true); // a private app's info before the key
  assert.equal(labelsAnswers(null), true);
  assert.equal(labelsAnswers({ aiLabel: false }), false);
  assert.equal(labelsAnswers({ aiLabel: 'false' }), true); // only a JSON false turns it off
  assert.equal(aiLabelText('zh'), '内容由 AI 生成');
  assert.equal(aiLabelText('en'), 'AI-generated');
  assert.equal(aiLabelText('fr'), 'AI-generated');
});
