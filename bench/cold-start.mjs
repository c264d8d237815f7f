// `npm run bench` (part of it): the first impression. Cold (empty cache) against warm, side by
// side with ratios, for the flagship deck: `deckhand dev` until its first slide is visible in a
// browser (and until every diagram is patched in), and `deckhand build`. "Cold" comes twice: with
// a render profile that has seen mermaid before (any earlier run on this machine) and with a
// brand-new one (the very first run). Targets (issue #16): dev cold ≤ 1.5× warm; cold build ≤ 2.0 s.
// Prints figures; asserts nothing.   BENCH_RUNS=1  one run of each
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { record } from './results.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'deckhand-cold-'));
const runs = Number(process.env.BENCH_RUNS || 3);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const freshDir = (name) => fs.mkdtempSync(path.join(work, `${name}-`));
// This bench's own render profile and code cache, warmed below: the user's are neither used nor changed.
const warmProfile = freshDir('profile');
const warmCode = freshDir('code');
process.env.DECKHAND_RENDER_PROFILE = warmProfile;
process.env.DECKHAND_CODE_CACHE = warmCode;
const { startDevServer } = await import('../lib/index.js');

// The viewer's browser is already open, as it is when an author runs `deckhand dev`.
const browser = await chromium.launch({ executablePath: process.env.DECKHAND_CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });

/** Start of `deckhand dev` → the first slide visible in the browser, and → every diagram drawn. */
async function devFirstSlide(cacheDir) {
  const started = performance.now();
  const server = await startDevServer({ root, inputs: ['slides/docker'], port: 0, cacheDir, log: () => {} });
  const page = await browser.newPage();
  await page.goto(`${server.url}docker/`);
  await page.locator('.reveal .slides section.present').first().waitFor({ state: 'visible' });
  const first = performance.now() - started;
  await page.waitForFunction(() => !document.querySelector('[data-deck-drawing]') && document.querySelectorAll('.deck-diagram > svg').length > 0, null, { timeout: 120_000, polling: 20 });
  const all = performance.now() - started;
  await page.close();
  await server.close();
  return { first, all };
}

function buildOnce(cacheDir, profile = warmProfile, code = warmCode) {
  const started = performance.now();
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'deckhand.js'), 'build', 'slides/docker', '--out', path.join(work, 'dist'), '--force'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, DECKHAND_CACHE_DIR: cacheDir, DECKHAND_RENDER_PROFILE: profile, DECKHAND_CODE_CACHE: code },
  });
  if (r.status !== 0) throw new Error(r.stderr);
  return performance.now() - started;
}

// Chromium keeps mermaid's compiled code from its third load of it on: two builds warm the profile.
for (let i = 0; i < 2; i++) buildOnce(freshDir('cache'));

const dev = { cold: [], warm: [], allDrawn: [] };
const build = { fresh: [], cold: [], warm: [] };
for (let i = 0; i < runs; i++) {
  // Cold then warm on the same cache, every run: a loaded machine affects both alike.
  const devCache = freshDir('cache');
  const cold = await devFirstSlide(devCache);
  dev.cold.push(cold.first);
  dev.allDrawn.push(cold.all);
  dev.warm.push((await devFirstSlide(devCache)).first);
  build.fresh.push(buildOnce(freshDir('cache'), freshDir('profile'), freshDir('code')));
  const buildCache = freshDir('cache');
  build.cold.push(buildOnce(buildCache));
  build.warm.push(buildOnce(buildCache));
}
await browser.close();

/** Loading Playwright in a new process, as the render thread does: with V8's code from an earlier run, or without. */
function playwrightLoad(code) {
  const script = `const { requireWithCodeCache } = await import(${JSON.stringify(path.join(root, 'lib', 'internal.js'))});
const t = performance.now(); requireWithCodeCache('playwright-core', ${JSON.stringify(path.join(root, 'lib', 'index.js'))}, ${JSON.stringify(code)}); console.log(performance.now() - t);`;
  return Number(spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }).stdout);
}
const load = { plain: [], cached: [] };
for (let i = 0; i < Math.max(5, runs); i++) {
  load.plain.push(playwrightLoad(undefined));
  load.cached.push(playwrightLoad(path.join(warmCode, fs.readdirSync(warmCode)[0])));
}
fs.rmSync(work, { recursive: true, force: true });

const m = (xs) => Math.round(median(xs));
console.log(`cold start, flagship deck (slides/docker, 18 diagrams), ${runs} runs, ${os.availableParallelism()} cores, load average ${os.loadavg()[0].toFixed(1)}`);
console.table([
  { what: 'dev: start → first slide visible', 'cold ms': m(dev.cold), 'warm ms': m(dev.warm), 'cold / warm': +(median(dev.cold) / median(dev.warm)).toFixed(2), target: 'cold ≤ 1.5× warm' },
  { what: 'dev: start → every diagram patched in', 'cold ms': m(dev.allDrawn), 'warm ms': m(dev.warm), 'cold / warm': +(median(dev.allDrawn) / median(dev.warm)).toFixed(2), target: '—' },
  { what: 'build, render profile seen mermaid before', 'cold ms': m(build.cold), 'warm ms': m(build.warm), 'cold / warm': +(median(build.cold) / median(build.warm)).toFixed(2), target: 'cold ≤ 2000 ms' },
  { what: 'build, brand-new render profile and code cache', 'cold ms': m(build.fresh), 'warm ms': m(build.warm), 'cold / warm': +(median(build.fresh) / median(build.warm)).toFixed(2), target: '—' },
]);
console.log(`loading Playwright in a new process: ${m(load.plain)} ms plain require, ${m(load.cached)} ms with V8's code from an earlier run (medians of ${load.plain.length})`);
record('dev-cold-ratio', median(dev.cold) / median(dev.warm), { cold: m(dev.cold), warm: m(dev.warm) });
record('dev-all-drawn', median(dev.allDrawn));
record('build-cold', median(build.cold), { warm: m(build.warm) });
record('build-cold-fresh-profile', median(build.fresh));
