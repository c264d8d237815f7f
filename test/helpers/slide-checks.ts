import type { Page } from 'playwright-core';

export interface SlideOverflow {
  source: string;
  indices: string;
  problem: string;
}

/**
 * Visits every slide (vertical ones too) with all its fragments shown and reports content that
 * does not fit the deck's canvas, or code that would need scrolling, by source `file:line`.
 */
export async function findOverflowingSlides(page: Page): Promise<SlideOverflow[]> {
  return page.evaluate(async () => {
    const R = (window as any).Reveal;
    const { width, height } = R.getConfig();
    const out: { source: string; indices: string; problem: string }[] = [];
    const slides: HTMLElement[] = R.getSlides();
    for (const slide of slides) {
      const { h, v } = R.getIndices(slide);
      R.slide(h, v, Number.MAX_SAFE_INTEGER);
      await new Promise((r) => requestAnimationFrame(() => r(null)));
      const source = slide.getAttribute('data-deck-source') ?? '?';
      const at = `${h}/${v ?? 0}`;
      if (slide.scrollHeight > height + 1) out.push({ source, indices: at, problem: `${slide.scrollHeight - height}px too tall` });
      if (slide.scrollWidth > width + 1) out.push({ source, indices: at, problem: `${slide.scrollWidth - width}px too wide` });
      slide.querySelectorAll<HTMLElement>('pre code').forEach((code) => {
        if (code.scrollHeight > code.clientHeight + 1) out.push({ source, indices: at, problem: `code block needs ${code.scrollHeight - code.clientHeight}px of vertical scrolling` });
        if (code.scrollWidth > code.clientWidth + 1) out.push({ source, indices: at, problem: `code block needs ${code.scrollWidth - code.clientWidth}px of horizontal scrolling` });
      });
    }
    return out;
  });
}

/** For every Mermaid node in the page: a label that is visible and inside its shape. */
export async function findDiagramLabelProblems(page: Page, selector = '.deck-diagram > svg'): Promise<string[]> {
  return page.locator(selector).evaluateAll((svgs) => {
    const out: string[] = [];
    for (const svg of svgs) {
      const where = svg.closest('section')?.getAttribute('data-deck-source') ?? '?';
      const nodes = svg.querySelectorAll('g.node');
      nodes.forEach((node) => {
        const shape = node.querySelector('rect, polygon, circle, path, ellipse');
        const text = node.querySelector('text');
        if (!shape || !text) return;
        const s = shape.getBoundingClientRect();
        const t = text.getBoundingClientRect();
        if (t.width < 2 || t.height < 2) out.push(`${where}: invisible label in ${node.id}`);
        const inside = t.left >= s.left - 1 && t.right <= s.right + 1 && t.top >= s.top - 1 && t.bottom <= s.bottom + 1;
        if (!inside) out.push(`${where}: label "${text.textContent}" spills out of its shape`);
      });
    }
    return out;
  });
}

/** WCAG contrast ratio between two CSS colours as computed by the browser (rgb/rgba). */
export function contrastRatio(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/[\d.]+/g) ?? []).slice(0, 3).map((x) => {
      const v = Number(x) / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}
