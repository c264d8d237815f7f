// `npm run bench`: build times, peak memory and output size for generated decks, plus the
// time of one warm diagram render. Prints figures; asserts nothing.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { generateDeck } from './generate-deck.mjs';
import { record } from './results.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'deckhand-bench-'));
const sizes = (process.env.BENCH_SIZES || '20,200,1000').split(',').map(Number);
const runs = Number(process.env.BENCH_RUNS || 3);

function buildOnce(dir, cacheDir) {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [path.join(here, 'measure-cli.mjs'), 'build', '--out', 'dist'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, DECKHAND_CACHE_DIR: cacheDir },
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0) throw new Error(r.stderr);
  const rss = Number(/BENCH_MAXRSS_KB=(\d+)/.exec(r.stderr)[1]) / 1024;
  return { ms, rss };
}

function textAssetsGzip(dist, deck) {
  const files = [path.join(dist, deck, 'index.html'), ...fs.readdirSync(path.join(dist, '_deckhand')).filter((f) => /\.(js|css)$/.test(f) && f !== 'mermaid.min.js').map((f) => path.join(dist, '_deckhand', f))];
  return files.reduce((n, f) => n + zlib.gzipSync(fs.readFileSync(f), { level: 9 }).length, 0);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
for (const n of sizes) {
  const dir = path.join(work, `deck-${n}`);
  generateDeck(dir, n);
  const cache = path.join(dir, '.cache');
  const cold = buildOnce(dir, cache);
  const warm = Array.from({ length: runs }, () => buildOnce(dir, cache));
  rows.push({
    slides: n,
    diagrams: Math.floor(n / 10),
    'cold ms': Math.round(cold.ms),
    'warm ms (median)': Math.round(median(warm.map((w) => w.ms))),
    'warm peak RSS MiB': Math.round(Math.max(...warm.map((w) => w.rss))),
    'text assets gzip KiB': +(textAssetsGzip(path.join(dir, 'dist'), 'deck') / 1024).toFixed(1),
  });
}
console.table(rows);
for (const r of rows) record(`build-warm-${r.slides}`, r['warm ms (median)']);
// What every CLI run pays before it works (process start, module loading): a warm build's floor.
const versionRuns = Array.from({ length: Math.max(runs, 5) }, () => {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [path.join(here, 'measure-cli.mjs'), '--version'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return Number(process.hrtime.bigint() - started) / 1e6;
});
console.log(`deckhand --version: median ${Math.round(median(versionRuns))} ms`);
record('cli-version', median(versionRuns));

// Math: a warm build of a deck with 100 formulas (typeset by KaTeX at build time, KaTeX's CSS
// and fonts in the stylesheet) against the same deck with the formulas as plain text. A warm
// build reuses rendered slides from the cache, so this is what math costs a rebuild; typesetting
// itself is paid only by slides whose text changed.
const FORMULAS = ['e^{i\\pi} + 1 = 0', '\\sum_{i=1}^{n} i = \\frac{n(n+1)}{2}', '\\int_0^1 x^2\\,dx', '\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}', '\\sqrt{a^2 + b^2}'];
function mathDeck(dir, withMath) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'slides'), { recursive: true });
  const slides = Array.from({ length: 50 }, (_, i) => {
    const [a, b] = [FORMULAS[i % 5] + ` + ${i}`, FORMULAS[(i + 2) % 5] + ` - ${i}`];
    return withMath ? `## Slide ${i + 1}\n\nInline $${a}$ in a sentence.\n\n$$\n${b}\n$$\n` : `## Slide ${i + 1}\n\nInline ${a} in a sentence.\n\n${b}\n`;
  });
  fs.writeFileSync(path.join(dir, 'slides', 'deck.md'), '---\ntitle: Math bench\n---\n' + slides.join('\n---\n\n'));
}
// In one process, builds alternating so machine load hits both alike; the first build of each warms the caches.
const { build } = await import('../lib/index.js');
const mathDirs = [false, true].map((withMath) => {
  const dir = path.join(work, withMath ? 'math' : 'no-math');
  mathDeck(dir, withMath);
  return dir;
});
const buildIn = async (dir) => {
  const t0 = performance.now();
  await build({ root: dir, outDir: path.join(dir, 'dist'), cacheDir: path.join(dir, '.cache'), log: () => {} });
  return performance.now() - t0;
};
for (const dir of mathDirs) await buildIn(dir);
const times = [[], []];
for (let i = 0; i < Math.max(runs, 9); i++) for (const [k, dir] of mathDirs.entries()) times[k].push(await buildIn(dir));
const mathRows = mathDirs.map((dir, k) => ({
  deck: k ? '100 formulas' : 'same text, no math',
  'warm build ms (median)': +median(times[k]).toFixed(1),
  'text assets gzip KiB': +(textAssetsGzip(path.join(dir, 'dist'), 'deck') / 1024).toFixed(1),
}));
console.table(mathRows);
console.log(`math: ${(median(times[1]) - median(times[0])).toFixed(1)} ms more per warm build for 100 formulas (target ≤ 50 ms)`);

// One diagram rendered in an already-warm page: what an edit in the dev server costs.
const { DiagramRenderer, compileStyle } = await import('../lib/internal.js');
const style = (await compileStyle('deckhand', 'github-dark', work, {})).style;
const renderer = new DiagramRenderer({ chromium: process.env.DECKHAND_CHROMIUM || '/usr/bin/chromium', cacheDir: path.join(work, 'warm-cache'), log: () => {} });
const theme = { id: style.fontId, themeCss: style.css, themeFiles: style.files };
const origin = { file: 'bench.md', line: 1, column: 1 };
let t = performance.now();
await renderer.render([{ id: 'w0', code: 'flowchart LR\n  A --> B', alt: '', origin }], {}, theme);
const first = performance.now() - t;
const warm = [];
for (let i = 1; i <= 10; i++) {
  t = performance.now();
  await renderer.render([{ id: `w${i}`, code: `flowchart LR\n  A${i}[Edit ${i}] --> B[Daemon]\n  B --> C[Runtime]`, alt: '', origin }], {}, theme);
  warm.push(performance.now() - t);
}
await renderer.close();
console.log(`diagram render: first (Chromium start + mermaid load) ${Math.round(first)} ms; warm page median ${median(warm).toFixed(1)} ms, max ${Math.max(...warm).toFixed(1)} ms`);
// Diagrams: a cold render of 20 different diagrams (fresh cache; Chromium start and mermaid load
// included, as a first build pays them) and a warm cache hit of the same 20 (a rebuild: no browser).
const DIAGRAMS = Array.from({ length: 20 }, (_, i) =>
  i % 2
    ? `sequenceDiagram\n  participant C as Client ${i}\n  participant D as Daemon\n  C->>D: pull image ${i}\n  Note over C,D: layers are cached\n  D-->>C: done`
    : `flowchart LR\n  subgraph Host\n    A${i}[Client ${i}] -->|REST| B(Daemon)\n  end\n  B --> C{Ready?}\n  C -->|yes| D[Run]`,
).map((code, i) => ({ id: `d${i}`, code, alt: '', origin }));
const diagramCache = path.join(work, 'diagram-cache');
const themed = { ...theme, variables: style.variables };
const cold = new DiagramRenderer({ chromium: process.env.DECKHAND_CHROMIUM || '/usr/bin/chromium', cacheDir: diagramCache, log: () => {} });
t = performance.now();
const coldBatch = await cold.render(DIAGRAMS, {}, themed);
const coldMs = performance.now() - t;
await cold.close();
const hits = [];
for (let i = 0; i < 5; i++) {
  const again = new DiagramRenderer({ chromium: process.env.DECKHAND_CHROMIUM || '/usr/bin/chromium', cacheDir: diagramCache, log: () => {} });
  t = performance.now();
  const batch = await again.render(DIAGRAMS, {}, themed);
  hits.push(performance.now() - t);
  if (batch.cached !== DIAGRAMS.length) throw new Error('the warm run drew diagrams again');
  await again.close();
}
console.log(`diagrams: cold render of ${coldBatch.rendered} diagrams ${(coldMs / DIAGRAMS.length).toFixed(1)} ms/diagram (${Math.round(coldMs)} ms); warm cache hit of all ${DIAGRAMS.length} median ${median(hits).toFixed(2)} ms`);
fs.rmSync(work, { recursive: true, force: true });
