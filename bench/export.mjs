// `npm run bench:export`: PDF export time (the whole `deckhand export --format pdf` command,
// Node and Chromium start included) for the flagship deck, if the project has one, and a
// generated 200-slide deck; and the size of each single-file HTML export. Target: ≤ 100 ms
// per PDF page. Prints figures; asserts nothing.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { generateDeck } from './generate-deck.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const repo = path.resolve(here, '..');
const cli = path.join(repo, 'bin', 'deckhand.js');
const runs = Number(process.env.BENCH_RUNS || 3);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'deckhand-bench-export-'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Runs one export from the command line; returns wall time and the pages it reports. */
function exportOnce(cwd, deck, out, extra = [], cacheDir) {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [cli, 'export', deck, '-o', out, ...extra], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, DECKHAND_CACHE_DIR: cacheDir },
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0) throw new Error(`export of ${deck} failed:\n${r.stderr}`);
  return { ms, pages: Number(/: (\d+) pages? →/.exec(r.stderr)?.[1] ?? 0) };
}

function measure(name, cwd, deck) {
  const cacheDir = path.join(work, `${name}-cache`);
  const pdf = path.join(work, `${name}.pdf`);
  const html = path.join(work, `${name}.html`);
  // The first run renders every diagram into an empty cache; later runs are a warm re-export.
  const cold = exportOnce(cwd, deck, pdf, ['--format', 'pdf'], cacheDir);
  const warm = Array.from({ length: runs }, () => exportOnce(cwd, deck, pdf, ['--format', 'pdf'], cacheDir));
  const handout = exportOnce(cwd, deck, pdf, ['--format', 'pdf', '--notes', '--fragments'], cacheDir);
  exportOnce(cwd, deck, html, ['--format', 'html'], cacheDir);
  const bytes = fs.readFileSync(html);
  const warmMs = median(warm.map((w) => w.ms));
  return {
    deck: name,
    'PDF pages': cold.pages,
    'cold ms': Math.round(cold.ms),
    'warm ms (median)': Math.round(warmMs),
    'warm ms/page': +(warmMs / cold.pages).toFixed(1),
    'cold ms/page': +(cold.ms / cold.pages).toFixed(1),
    'handout pages (--notes --fragments)': handout.pages,
    'handout ms/page': +(handout.ms / handout.pages).toFixed(1),
    'HTML KiB': +(bytes.length / 1024).toFixed(1),
    'HTML gzip KiB': +(zlib.gzipSync(bytes, { level: 9 }).length / 1024).toFixed(1),
  };
}

const rows = [];
const flagship = path.join(repo, 'slides', 'docker');
if (fs.existsSync(flagship)) rows.push(measure('flagship (slides/docker)', repo, flagship));
else console.log('no flagship deck at slides/docker: measuring the generated deck only');

const generated = path.join(work, 'generated');
generateDeck(generated, 200);
rows.push(measure('generated, 200 slides', generated, 'slides/deck.md'));

console.table(rows);
console.log('target: ≤ 100 ms per PDF page, Chromium start included');
fs.rmSync(work, { recursive: true, force: true });
