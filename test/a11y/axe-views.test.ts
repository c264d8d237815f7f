import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build';
import { exportDeck } from '../../src/export/export-deck';
import { startPresentServer } from '../../src/present/present-server';
import { startDevServer } from '../../src/server/dev-server';
import { lanAddresses } from '../../src/server/host-names';
import { CHROMIUM, hasChromium, launch } from '../helpers/chromium';
import { openDevPageWithFinding } from '../helpers/dev-finding';
import { copyFixture, makeProject } from '../helpers/fixtures';
import { openOffline } from '../helpers/offline-page';
import { TALK } from '../helpers/present-deck';
import { axeDeckInPrintView, axeEverySlide, runAxe, severe, summarize, type Accept, type Findings } from './axe';

const ROOT = path.resolve(__dirname, '..', '..');

/**
 * Moderate findings Deckhand leaves, each with its reason in README's "Accessibility" section.
 * Anything else moderate, and anything serious or critical, fails.
 */
const ACCEPTED_MODERATE = new Set<string>([]);

/** Every view axe looked at, with what it found: written to $DECKHAND_AXE_REPORT for the record. */
const report: Record<string, Array<{ rule: string; impact: string; count: number }>> = {};

function expectClean(view: string, findings: Findings): void {
  report[view] = summarize(findings);
  expect(severe(findings), `${view}: serious or critical axe violations`).toEqual([]);
  const moderate = [...findings.values()].filter((f) => f.impact === 'moderate' && !ACCEPTED_MODERATE.has(f.rule));
  expect(moderate, `${view}: moderate axe violations not listed in README`).toEqual([]);
}

/**
 * axe-core on every view Deckhand makes: every slide of the flagship deck and of the fixture
 * decks, the dev page with its error overlay and check panel open, the three pages of a talk,
 * the deck index and a single-file export. One browser for the file.
 */
describe.runIf(hasChromium())('axe-core finds nothing serious in any view', () => {
  let browser: Browser;
  const cacheDir = path.join(os.tmpdir(), 'deckhand-a11y-cache');

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    if (process.env.DECKHAND_AXE_REPORT) fs.writeFileSync(process.env.DECKHAND_AXE_REPORT, JSON.stringify(report, null, 1));
  });

  /**
   * The reveal-md fixture keeps reveal-md's default highlight theme, zenburn, whose string colour
   * is 2.6:1 on its background: the author's choice, kept for compatibility (README,
   * "Accessibility"). Only that is accepted, and only there.
   */
  const AUTHOR_HIGHLIGHT_THEME: Record<string, Accept> = {
    'fixture reveal-md': (rule, target) => rule === 'color-contrast' && /\.hljs-/.test(target),
  };

  const deckViews: Array<[string, () => Promise<string>]> = [
    [
      'flagship deck (slides/docker)',
      async () => {
        const out = fs.mkdtempSync(path.join(os.tmpdir(), 'deckhand-a11y-flagship-'));
        // The default cache (a temp folder under vitest), shared with flagship.test.ts's build.
        await build({ root: ROOT, inputs: [path.join(ROOT, 'slides', 'docker')], outDir: out, log: () => {} });
        return path.join(out, 'docker', 'index.html');
      },
    ],
    // The overflow fixture's slides overflow on purpose, which a build with Chromium refuses.
    ...([['basic', CHROMIUM], ['overflow', false]] as const).map(([name, chromium]): [string, () => Promise<string>] => [
      `fixture ${name}`,
      async () => {
        const root = copyFixture(name);
        await build({ root, chromium, cacheDir, log: () => {} });
        return path.join(root, 'dist', name, 'index.html');
      },
    ]),
    [
      'fixture reveal-md',
      async () => {
        const root = copyFixture('reveal-md');
        await build({ root, inputs: ['talk'], chromium: false, cacheDir, log: () => {} });
        return path.join(root, 'dist', 'talk', 'index.html');
      },
    ],
  ];

  for (const [view, make] of deckViews) {
    it(`${view}: every slide`, async () => {
      const file = await make();
      const findings: Findings = new Map();
      const pages = await axeDeckInPrintView(browser, file, findings, AUTHOR_HIGHLIGHT_THEME[view]);
      expect(pages).toBeGreaterThan(1);
      expectClean(view, findings);
    }, 180_000);
  }

  it('deck index page (several decks)', async () => {
    const root = makeProject({
      'slides/one.md': '---\ntitle: First\n---\n# A\n\n---\n\n# B\n',
      'slides/two/01.md': '# Two\n',
    });
    await build({ root, chromium: false, cacheDir, log: () => {} });
    const page = await browser.newPage();
    await page.goto(`file://${path.join(root, 'dist', 'index.html')}`);
    const findings: Findings = new Map();
    await runAxe(page, findings);
    await page.close();
    expectClean('deck index', findings);
  });

  it('single-file export', async () => {
    const root = copyFixture('basic');
    const { file } = await exportDeck({ root, input: 'slides/basic', format: 'html', out: 'out/basic.html', chromium: CHROMIUM, cacheDir, log: () => {} });
    const { page, context } = await openOffline(browser, file);
    const findings: Findings = new Map();
    await axeEverySlide(page, findings);
    await context.close();
    expectClean('single-file export', findings);
  }, 120_000);

  it('dev page with the error overlay and the check panel open', async () => {
    const root = copyFixture('basic');
    const server = await startDevServer({ root, port: 0, chromium: false, cacheDir, log: () => {} });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      // A finding for the check panel (an image without alt text), then an error for the overlay.
      const { chapter, text } = await openDevPageWithFinding(page, server.url, root);
      await page.locator('button.deck-dev-checks').click();
      await page.locator('.deck-dev-checks-list').waitFor();
      fs.writeFileSync(chapter, text.replace('title: Basic fixture', 'title: [Basic fixture'));
      await page.locator('.deck-dev-overlay').waitFor();
      const findings: Findings = new Map();
      await runAxe(page, findings);
      expectClean('dev page (overlay + check panel)', findings);
    } finally {
      await page.close();
      await server.close();
    }
  });

  it('speaker view, phone remote and audience page of a talk', async () => {
    const root = makeProject({ 'slides/talk.md': TALK });
    // On all addresses (when this machine has one on a network) the speaker view offers the phone remote.
    const host = lanAddresses().length ? '0.0.0.0' : '127.0.0.1';
    const server = await startPresentServer({ root, input: 'slides/talk.md', host, port: 0, chromium: false, cacheDir: path.join(root, '.cache'), log: () => {} });
    const pages: Page[] = [];
    try {
      const open = async (url: string, ready: string, viewport: { width: number; height: number }, phone = false) => {
        const page = await browser.newPage({ viewport, isMobile: phone, hasTouch: phone });
        pages.push(page);
        await page.goto(url);
        await page.waitForSelector(ready);
        return page;
      };
      const speaker = await open(server.urls.speaker, 'html[data-deck-driver=driving][data-deck-view-ready]', { width: 1440, height: 900 });
      const remote = await open(server.urls.remote, 'html[data-deck-driver=driving][data-deck-view-ready]', { width: 390, height: 844 }, true);
      const audience = await open(server.urls.audience, 'html[data-deck-follow=live]', { width: 1280, height: 720 });

      // The speaker view with its phone-remote dialog open, as a presenter sees it before the talk.
      let findings: Findings = new Map();
      await runAxe(speaker, findings);
      if (host === '0.0.0.0') {
        await speaker.locator('#deck-present-remote').click();
        await runAxe(speaker, findings, 'dialog[open]');
      }
      expectClean('speaker view', findings);

      findings = new Map();
      await runAxe(remote, findings);
      expectClean('phone remote', findings);

      // The audience page, live and then browsing away (its "Back to live" button shown).
      findings = new Map();
      await axeEverySlide(audience, findings);
      // axeEverySlide ended on the last slide, away from the live one.
      await audience.locator('.deck-follow-live[data-state=browsing]').waitFor();
      await runAxe(audience, findings);
      expectClean('audience page', findings);
    } finally {
      await Promise.all(pages.map((p) => p.close()));
      await server.close();
    }
  });
});
