// `npm run bench:reload`: time from saving a file to the new content showing in an open
// preview, for decks of 20, 200 and 1000 slides. Prints p50/p90; asserts nothing.
// The deck is issue #16's: generated, code every 5th slide, a diagram every 10th, the viewer on
// slide 5 with a fragment shown, slide 5 edited, once the first drawing of the diagrams is done.
// "text" is until the page's DOM shows the edit, "painted" until the frame after it; "server" is
// the dev server's own update (its log line).
// Each text edit is also split into stages (medians, ms; Date.now() on both sides, one machine):
// "watch" from the write to the start of the server's update (file system event, the watcher's
// settling), "server" the update itself, "socket" from its log line (sent) to the page's socket
// receiving it (includes waiting for the page's main thread), "patch" from there to the text in
// the DOM (the dev client's whole handling: the observer that sees the text runs after it).
// Target (#16): text p50 <= 25 ms and p90 <= 40 ms at every size, on an idle machine.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { generateDeck } from './generate-deck.mjs';
import { record } from './results.mjs';

const { startDevServer } = await import('../lib/index.js');
const sizes = (process.env.BENCH_SIZES || '20,200,1000').split(',').map(Number);
const EDITS = Number(process.env.BENCH_EDITS || 20);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'deckhand-reload-'));
const browser = await chromium.launch({ executablePath: process.env.DECKHAND_CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))];

/**
 * Writes the file, then returns ms until `probe(marker)` is true in the page; `painted` also
 * waits for the next frame to be produced (requestAnimationFrame, then a task after it).
 */
async function timeEdit(page, write, probe, marker, painted = false, stages) {
  const waiting = page.evaluate(
    ({ probe, marker, painted }) =>
      new Promise((resolve) => {
        const test = new Function('marker', probe);
        const afterFrame = () => requestAnimationFrame(() => setTimeout(() => resolve(Date.now())));
        const check = () => test(marker) && (observer.disconnect(), clearInterval(timer), painted ? afterFrame() : resolve(Date.now()));
        const observer = new MutationObserver(check);
        observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
        const timer = setInterval(check, 2); // CSS swaps change no DOM once the link loads
        setTimeout(() => (observer.disconnect(), clearInterval(timer), resolve(NaN)), 10_000);
      }),
    { probe, marker, painted },
  );
  await new Promise((r) => setTimeout(r, 20));
  const t0 = Date.now();
  write();
  const done = await waiting;
  const ms = done - t0;
  process.stderr.write(Number.isNaN(ms) ? `  timed out waiting for ${marker}\n` : '.');
  if (stages && !Number.isNaN(ms)) {
    const received = await page.evaluate((t0) => window.__bench.received.find((t) => t >= t0), t0);
    const sent = stages.log.find((l) => l.t >= t0);
    if (sent && received) {
      const start = sent.t - sent.ms;
      stages.rows.push({ watch: start - t0, server: sent.ms, socket: received - sent.t, patch: done - received });
    }
  }
  return ms;
}

const rows = [];
const stageRows = [];
for (const n of sizes) {
  const dir = path.join(work, `deck-${n}`);
  const file = generateDeck(dir, n, { theme: 'bench' });
  fs.mkdirSync(path.join(dir, 'themes'));
  const css = path.join(dir, 'themes', 'bench.css');
  const cssText = (c) => `@import "${path.resolve('themes/deckhand.css')}";\n:root{--r-heading-color:${c}}\n`;
  fs.writeFileSync(css, cssText('#0b2a4a'));
  const updates = [];
  const stages = { log: [], rows: [] };
  const log = (line) => {
    const ms = /updated in (\d+) ms/.exec(line)?.[1];
    if (!ms) return;
    updates.push(Number(ms));
    stages.log.push({ t: Date.now(), ms: Number(ms) });
  };
  const server = await startDevServer({ root: dir, port: 0, cacheDir: path.join(dir, '.cache'), log });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  // When each message reaches the page: a listener added before the dev client's own.
  await page.addInitScript(() => {
    const bench = (window.__bench = { received: [] });
    const Native = window.WebSocket;
    window.WebSocket = class extends Native {
      constructor(...args) {
        super(...args);
        this.addEventListener('message', () => bench.received.push(Date.now()));
      }
    };
  });
  await page.goto(`${server.url}deck/#/4/0/0`);
  await page.waitForSelector('html[data-deck-ready][data-deck-dev=connected]');
  await page.locator('button.deck-dev-follow').click(); // measure in place: no jump to the edited slide
  // The deck's diagrams are drawn in the background on first start (the cache is new): edits
  // timed meanwhile would share the CPU with Chromium and a diagram edit would queue behind them.
  while (server.decks.some((d) => d.drawingDiagrams)) await new Promise((r) => setTimeout(r, 50));
  const original = fs.readFileSync(file, 'utf8');
  const probeText = 'return document.querySelector(".reveal .slides section.present")?.innerText.includes(marker)';

  const edit = (marker) => () => fs.writeFileSync(file, original.replace('## Slide 5\n', `## Slide 5 ${marker}\n`));
  const text = [];
  updates.length = 0;
  for (let i = 1; i <= EDITS; i++) text.push(await timeEdit(page, edit(`Edited ${n}-${i}`), probeText, `Edited ${n}-${i}`, false, stages));
  const serverMs = [...updates];
  const painted = [];
  for (let i = 1; i <= EDITS; i++) painted.push(await timeEdit(page, edit(`Painted ${n}-${i}`), probeText, `Painted ${n}-${i}`, true));
  const place = await page.evaluate(() => window.Reveal.getIndices());
  const stayed = place.h === 4 && (place.f ?? 0) === 0;

  const diagram = [];
  const probeSvg = 'return [...document.querySelectorAll(".deck-diagram svg")].some((s) => s.textContent.includes(marker))';
  for (let i = 1; i <= 5; i++) {
    const marker = `Changed${n}x${i}`;
    diagram.push(await timeEdit(page, () => fs.writeFileSync(file, original.replace('[Client 10]', `[${marker}]`)), probeSvg, marker));
  }
  const cssTimes = [];
  const colors = ['#aa0011', '#00aa22', '#1122aa', '#aa6600', '#6600aa'];
  for (const [i, c] of colors.entries()) {
    const marker = `rgb(${parseInt(c.slice(1, 3), 16)}, ${parseInt(c.slice(3, 5), 16)}, ${parseInt(c.slice(5, 7), 16)})`;
    cssTimes.push(await timeEdit(page, () => fs.writeFileSync(css, cssText(c)), 'return getComputedStyle(document.querySelector(".reveal h2")).color === marker', marker));
    void i;
  }
  const after = await page.evaluate(() => window.Reveal.getIndices());
  const median = (k) => pct(stages.rows.map((r) => r[k]), 50);
  stageRows.push({ slides: n, 'watch ms': median('watch'), 'server ms': median('server'), 'socket ms': median('socket'), 'patch ms': median('patch'), 'text p50 ms': pct(text, 50) });
  rows.push({
    slides: n,
    'text p50 ms': pct(text, 50),
    'text p90 ms': pct(text, 90),
    'painted p50 ms': pct(painted, 50),
    'painted p90 ms': pct(painted, 90),
    'server p50 ms': pct(serverMs, 50),
    'server p90 ms': pct(serverMs, 90),
    'stayed on slide+fragment': stayed && after.h === 4,
    'diagram p50 ms': pct(diagram, 50),
    'diagram p90 ms': pct(diagram, 90),
    'css p50 ms': pct(cssTimes, 50),
    'css p90 ms': pct(cssTimes, 90),
  });
  await page.close();
  await server.close();
}
console.log(`${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} (timings on a busy machine are not the idle figures)`);
console.table(rows);
console.log('text edit by stage (medians; write → watch → server update → socket → patched text):');
console.table(stageRows);
for (const r of rows) record(`reload-${r.slides}`, r['text p50 ms'], { p90: r['text p90 ms'] });
console.log('target (#16): text p50 <= 25 ms, p90 <= 40 ms at every size');
await browser.close();
fs.rmSync(work, { recursive: true, force: true });
