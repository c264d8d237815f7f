// `npm run bench` (part of it): is Deckhand linear at any size? Cold and warm builds of 1000 and
// 5000 slides without diagrams (their ratio: 5× the slides should cost well under 5× the time),
// and `deckhand check` at 250, 500, 1000 and 5000 slides with ms per slide. Prints figures and
// the targets of issue 16; asserts nothing.
//   BENCH_CHECK_SIZES=250,1000  fewer check sizes;  BENCH_RUNS=1  one warm build per size
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateDeck } from './generate-deck.mjs';
import { record } from './results.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'deckhand-bench-scale-'));
const runs = Number(process.env.BENCH_RUNS || 3);
const checkSizes = (process.env.BENCH_CHECK_SIZES || '250,500,1000,5000').split(',').map(Number);
// Before this bench existed (issue 16, a 2-core machine): check took 9 / 21 / 67 s and did not finish 5000 slides in 12 min.
const CHECK_BEFORE = { 250: 9000, 500: 21000, 1000: 67000 };

/** Runs the CLI in a child process (as a user would), returns its wall time. */
function cli(args, dir, cacheDir) {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [path.join(here, 'measure-cli.mjs'), ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, DECKHAND_CACHE_DIR: cacheDir } });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  // check exits 1 on errors; the generated decks have warnings only (diagrams without alt text).
  if (r.status !== 0) throw new Error(`deckhand ${args.join(' ')} failed in ${dir}:\n${r.stderr.slice(-2000)}`);
  return ms;
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log(`scale bench: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);

// Builds without diagrams: parse, render, assemble and write only. Cold (each with an empty cache)
// and warm builds of the two sizes alternate, so both see the machine in the same state, and each
// figure is a median: single cold runs swung the ratio from 1.4 to 1.9.
const sizes = [1000, 5000];
const dirs = Object.fromEntries(sizes.map((n) => [n, path.join(work, `plain-${n}`)]));
for (const n of sizes) generateDeck(dirs[n], n, { diagrams: false });
const times = Object.fromEntries(sizes.map((n) => [n, { cold: [], warm: [] }]));
for (let i = 0; i < runs; i++) for (const n of sizes) times[n].cold.push(cli(['build', '--out', 'dist'], dirs[n], path.join(dirs[n], `.cache-cold-${i}`)));
for (const n of sizes) cli(['build', '--out', 'dist'], dirs[n], path.join(dirs[n], '.cache'));
for (let i = 0; i < runs; i++) for (const n of sizes) times[n].warm.push(cli(['build', '--out', 'dist'], dirs[n], path.join(dirs[n], '.cache')));
const builds = Object.fromEntries(sizes.map((n) => [n, { cold: median(times[n].cold), warm: median(times[n].warm) }]));
console.table(
  ['cold', 'warm'].map((kind) => ({
    build: `${kind} (no diagrams)`,
    '1000 slides ms': Math.round(builds[1000][kind]),
    '5000 slides ms': Math.round(builds[5000][kind]),
    '5000 / 1000': +(builds[5000][kind] / builds[1000][kind]).toFixed(2),
    target: '≤ 1.7 (issue 16)',
  })),
);

// check on decks with code every 5th slide and a diagram every 10th. The diagrams are drawn
// once, by a build of the largest deck into a shared cache (the smaller decks' diagrams are
// among them), so check times measure checking, not drawing.
const largest = Math.max(...checkSizes);
const cache = path.join(work, 'diagram-cache');
const warmDir = path.join(work, `check-${largest}-warmup`);
generateDeck(warmDir, largest);
const drawn = cli(['build', '--out', 'dist'], warmDir, cache);
const redrawn = cli(['build', '--out', 'dist'], warmDir, cache);
const perDiagram = (drawn - redrawn) / (largest / 10);
console.log(`cold diagrams: a build of ${largest} slides with ${largest / 10} diagrams took ${(drawn / 1000).toFixed(1)} s cold, ${(redrawn / 1000).toFixed(1)} s warm: ${perDiagram.toFixed(1)} ms per diagram drawn, on ${os.availableParallelism()} cores (before, issue 16: 83 ms; target ≤ 30 ms)`);
record('diagrams-cold-per-diagram', perDiagram, { diagrams: largest / 10, cold: Math.round(drawn), warm: Math.round(redrawn) });
const rows = checkSizes.map((n) => {
  const dir = path.join(work, `check-${n}`);
  generateDeck(dir, n);
  const ms = cli(['check'], dir, cache);
  const before = CHECK_BEFORE[n];
  return {
    slides: n,
    'check ms': Math.round(ms),
    'ms / slide': +(ms / n).toFixed(1),
    'before ms': before ?? (n === 5000 ? 'did not finish in 12 min' : '—'),
    'before / now': before ? +(before / ms).toFixed(1) : '—',
    target: '≤ 10 ms / slide',
  };
});
console.table(rows);
for (const r of rows) record(`check-${r.slides}`, r['check ms'], { perSlide: r['ms / slide'] });
record('build-5000-over-1000-cold', builds[5000].cold / builds[1000].cold);
const [small, big] = [rows[0], rows[rows.length - 1]];
if (small !== big) console.log(`check: ${big.slides} slides cost ${(big['ms / slide'] / small['ms / slide']).toFixed(2)}× per slide what ${small.slides} do (linear: about 1, or less as start-up is shared)`);
fs.rmSync(work, { recursive: true, force: true });
