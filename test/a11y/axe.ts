import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Frame, Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** One axe rule's violations in a view: how bad, how many elements, and a few of them. */
export interface Finding {
  rule: string;
  impact: string;
  count: number;
  examples: string[];
}

export type Findings = Map<string, Finding>;

/**
 * Injects axe-core into the page (evaluated over the DevTools protocol, so no script tag, no
 * network and no page CSP in the way) and runs it with WCAG 2.x A/AA and best-practice rules.
 * `include` limits it to part of the page (one slide); page-level rules then do not run.
 * Frames are not entered: every deck frame is checked as a deck page of its own.
 */
/** Findings a test accepts on purpose (with its reason next to it): by rule and element. */
export type Accept = (rule: string, target: string) => boolean;

export async function runAxe(page: Page | Frame, into: Findings, include?: string, where = '', accept: Accept = () => false): Promise<void> {
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(AXE_SOURCE);
  const results = (await page.evaluate(
    ([selector]) => {
      const axe = (window as any).axe;
      const context = selector ? { include: [[selector]] } : document;
      return axe
        .run(context, { iframes: false, resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } })
        .then((r: { violations: Array<{ nodes: Array<{ target: string[]; slide?: string }> }> }) => {
          // Which slide each element is on, by its source line.
          for (const v of r.violations) for (const n of v.nodes) n.slide = document.querySelector(n.target[0])?.closest('section[data-deck-source]')?.getAttribute('data-deck-source') ?? '';
          return r;
        });
    },
    [include],
  )) as { violations: Array<{ id: string; impact: string; nodes: Array<{ target: unknown[]; slide: string; failureSummary?: string }> }> };
  for (const v of results.violations) {
    const nodes = v.nodes.filter((n) => !accept(v.id, JSON.stringify(n.target)));
    if (!nodes.length) continue;
    const f = into.get(v.id) ?? { rule: v.id, impact: v.impact, count: 0, examples: [] };
    f.count += nodes.length;
    for (const n of nodes) if (f.examples.length < 3) f.examples.push(`${where || (n.slide ? `${n.slide} ` : '')}${JSON.stringify(n.target)} ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`);
    into.set(v.id, f);
  }
}

/**
 * Every slide of a deck page, each checked with its fragments all shown (as the audience sees
 * it by the end of the slide) and nothing fading. The first run covers the whole page
 * (landmarks, the document's language and title), the rest only the slide on screen: reveal.js
 * hides every other slide, and axe skips what is hidden.
 */
export async function axeEverySlide(page: Page, into: Findings): Promise<number> {
  // Colours are read at rest: with reduced motion nothing fades, so no slide or fragment is
  // caught half-way (the page's own reduced-motion handling is what turns the fades off).
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.waitForSelector('html[data-deck-reduced-motion]', { state: 'attached' });
  const slides = (await page.evaluate(() => {
    const R = (window as any).Reveal;
    return R.getSlides().map((s: Element) => {
      const i = R.getIndices(s);
      return { h: i.h, v: i.v ?? 0, source: s.getAttribute('data-deck-source') ?? `${i.h}/${i.v ?? 0}` };
    });
  })) as Array<{ h: number; v: number; source: string }>;
  for (const [n, s] of slides.entries()) {
    await page.evaluate(async ({ h, v }) => {
      const R = (window as any).Reveal;
      R.slide(h, v);
      while (R.nextFragment());
      // Diagrams drawn by the page, images: let them settle before reading colours.
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    }, s);
    await runAxe(page, into, n === 0 ? undefined : '.reveal .slides section.present:not(.stack)', `${s.source} `);
  }
  return slides.length;
}

export function summarize(findings: Findings): Array<Omit<Finding, 'examples'>> {
  return [...findings.values()].map(({ rule, impact, count }) => ({ rule, impact, count })).sort((a, b) => a.rule.localeCompare(b.rule));
}

/** The serious and critical ones, with where they are, for a readable failure. */
export function severe(findings: Findings): Finding[] {
  return [...findings.values()].filter((f) => f.impact === 'serious' || f.impact === 'critical');
}

/**
 * A whole deck in one axe run: reveal.js's print view (`?print-pdf`) lays every slide out at
 * its canvas size, one after another, with its background and every fragment shown
 * (`pdfSeparateFragments=false`), in the same theme and colours as on screen (print view is a
 * class on the page, not print media). One run over all slides takes seconds where one run per
 * slide took minutes on the flagship deck; what differs from the slide view is layout only
 * (positions, no transitions), which no axe rule measures against the slide view.
 * Findings name their slide by its source line (`data-deck-source`).
 */
export async function axeDeckInPrintView(browser: Browser, file: string, into: Findings, accept?: Accept): Promise<number> {
  const page = await browser.newPage({ viewport: { width: 960, height: 700 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await page.goto(`file://${file}?print-pdf&pdfSeparateFragments=false`);
    await page.waitForSelector('html[data-deck-ready]', { state: 'attached', timeout: 60_000 });
    await runAxe(page, into, undefined, '', accept);
    if (errors.length) throw new Error(errors.join('\n'));
    return await page.locator('.reveal .slides .pdf-page').count();
  } finally {
    await page.close();
  }
}
