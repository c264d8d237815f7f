// What one CLI run costs before and after a change, on a busy machine: `deckhand --version`
// (process start and module loading) and warm builds (a second `deckhand build` with the same
// cache) of generated decks, for one or more checkouts of Deckhand, each with lib/ built
// (`node scripts/bundle.mjs` in it). The checkouts take turns run after run, so load from other
// work hits them alike; prints median and minimum wall time and the median CPU time of the CLI
// process (user + system, less disturbed by load than wall time). Asserts nothing.
//   node bench/warm-cli.mjs [label=]/path/to/checkout …   (default: this checkout)
//   BENCH_SIZES=2,20,200,1000  BENCH_RUNS=9
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateDeck } from './generate-deck.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const sizes = (process.env.BENCH_SIZES || '2,20,200,1000').split(',').map(Number);
const runs = Number(process.env.BENCH_RUNS || 9);
const args = process.argv.slice(2);
const trees = (args.length ? args : [path.resolve(here, '..')]).map((a) => {
  const [label, root] = a.includes('=') ? a.split('=') : [path.basename(a), a];
  return { label, root: path.resolve(root) };
});
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'deckhand-bench-warm-'));
// Reports the CLI process's own CPU time on exit; loaded with --import, outside the checkout.
const probe = path.join(work, 'cpu-probe.mjs');
fs.writeFileSync(probe, "process.on('exit', () => { const u = process.cpuUsage(); process.stderr.write(`\\nBENCH_CPU_MS=${(u.user + u.system) / 1000}\\n`); });\n");

function cli(tree, cliArgs, cwd, cacheDir) {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', probe, path.join(tree.root, 'bin', 'deckhand.js'), ...cliArgs], { cwd, encoding: 'utf8', env: { ...process.env, DECKHAND_CACHE_DIR: cacheDir } });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0) throw new Error(`${tree.label}: deckhand ${cliArgs.join(' ')} failed:\n${r.stderr.slice(-2000)}`);
  return { ms, cpu: Number(/BENCH_CPU_MS=([\d.]+)/.exec(r.stderr)[1]) };
}

const decks = new Map();
for (const tree of trees) {
  for (const n of sizes) {
    const dir = path.join(work, `${tree.label}-${n}`);
    generateDeck(dir, n);
    cli(tree, ['build', '--out', 'dist'], dir, path.join(dir, '.cache')); // cold: draws the diagrams
    decks.set(`${tree.label}-${n}`, dir);
  }
}
const times = new Map();
const record = (tree, what, t) => {
  const key = `${tree.label}\0${what}`;
  if (!times.has(key)) times.set(key, []);
  times.get(key).push(t);
};
for (let i = 0; i < runs; i++) {
  for (const tree of trees) {
    record(tree, '--version', cli(tree, ['--version'], work, path.join(work, 'no-cache')));
    for (const n of sizes) {
      const dir = decks.get(`${tree.label}-${n}`);
      record(tree, `warm ${n}`, cli(tree, ['build', '--out', 'dist'], dir, path.join(dir, '.cache')));
    }
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`warm CLI bench: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}, ${runs} runs each`);
console.log('each cell: wall median / wall min / CPU median, ms');
const rows = {};
for (const tree of trees) {
  rows[tree.label] = {};
  for (const what of ['--version', ...sizes.map((n) => `warm ${n}`)]) {
    const xs = times.get(`${tree.label}\0${what}`);
    rows[tree.label][what] = `${Math.round(median(xs.map((x) => x.ms)))} / ${Math.round(Math.min(...xs.map((x) => x.ms)))} / ${Math.round(median(xs.map((x) => x.cpu)))}`;
  }
}
console.table(rows);
fs.rmSync(work, { recursive: true, force: true });
