// `npm run contact-sheet -- [deck folder] [--out folder]`: builds a deck (default slides/docker),
// screenshots every slide and every fragment step of it in headless Chromium at 1920×1080 and at
// 1280×720, and lays the shots out as contact sheets (12 to a sheet, each captioned with its
// slide number, step and source file:line) so a whole deck can be looked over in a few images.
// Writes only under --out (default: a new temp folder), never into the project's sources; prints
// the sheets' paths. The full-size shots stay next to the sheets for a closer look.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

// Code passed to page.evaluate() runs in the page, where these exist.
/* global window, document, requestAnimationFrame */

const here = path.dirname(new URL(import.meta.url).pathname);
const repo = path.resolve(here, '..');
const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
];
const PER_SHEET = 12;
const COLUMNS = 4;

function usage(message) {
  if (message) console.error(`contact-sheet: ${message}`);
  console.error('usage: npm run contact-sheet -- [deck folder, default slides/docker] [--out folder]');
  process.exit(2);
}

function parseArgs(argv) {
  let deck;
  let out;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') out = argv[++i] ?? usage('--out needs a folder');
    else if (argv[i].startsWith('--out=')) out = argv[i].slice('--out='.length);
    else if (argv[i].startsWith('-')) usage(`unknown option ${argv[i]}`);
    else if (deck) usage('one deck at a time');
    else deck = argv[i];
  }
  return { deck: path.resolve(deck ?? 'slides/docker'), out: out ? path.resolve(out) : fs.mkdtempSync(path.join(os.tmpdir(), 'deckhand-contact-sheet-')) };
}

/** The sheets are pictures of the sources, never part of them. */
function refuseSourceFolder(out, deck) {
  const sources = [deck, ...['slides', 'diagrams', 'themes', 'src', 'test', 'scripts'].map((d) => path.join(process.cwd(), d))];
  const inside = (dir, parent) => dir === parent || dir.startsWith(parent + path.sep);
  const hit = sources.find((s) => inside(out, s) || inside(s, out));
  if (hit) usage(`refusing to write into ${path.relative(process.cwd(), out) || '.'}: it ${inside(out, hit) ? 'lies inside' : 'holds'} ${path.relative(process.cwd(), hit)}; pick a folder outside the sources with --out`);
}

function buildDeck(deck, outDir) {
  const r = spawnSync(process.execPath, [path.join(repo, 'bin', 'deckhand.js'), 'build', deck, '--out', outDir], { encoding: 'utf8', stdio: ['ignore', 'inherit', 'pipe'] });
  if (r.status !== 0) {
    process.stderr.write(r.stderr);
    process.exit(r.status ?? 2);
  }
  const page = path.join(outDir, path.basename(deck).replace(/\.md$/, ''), 'index.html');
  if (!fs.existsSync(page)) usage(`the build wrote no ${page}`);
  return page;
}

/** Every step a presenter reaches by pressing → / space from the first slide: slides, vertical ones and fragments. */
async function walkSteps(page, onStep) {
  await page.evaluate(() => window.Reveal.configure({ transition: 'none', backgroundTransition: 'none', controlsTutorial: false }));
  await page.evaluate(() => window.Reveal.slide(0, 0, -1));
  const seen = new Set();
  for (;;) {
    const state = await page.evaluate(() => {
      const r = window.Reveal;
      const slide = r.getCurrentSlide();
      const { h, v, f } = r.getIndices();
      const fragments = new Set([...slide.querySelectorAll('.fragment[data-fragment-index]')].map((e) => e.getAttribute('data-fragment-index'))).size;
      return { h, v: v ?? 0, f: f ?? -1, fragments, number: r.getSlidePastCount() + 1, total: r.getTotalSlides(), source: slide.getAttribute('data-deck-source') ?? '' };
    });
    const key = `${state.h}.${state.v}.${state.f}`;
    if (seen.has(key)) return;
    seen.add(key);
    // Fonts and diagrams of the new slide drawn, then one frame for layout.
    await page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))));
    await onStep(state);
    await page.evaluate(() => window.Reveal.next());
  }
}

function captionOf(s) {
  const step = s.fragments ? ` · step ${s.f + 2}/${s.fragments + 1}` : '';
  return { title: `${s.number}/${s.total}${step}`, source: s.source };
}

const escapeHtml = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** One sheet as an HTML page next to its shots, photographed by the same browser: no image library needed. */
function sheetHtml(shots, size, label) {
  const cells = shots
    .map((s) => `<figure><img src="${escapeHtml(path.basename(s.file))}"><figcaption><b>${escapeHtml(s.caption.title)}</b> <span>${escapeHtml(s.caption.source)}</span></figcaption></figure>`)
    .join('\n');
  return `<!doctype html><meta charset="utf-8"><style>
  body { margin: 0; padding: 16px; background: #2b2f36; font: 15px/1.3 'DejaVu Sans', sans-serif; color: #e8eaed; width: ${COLUMNS * 472 - 16}px; }
  h1 { font-size: 16px; margin: 0 0 12px; font-weight: 600; }
  main { display: grid; grid-template-columns: repeat(${COLUMNS}, 456px); gap: 16px; }
  figure { margin: 0; }
  img { display: block; width: 456px; aspect-ratio: ${size.width} / ${size.height}; border: 1px solid #555; background: #fff; }
  figcaption { padding-top: 4px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  figcaption span { color: #b0b6bf; }
</style><h1>${escapeHtml(label)}</h1><main>${cells}</main>`;
}

async function main() {
  const { deck, out } = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(deck)) usage(`no deck at ${deck}`);
  refuseSourceFolder(out, deck);
  fs.mkdirSync(out, { recursive: true });
  const started = Date.now();
  const deckPage = buildDeck(deck, path.join(out, 'build'));
  const browser = await chromium.launch({
    executablePath: process.env.DECKHAND_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
  });
  const sheets = [];
  let shotCount = 0;
  try {
    for (const size of SIZES) {
      const dir = path.join(out, `${size.width}x${size.height}`);
      fs.mkdirSync(dir, { recursive: true });
      const page = await browser.newPage({ viewport: size });
      await page.goto(`file://${deckPage}`);
      await page.waitForSelector('html[data-deck-ready]', { timeout: 60_000 });
      const shots = [];
      await walkSteps(page, async (state) => {
        const name = `${String(state.number).padStart(3, '0')}-${state.h}.${state.v}${state.fragments ? `-step${state.f + 2}` : ''}.png`;
        const file = path.join(dir, name);
        await page.screenshot({ path: file });
        shots.push({ file, caption: captionOf(state) });
      });
      shotCount += shots.length;
      await page.close();
      const sheetPage = await browser.newPage({ viewport: { width: COLUMNS * 472 + 16, height: 600 }, deviceScaleFactor: 1 });
      for (let i = 0; i < shots.length; i += PER_SHEET) {
        const part = shots.slice(i, i + PER_SHEET);
        const n = i / PER_SHEET + 1;
        const label = `${path.basename(deck)} at ${size.width}×${size.height}: sheet ${n} of ${Math.ceil(shots.length / PER_SHEET)} (${part[0].caption.title} … ${part[part.length - 1].caption.title})`;
        const html = path.join(dir, `sheet-${String(n).padStart(2, '0')}.html`);
        fs.writeFileSync(html, sheetHtml(part, size, label));
        await sheetPage.goto(`file://${html}`);
        await sheetPage.evaluate(() => Promise.all([...document.images].map((img) => img.decode())));
        const png = html.replace(/\.html$/, '.png');
        await sheetPage.screenshot({ path: png, fullPage: true });
        sheets.push(png);
      }
      await sheetPage.close();
    }
  } finally {
    await browser.close();
  }
  for (const sheet of sheets) console.log(sheet);
  console.error(`contact-sheet: ${shotCount} screenshots, ${sheets.length} sheets in ${((Date.now() - started) / 1000).toFixed(1)} s → ${out}`);
}

await main();
