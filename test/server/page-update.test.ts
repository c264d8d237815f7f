import { describe, expect, it } from 'vitest';
import { planPageUpdate, type ShownDeck } from '../../src/server/page-update';

/** A deck as pages show it, from `id:html` pairs; vertical stacks are not needed here. */
function shown(slides: string[], extra: Partial<ShownDeck> = {}): ShownDeck {
  const list = slides.map((s) => {
    const [id, html] = s.split(':');
    return { id, hash: html, file: '/p/slides/d.md', html };
  });
  return { slides: list, shape: list.map(() => 1).join(','), pageKey: 'k', slidesHtml: () => list.map((s) => s.html).join(''), ...extra };
}

const plan = (previous: ShownDeck | undefined, next: ShownDeck, opts: { wasFailing?: boolean; touched?: string[] } = {}) =>
  planPageUpdate({ deck: 'd', previous, next, wasFailing: opts.wasFailing ?? false, touched: (id) => (opts.touched ?? []).includes(id), version: 7 });

describe('planPageUpdate', () => {
  it('sends nothing when nothing a page shows changed', () => {
    expect(plan(shown(['a:A', 'b:B']), shown(['a:A', 'b:B']))).toEqual([]);
  });

  it('patches only the slides whose markup changed, and follows the edited one', () => {
    expect(plan(shown(['a:A', 'b:B', 'c:C']), shown(['a:A', 'b:B2', 'c:C']), { touched: ['b'] })).toEqual([
      { type: 'patch', deck: 'd', slides: [{ id: 'b', html: 'B2' }], focus: 'b', version: 7 },
    ]);
  });

  it('sends the whole structure when slides are inserted, deleted or moved', () => {
    const [m] = plan(shown(['a:A', 'b:B']), shown(['a:A', 'n:N', 'b:B']), { touched: ['n'] });
    expect(m).toEqual({ type: 'structure', deck: 'd', html: 'ANB', focus: 'n', version: 7 });
    expect(plan(shown(['a:A', 'b:B']), shown(['b:B', 'a:A']))[0].type).toBe('structure');
  });

  it('swaps the stylesheet when only the theme changed', () => {
    const before = shown(['a:A'], { style: { id: '1', name: 'style.css' } });
    const after = shown(['a:A'], { style: { id: '2', name: 'style.css' } });
    expect(plan(before, after)).toEqual([{ type: 'css', deck: 'd', href: '../_deckhand/style.css?v=2', version: 7 }]);
  });

  it('reloads when title, reveal.js or mermaid settings changed', () => {
    expect(plan(shown(['a:A']), shown(['a:A2'], { pageKey: 'other' }))).toEqual([{ type: 'reload', deck: 'd' }]);
  });

  it('clears the error overlay when the deck compiles again, and reloads an error page', () => {
    expect(plan(shown(['a:A']), shown(['a:A']), { wasFailing: true })).toEqual([{ type: 'clear-error', deck: 'd' }]);
    expect(plan(undefined, shown(['a:A']), { wasFailing: true })).toEqual([{ type: 'clear-error', deck: 'd' }, { type: 'reload', deck: 'd' }]);
    expect(plan(undefined, shown(['a:A']))).toEqual([]);
  });
});
