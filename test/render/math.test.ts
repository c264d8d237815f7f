import { describe, expect, it, vi } from 'vitest';
import { resolveDeckOptions } from '../../src/options';
import type { MathOptions } from '../../src/options';
import { mayHoldMath, typesetMath } from '../../src/render/math';
import { createSlideRenderer } from '../../src/render/render-slide';
import type { ResolveContext } from '../../src/render/references';
import type { SlideSource } from '../../src/types';
import { all, parseFragment } from '../helpers/html';

// The real typesetter, counted: a slide without `$` or a backslash must not be searched at all.
vi.mock('../../src/render/math', async (original) => {
  const real = await original<typeof import('../../src/render/math')>();
  return { ...real, typesetMath: vi.fn(real.typesetMath) };
});

const ctx: ResolveContext = { root: '/p', exists: () => false, readText: () => undefined };

function render(body: string, math?: MathOptions, notes?: string) {
  const slide: SlideSource = { key: '0-0', file: '/p/slides/deck.md', line: 10, endLine: 40, body, bodyLine: 10, notes, notesLine: notes ? 30 : undefined };
  const out = createSlideRenderer(ctx, math)(slide);
  return { ...out, html: parseFragment(out.slide.html) };
}

/** The TeX each formula was typeset from (KaTeX keeps it in the MathML annotation), display or not. */
function formulas(html: ReturnType<typeof parseFragment>) {
  return all(html, '.katex').map((k) => ({
    tex: k.querySelector('annotation[encoding="application/x-tex"]')?.textContent,
    display: k.parentElement?.classList.contains('katex-display') ?? false,
  }));
}

describe('math', () => {
  it('looks for formulas only in slides that have a `$` or a backslash, which every delimiter has', () => {
    for (const src of ['$x$', '`$x$`', '$$x$$', '\\(x\\)', '\\[x\\]', '\\begin{align}x\\end{align}']) expect(mayHoldMath(src), src).toBe(true);
    expect(mayHoldMath('## Plain\n\n- a *b* `c`\n')).toBe(false);
    vi.mocked(typesetMath).mockClear();
    expect(render('## Plain\n\n- a *b* `c`\n\nNote: plain too\n').slide.math).toBeUndefined();
    expect(typesetMath).not.toHaveBeenCalled();
    render('Costs $5, and C:\\temp.\n');
    expect(typesetMath).toHaveBeenCalledTimes(1);
  });

  it('typesets inline $…$ and \\(…\\) with HTML and MathML, leaving no delimiter behind', () => {
    const { html, slide, diagnostics } = render('Euler: $e^{i\\pi} + 1 = 0$ and \\(a_1\\).\n');
    expect(formulas(html)).toEqual([{ tex: 'e^{i\\pi} + 1 = 0', display: false }, { tex: 'a_1', display: false }]);
    expect(all(html, 'math')).toHaveLength(2);
    expect(html.textContent).not.toContain('$');
    expect(slide.math).toBe(true);
    expect(diagnostics).toEqual([]);
  });

  it('typesets display $$…$$ and \\[…\\], in a paragraph or as a block no Markdown rule cuts into', () => {
    const { html } = render('Inline display $$x^2$$ here.\n\n$$\n\\sum_{i=1}^n i\n= b\n- c\n$$\n\n\\[\n\\int_0^1 f\n\\]\n');
    expect(formulas(html)).toEqual([
      { tex: 'x^2', display: true },
      { tex: '\\sum_{i=1}^n i\n= b\n- c', display: true },
      { tex: '\\int_0^1 f', display: true },
    ]);
    // `= b` did not make a heading, `- c` no list.
    expect(all(html, 'h1, h2, ul')).toHaveLength(0);
  });

  it('typesets \\begin{env}…\\end{env} with its line breaks and alignment intact', () => {
    const tex = '\\begin{align}\na_1 &= b_1 \\\\\nc^* &= d^*\n\\end{align}';
    const { html } = render(`${tex}\n\nText with \\begin{matrix} a & b \\end{matrix} inline.\n`);
    expect(formulas(html)).toEqual([{ tex, display: true }, { tex: '\\begin{matrix} a & b \\end{matrix}', display: true }]);
  });

  it('treats a code span holding only $…$ or $$…$$ as math (reveal.js documented form), other code spans as code', () => {
    const { html } = render('A `$x_1*y_2*$` and `$$\\frac{a}{b}$$`, but `echo $HOME` and `a $x$ b` stay code.\n');
    expect(formulas(html)).toEqual([{ tex: 'x_1*y_2*', display: false }, { tex: '\\frac{a}{b}', display: true }]);
    expect(all(html, 'code').map((c) => c.textContent)).toEqual(['echo $HOME', 'a $x$ b']);
  });

  it('leaves prices and lone dollars as text', () => {
    const { html, slide } = render('It costs $5 and $10, or $ 3 $.\n\nA `$` sign and \\$x\\$ escaped.\n');
    expect(all(html, '.katex')).toHaveLength(0);
    expect(html.textContent).toContain('It costs $5 and $10, or $ 3 $.');
    expect(html.textContent).toContain('$x$ escaped');
    expect(slide.math).toBeUndefined();
  });

  it('keeps _, *, \\\\ and \\{ away from Markdown', () => {
    const tex = 'a_1 * b_2 * \\{c\\} \\\\ d_{*}';
    const { html } = render(`Text $${tex}$ and _real emphasis_.\n`);
    expect(formulas(html)).toEqual([{ tex, display: false }]);
    expect(all(html, 'em').map((e) => e.textContent)).toEqual(['real emphasis']);
    expect(all(html, 'p strong, p > em')).toHaveLength(1);
  });

  it('reports a TeX error as a warning at its file:line:col and leaves the source visible', () => {
    const { html, diagnostics } = render('# Title\n\nFine $x$, then\nbroken $\\frac{a}{$ here.\n\n$$\na +\n\\badcmd\n$$\n');
    expect(diagnostics.map((d) => [d.code, d.severity, d.line, d.column])).toEqual([
      ['math-error', 'warning', 13, 18],
      ['math-error', 'warning', 17, 1],
    ]);
    expect(diagnostics[1].message).toMatch(/badcmd/);
    // KaTeX's own rendering of an error: the source in its error colour, whole or in the formula.
    expect(all(html, '.katex-error').map((e) => e.textContent)).toEqual(['\\frac{a}{']);
    expect(new Set(all(html, '.katex-html [style*="color"]').map((e) => e.textContent))).toEqual(new Set(['\\badcmd']));
  });

  it('uses the deck macros, from math: or reveal-md places, and does not let \\gdef leak between formulas', () => {
    const { html, diagnostics } = render('$\\RR$ and $\\gdef\\foo{x}\\foo$ then $\\foo$\n', { macros: { '\\RR': '\\mathbb{R}' } });
    // \gdef in one formula does not define \foo for the next.
    expect(diagnostics.map((d) => [d.message, d.column])).toEqual([['TeX: Undefined control sequence: \\foo', 36]]);
    expect(all(html, '.katex .mathbb, .katex .amsrm').length).toBeGreaterThan(0);
    const options = resolveDeckOptions(
      { math: { macros: { '\\A': 'a' } }, revealOptions: { math: { macros: { '\\B': 'b' } }, katex: { macros: { '\\A': 'z', '\\C': 'c', bad: 3 } } } },
      '',
    );
    expect(options.math.macros).toEqual({ '\\A': 'a', '\\B': 'b', '\\C': 'c' });
  });

  it('marks a slide whose only math is in its notes', () => {
    const { slide } = render('No math.\n', undefined, 'Say $E=mc^2$.\n');
    expect(slide.math).toBe(true);
    expect(slide.notesHtml).toContain('katex');
  });

  it('leaves math syntax inside fences alone', () => {
    const { html } = render('```tex\n$x$ and $$y$$\n```\n');
    expect(all(html, '.katex')).toHaveLength(0);
  });
});
