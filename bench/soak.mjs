// `npm run soak`: the dev server on the flagship deck (copied to a temp project: the sources
// are never touched) under 1000 scripted saves of every kind an editor makes, with one headless
// Chromium page and 40 WebSocket clients connected. Prints saves, crashes, saves never shown,
// whether the page ends equal to a fresh build (slide by slide), time to visible and the
// server's heap after GC at start and end. Bench only: not part of `npm test`.
//
//   SOAK_SAVES=1000 (default)   SOAK_SEED=1   DECKHAND_CHROMIUM=/usr/bin/chromium
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import WebSocket from 'ws';

const { build } = await import('../lib/index.js');
const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
const SAVES = Number(process.env.SOAK_SAVES || 1000);
const CLIENTS = 40;
const VISIBLE_TIMEOUT_MS = 15_000;
const CHROMIUM = process.env.DECKHAND_CHROMIUM || '/usr/bin/chromium';

// ---- a temp project: the flagship deck and its diagrams ------------------------------------
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'deckhand-soak-'));
fs.cpSync(path.join(repo, 'slides/docker'), path.join(work, 'slides/docker'), { recursive: true });
fs.cpSync(path.join(repo, 'diagrams'), path.join(work, 'diagrams'), { recursive: true });
const deckDir = path.join(work, 'slides/docker');
const chapters = fs.readdirSync(deckDir).filter((f) => f.endsWith('.md')).sort().map((f) => path.join(deckDir, f));
const first = chapters[0];
const diagramFiles = fs.readdirSync(path.join(work, 'diagrams')).map((f) => path.join(work, 'diagrams', f));
const flowcharts = diagramFiles.filter((f) => /^flowchart/.test(fs.readFileSync(f, 'utf8')));
const originals = new Map([...chapters, ...diagramFiles].map((f) => [f, fs.readFileSync(f, 'utf8')]));

// ---- deterministic randomness ---------------------------------------------------------------
let seed = Number(process.env.SOAK_SEED || 1);
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = (xs) => xs[Math.floor(random() * xs.length)];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---- what a save writes ---------------------------------------------------------------------
/** The chapter's original text with a marker paragraph under its first heading, and maybe a new slide. */
function chapterText(file, marker, { slide = false, title } = {}) {
  let text = originals.get(file);
  if (title) text = text.replace(/^title: .*$/m, `title: "Docker from the kernel up ${title}"`);
  const lines = text.split('\n');
  let from = 0;
  if (lines[0] === '---') from = lines.indexOf('---', 1) + 1;
  const heading = lines.findIndex((l, i) => i >= from && /^#{1,3} \S/.test(l));
  lines.splice(heading + 1, 0, '', `Soak marker ${marker}.`);
  text = lines.join('\n');
  if (slide) text += `\n\n---\n\n## Soak slide ${marker}\n\nA slide the soak inserted.\n`;
  return text;
}
const diagramText = (file, marker) => `${originals.get(file).trimEnd()}\n  S${marker}["${marker}"] --> S${marker}b["soak"]\n`;
const brokenDiagram = (file, marker) => `${originals.get(file).trimEnd()}\n  S${marker}["${marker}"] -->\n`;
const brokenYaml = (marker) => originals.get(first).replace(/^title: .*$/m, `title: [unclosed ${marker}`);

function atomicWrite(file, text) {
  const tmp = `${file}.tmp`; // editors' temp names; the watcher ignores them
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}

// ---- the server, in a child process ---------------------------------------------------------
let child;
let closing = false;
let crashes = 0;
const crashReports = [];
const internalErrors = [];
const asked = new Map();
let askId = 0;

function startServer() {
  return new Promise((resolve, reject) => {
    child = fork(path.join(here, 'soak-server.mjs'), [work], { execArgv: ['--expose-gc'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    child.on('message', (m) => {
      if (m.type === 'ready') resolve(m.url);
      else if (m.type === 'log') {
        if (/internal error/.test(m.line)) internalErrors.push(m.line);
      } else if (m.type === 'heap') asked.get(m.id)?.(m);
      else if (m.type === 'crash') crashReports.push(m.message);
    });
    child.on('exit', (code) => {
      if (!closing) {
        crashes++;
        process.stderr.write(`\nsoak: the dev server exited (code ${code})\n`);
      }
      reject(new Error('exited before serving'));
    });
  });
}
const askHeap = () =>
  new Promise((resolve) => {
    const id = ++askId;
    asked.set(id, resolve);
    child.send({ type: 'heap', id });
  });

// ---- the clients ----------------------------------------------------------------------------
let url = await startServer();
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
const pageErrors = [];
let page;
async function openPage() {
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${url}docker/`);
  await page.waitForSelector('html[data-deck-ready][data-deck-dev=connected]', { timeout: 60_000 });
}
await openPage();

const sockets = { opened: 0, dropped: 0, messages: 0 };
let clients = [];
function connectClients() {
  const origin = new URL(url).origin;
  clients = Array.from({ length: CLIENTS }, () => {
    const ws = new WebSocket(`${origin.replace(/^http/, 'ws')}/_deckhand/ws`, { origin });
    ws.on('open', () => sockets.opened++);
    ws.on('message', () => sockets.messages++);
    ws.on('close', () => !closing && sockets.dropped++);
    ws.on('error', () => {});
    return ws;
  });
}
connectClients();
await sleep(500);

// ---- waiting for a save to show ---------------------------------------------------------------
/** In the page: is this expectation what it shows now? */
function shows({ marker, title, overlay }) {
  const o = document.querySelector('.deck-dev-overlay');
  if (overlay) return !!o && o.textContent.includes(overlay);
  if (o || document.documentElement.getAttribute('data-deck-dev') !== 'connected') return false;
  if (title && !document.title.includes(title)) return false;
  return (document.querySelector('.reveal .slides')?.textContent ?? '').includes(marker);
}

/** Milliseconds until the page shows `expect`, or NaN if it never does. Survives page reloads. */
async function timeToVisible(t0, expect) {
  const deadline = t0 + VISIBLE_TIMEOUT_MS;
  while (performance.now() < deadline) {
    try {
      await page.waitForFunction(shows, expect, { polling: 5, timeout: Math.max(1, deadline - performance.now()) });
      return performance.now() - t0;
    } catch (e) {
      if (/Timeout/.test(e.message)) break;
      await sleep(5); // the page was reloading: ask the new one
    }
  }
  return NaN;
}

// ---- the scripted saves ---------------------------------------------------------------------
const KINDS = [
  ['in-place', 24], ['atomic', 14], ['recreate', 10], ['burst', 6], ['insert-slide', 8], ['delete-slide', 6],
  ['half-written', 10], ['front-matter', 5], ['bad-yaml', 4], ['bad-mermaid', 5], ['diagram', 8],
];
const totalWeight = KINDS.reduce((n, [, w]) => n + w, 0);
function pickKind() {
  let r = random() * totalWeight;
  for (const [kind, w] of KINDS) if ((r -= w) < 0) return kind;
  return 'in-place';
}

const results = []; // { kind, ms }
let saves = 0;
let neverShown = 0;
const insertedIn = new Set();
const heapStart = await askHeap();
const started = performance.now();
let step = 0;

async function check(kind, expect, t0) {
  const ms = await timeToVisible(t0, expect);
  if (Number.isNaN(ms)) {
    neverShown++;
    process.stderr.write(`\nsoak: step ${step} (${kind}) never showed ${JSON.stringify(expect)}\n`);
  }
  results.push({ kind, ms });
}

while (saves < SAVES) {
  step++;
  const kind = saves >= SAVES - 25 ? 'in-place' : pickKind(); // end on plain, valid saves
  const m = `soak${step}x`;
  const file = pick(chapters);
  if (child.exitCode !== null) {
    url = await startServer();
    await page.close();
    await openPage();
    connectClients();
  }
  const t0 = () => performance.now();
  switch (kind) {
    case 'in-place': {
      fs.writeFileSync(file, chapterText(file, m));
      const t = t0();
      saves++;
      await check(kind, { marker: m }, t);
      break;
    }
    case 'atomic': {
      atomicWrite(file, chapterText(file, m));
      const t = t0();
      saves++;
      await check(kind, { marker: m }, t);
      break;
    }
    case 'recreate': {
      fs.unlinkSync(file);
      await sleep(random() * 30);
      fs.writeFileSync(file, chapterText(file, m));
      const t = t0();
      saves++;
      await check(kind, { marker: m }, t);
      break;
    }
    case 'burst': {
      // 20 saves in about 50 ms: only the last must show, the others are superseded.
      let last = '';
      for (let i = 0; i < 20; i++) {
        last = `${m}b${i}`;
        fs.writeFileSync(file, chapterText(file, last));
        saves++;
        await sleep(2.5);
      }
      await check(kind, { marker: last }, t0());
      break;
    }
    case 'insert-slide': {
      fs.writeFileSync(file, chapterText(file, m, { slide: true }));
      insertedIn.add(file);
      const t = t0();
      saves++;
      await check(kind, { marker: `Soak slide ${m}` }, t);
      break;
    }
    case 'delete-slide': {
      const from = insertedIn.size ? [...insertedIn][0] : file;
      insertedIn.delete(from);
      fs.writeFileSync(from, chapterText(from, m)); // the inserted slide goes away
      const t = t0();
      saves++;
      await check(kind, { marker: m }, t);
      break;
    }
    case 'half-written': {
      const text = chapterText(file, m);
      fs.writeFileSync(file, text.slice(0, Math.floor(text.length * (0.2 + random() * 0.6))));
      await sleep(random() * 40);
      fs.writeFileSync(file, text);
      const t = t0();
      saves++;
      await check(kind, { marker: m }, t);
      break;
    }
    case 'front-matter': {
      fs.writeFileSync(first, chapterText(first, m, { title: m }));
      const t = t0();
      saves++;
      await check(kind, { marker: m, title: m }, t);
      break;
    }
    case 'bad-yaml': {
      fs.writeFileSync(first, brokenYaml(m));
      let t = t0();
      saves++;
      await check('bad-yaml', { overlay: 'invalid YAML' }, t);
      fs.writeFileSync(first, chapterText(first, m));
      t = t0();
      saves++;
      await check('yaml-fixed', { marker: m }, t);
      break;
    }
    case 'bad-mermaid': {
      const d = pick(flowcharts);
      fs.writeFileSync(d, brokenDiagram(d, m));
      let t = t0();
      saves++;
      await check('bad-mermaid', { overlay: 'Mermaid' }, t);
      fs.writeFileSync(d, diagramText(d, m));
      t = t0();
      saves++;
      await check('mermaid-fixed', { marker: m }, t);
      break;
    }
    case 'diagram': {
      const d = pick(flowcharts);
      fs.writeFileSync(d, diagramText(d, m));
      const t = t0();
      saves++;
      await check(kind, { marker: m }, t);
      break;
    }
  }
  if (step % 25 === 0) process.stderr.write(`\rsoak: ${saves}/${SAVES} saves`);
}
const elapsed = (performance.now() - started) / 1000;
process.stderr.write('\n');

// Let the last update's content checks run, then measure.
await sleep(500);
const heapEnd = await askHeap();

// ---- the page against a fresh build -----------------------------------------------------------
/** Every leaf slide's markup without what reveal.js and the dev server add at run time. */
function slidesOf() {
  const RUNTIME_CLASSES = ['present', 'past', 'future', 'stack', 'visible', 'current-fragment'];
  const RUNTIME_ATTRS = ['data-deck-id', 'hidden', 'aria-hidden', 'data-index-h', 'data-index-v', 'data-previous-indexv', 'style'];
  const leaves = [...document.querySelectorAll('.reveal .slides section')].filter((s) => !s.querySelector('section'));
  return leaves.map((s) => {
    const c = s.cloneNode(true);
    for (const el of [c, ...c.querySelectorAll('*')]) {
      for (const a of RUNTIME_ATTRS) if (a !== 'style' || el.tagName === 'SECTION') el.removeAttribute(a);
      for (const k of RUNTIME_CLASSES) el.classList.remove(k);
      if (el.getAttribute('class') === '') el.removeAttribute('class');
    }
    return c.outerHTML;
  });
}
const fresh = await build({ root: work, inputs: ['slides/docker'], outDir: path.join(work, 'fresh-build'), cacheDir: path.join(work, '.cache'), log: () => {} });
const freshPage = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await freshPage.goto(`file://${fresh.decks[0].file}`);
await freshPage.waitForSelector('html[data-deck-ready]', { timeout: 60_000 });
const live = await page.evaluate(slidesOf);
const built = await freshPage.evaluate(slidesOf);
const differing = built.map((html, i) => (html === live[i] ? -1 : i)).filter((i) => i >= 0);
const equal = live.length === built.length && differing.length === 0;

// ---- report -----------------------------------------------------------------------------------
const times = results.map((r) => r.ms).filter((ms) => !Number.isNaN(ms)).sort((a, b) => a - b);
const pct = (p) => times[Math.min(times.length - 1, Math.floor((times.length * p) / 100))] ?? NaN;
const mib = (b) => (b / 1048576).toFixed(1);
const byKind = new Map();
for (const r of results) if (!Number.isNaN(r.ms)) byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), r.ms]);

console.log(`\nDeckhand soak: ${SAVES} saves on slides/docker (${chapters.length} chapters, ${diagramFiles.length} diagrams), 1 page + ${CLIENTS} WebSocket clients, ${elapsed.toFixed(0)} s`);
console.log(`  saves                 ${saves} (${results.length} checked steps)`);
console.log(`  crashes               ${crashes}${internalErrors.length ? `, ${internalErrors.length} internal errors logged` : ''}`);
console.log(`  saves never shown     ${neverShown}`);
console.log(`  final page = fresh build  ${equal ? 'yes' : 'NO'} (${live.length} slides shown, ${built.length} built${differing.length ? `; differ at ${differing.slice(0, 10).join(', ')}` : ''})`);
console.log(`  time to visible       p50 ${pct(50).toFixed(0)} ms, p90 ${pct(90).toFixed(0)} ms`);
for (const [kind, xs] of byKind) {
  xs.sort((a, b) => a - b);
  console.log(`    ${kind.padEnd(14)} n=${String(xs.length).padStart(3)}  p50 ${xs[Math.floor(xs.length / 2)].toFixed(0).padStart(4)} ms  p90 ${xs[Math.min(xs.length - 1, Math.floor(xs.length * 0.9))].toFixed(0).padStart(4)} ms`);
}
console.log(`  server heap after GC  start ${mib(heapStart.heapUsed)} MiB, end ${mib(heapEnd.heapUsed)} MiB (growth ${mib(heapEnd.heapUsed - heapStart.heapUsed)} MiB)`);
console.log(`  caches at end         split ${heapEnd.caches.split}, render ${heapEnd.caches.render}`);
console.log(`  WebSocket clients     ${sockets.opened - sockets.dropped}/${CLIENTS} still open, ${sockets.messages} messages received`);
console.log(`  page script errors    ${pageErrors.length}${pageErrors.length ? `: ${pageErrors[0]}` : ''}`);
if (crashReports.length) console.log(`  first crash: ${crashReports[0]}`);
if (differing.length) console.log(`  first difference (slide ${differing[0]}):\n    live:  ${live[differing[0]]?.slice(0, 300)}\n    built: ${built[differing[0]]?.slice(0, 300)}`);

closing = true;
for (const ws of clients) ws.terminate();
await browser.close();
child.send({ type: 'close' });
await new Promise((r) => child.once('exit', r));
fs.rmSync(work, { recursive: true, force: true });
const ok = crashes === 0 && neverShown === 0 && equal && heapEnd.heapUsed - heapStart.heapUsed <= 5 * 1048576;
process.exitCode = ok ? 0 : 1;
