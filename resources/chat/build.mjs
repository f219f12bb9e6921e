// Bundles src/ into self-contained pages: dist/chat.html (the deployed apps' chat
// page) and dist/charts.html (the studio run console's chart view). Each script is
// minified and inlined, the CSS is inlined, nothing is loaded from elsewhere.
// Usage: node build.mjs [chat-output-file]   (default: dist/chat.html)
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const target = ['es2020'];

async function buildPage({ entry, stylesheet, page, out }) {
const js = await esbuild.build({
  entryPoints: [path.join(here, 'src', entry)],
  bundle: true,
  minify: true,
  format: 'iife',
  platform: 'browser',
  target,
  charset: 'utf8',
  legalComments: 'none', // licences are listed in the notice comment below
  define: { 'process.env.NODE_ENV': '"production"' },
  write: false,
  metafile: true,
  logLevel: 'warning',
});
const css = await esbuild.build({
  entryPoints: [path.join(here, 'src', stylesheet)],
  bundle: true,
  minify: true,
  target,
  charset: 'utf8',
  write: false,
  logLevel: 'warning',
});

// Text inside <script> must not contain "<!--", "<script" or "</script"
// (the HTML parser would end the element early or enter its "escaped"
// states). Minified code has them only inside string, template and regex
// literals, where "\x3C" means "<" too. The result is parsed below to check.
const script = js.outputFiles[0].text.trim().replace(/<(?=!--|\/?script)/gi, '\\x3C');
new vm.Script(script, { filename: entry }); // throws on a syntax error
const style = css.outputFiles[0].text.trim().replace(/<(?=!--|\/?style)/gi, '\\3C ');

// Content-Security-Policy for the page: only this inline script may run, the
// page talks only to its own origin, and images come only from its own origin
// or data: URLs (so answers cannot leak data through remote image addresses).
const scriptHash = createHash('sha256').update(script, 'utf8').digest('base64');
const csp = [
  "default-src 'none'",
  `script-src 'sha256-${scriptHash}'`,
  "style-src 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

// Name, version and licence of every bundled package, for the notice.
const inputs = Object.keys(js.metafile.inputs);
const packages = new Map();
for (const input of inputs) {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
  if (!m || packages.has(m[1])) continue;
  const pkg = JSON.parse(await readFile(path.join(here, 'node_modules', m[1], 'package.json'), 'utf8'));
  const licence = String(pkg.license || 'see package').replace(/^\((.*)\)$/, '$1');
  packages.set(m[1], `${pkg.name} ${pkg.version} (${licence})`);
}
const notice = `<!-- Flowdeck web chat. Bundled third-party code: ${[...packages.values()].sort().join(', ')}. -->`;

const template = await readFile(path.join(here, 'src', page), 'utf8');
const fill = (html, marker, text) => {
  const tag = `<!--${marker}-->`;
  if (!html.includes(tag)) throw new Error(`src/${page} lacks ${tag}`);
  return html.split(tag).join(text); // no String.replace: the bundle contains `$` patterns
};
let html = template;
html = fill(html, 'FLOWDECK_CSP', `<meta http-equiv="Content-Security-Policy" content="${csp}">`);
html = fill(html, 'FLOWDECK_CSS', `<style>${style}</style>`);
html = fill(html, 'FLOWDECK_JS', `<script>${script}</script>`);
html = html.replace(/^<!doctype html>\n/i, (d) => `${d}${notice}\n`);

// Nothing outside the script may point elsewhere (the script itself contains
// XML namespace strings such as http://www.w3.org/2000/svg, which load nothing).
const outside = html.replace(/<script>[\s\S]*<\/script>/, '');
if (/\b(?:src|href)\s*=\s*["']?(?:https?:)?\/\//i.test(outside) || /@import|url\(\s*["']?(?:https?:)?\/\//i.test(outside)) {
  throw new Error('dist page refers to an external URL');
}

await mkdir(path.dirname(out), { recursive: true });
await writeFile(out, html, 'utf8');
console.log(`wrote ${path.relative(process.cwd(), out) || out}: ${Buffer.byteLength(html)} bytes`);
}

await buildPage({ entry: 'chat.js', stylesheet: 'chat.css', page: 'index.html',
                  out: path.resolve(process.argv[2] || path.join(here, 'dist', 'chat.html')) });
await buildPage({ entry: 'charts.js', stylesheet: 'charts.css', page: 'charts.html', out: path.join(here, 'dist', 'charts.html') });
