// `npm run bench`: runs every bench script with BENCH_RESULTS set, then prints one table of the
// figures issue 16 asks for, each beside the previous release's figure (0.1.0, measured on this
// project's 2-core machines) and its target, with the ratio. Asserts nothing: targets are printed.
//   BENCH_QUICK=1   fewer runs, smaller rooms and decks (a first look, not figures to quote)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const here = path.dirname(new URL(import.meta.url).pathname);
const results = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'deckhand-bench-summary-')), 'results.jsonl');
const quick = !!process.env.BENCH_QUICK;
const env = { ...process.env, BENCH_RESULTS: results, ...(quick ? { BENCH_RUNS: '1', BENCH_CHECK_SIZES: '250,1000', BENCH_EDITS: '8' } : {}) };

const scripts = [
  ['build.mjs'],
  ['cold-start.mjs'],
  ['scale.mjs'],
  ['reload.mjs'],
  ['followers.mjs', quick ? '--counts=500,1000' : '--counts=500,1000,2000'],
  ['export.mjs'],
];
const started = Date.now();
for (const [script, ...args] of scripts) {
  console.log(`\n=== bench/${script} ${args.join(' ')}`);
  const r = spawnSync(process.execPath, [path.join(here, script), ...args], { stdio: 'inherit', env });
  if (r.status !== 0) console.log(`bench/${script} exited with ${r.status}: its figures are missing below`);
}

const got = new Map(
  (fs.existsSync(results) ? fs.readFileSync(results, 'utf8').trim().split('\n') : [])
    .filter(Boolean)
    .map((l) => JSON.parse(l))
    .map((r) => [r.key, r]),
);
const v = (key) => got.get(key);
const ms = (x) => (x === undefined ? '—' : x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${Math.round(x)} ms`);
const ratio = (before, now) => (before && now ? `${(now / before).toFixed(2)}×` : '—');
const check = (n, before) => {
  const r = v(`check-${n}`);
  return { what: `check, ${n} slides`, before: before === undefined ? 'did not finish in 12 min' : ms(before), now: r ? `${ms(r.value)} (${r.perSlide} ms/slide)` : '—', 'now / before': ratio(before, r?.value), target: '≤ 10 ms per slide' };
};
const reload = (n, before) => {
  const r = v(`reload-${n}`);
  return { what: `text edit → visible, ${n} slides, p50 / p90`, before: before ?? '—', now: r ? `${r.value} / ${r.p90} ms` : '—', 'now / before': before && r ? ratio(Number(before.split(' ')[0]), r.value) : '—', target: '≤ 25 / 40 ms' };
};
const devRatio = v('dev-cold-ratio');
const rows = [
  { what: 'deckhand --version (process start, module loading)', before: '—', now: ms(v('cli-version')?.value), 'now / before': '—', target: '—' },
  { what: 'warm build, 20 / 200 / 1000 slides (same cache; ratio at 1000)', before: '143 / 150 / 189 ms (session 3)', now: [20, 200, 1000].map((n) => ms(v(`build-warm-${n}`)?.value)).join(' / '), 'now / before': ratio(189, v('build-warm-1000')?.value), target: '—' },
  { what: 'dev, empty cache → first slide, as × warm start', before: '6.7× (9.7 s vs 1.4 s, busy)', now: devRatio ? `${devRatio.value.toFixed(2)}× (${ms(devRatio.cold)} vs ${ms(devRatio.warm)})` : '—', 'now / before': ratio(6.7, devRatio?.value), target: '≤ 1.5×' },
  { what: 'dev, empty cache → every diagram patched in', before: '—', now: ms(v('dev-all-drawn')?.value), 'now / before': '—', target: '—' },
  { what: 'cold build of the flagship (empty cache)', before: ms(4600), now: `${ms(v('build-cold')?.value)} (brand-new render profile: ${ms(v('build-cold-fresh-profile')?.value)})`, 'now / before': ratio(4600, v('build-cold')?.value), target: '≤ 2.0 s' },
  { what: 'cold diagrams, 5000 slides with 500 diagrams', before: '83 ms per diagram', now: v('diagrams-cold-per-diagram') ? `${v('diagrams-cold-per-diagram').value.toFixed(1)} ms per diagram` : '—', 'now / before': ratio(83, v('diagrams-cold-per-diagram')?.value), target: '≤ 30 ms per diagram' },
  check(250, 9000),
  check(500, 21000),
  check(1000, 67000),
  check(5000, undefined),
  { what: 'cold build, 5000 vs 1000 slides without diagrams', before: '1.7×', now: v('build-5000-over-1000-cold') ? `${v('build-5000-over-1000-cold').value.toFixed(2)}×` : '—', 'now / before': '—', target: '≤ 1.7×' },
  reload(20, '24 ms'),
  reload(200, '28 ms'),
  reload(1000, '39 / 49 ms'),
  { what: 'present: followers with p99 ≤ 100 ms (ceiling)', before: '200 measured (p99 7 ms)', now: v('followers-ceiling') ? `${v('followers-ceiling').value} (tried ${v('followers-ceiling').counts})` : '—', 'now / before': '—', target: '≥ 2000' },
];
console.log(`\n=== summary: ${os.availableParallelism()} cores (${os.cpus()[0]?.model.trim()}), load average now ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}, bench ${Math.round((Date.now() - started) / 1000)} s${quick ? ', BENCH_QUICK' : ''}`);
console.log('before: the previous release (0.1.0), as measured for issue 16 on this project\'s 2-core machines');
console.table(rows);
