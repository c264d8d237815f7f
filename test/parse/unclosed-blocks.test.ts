import { describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/parse/parse-deck';

function warnings(text: string) {
  const { diagnostics } = parseDeck({ name: 'd', root: '/p/d.md', files: [{ path: '/p/d.md', text }] });
  return diagnostics.map((d) => ({ code: d.code, severity: d.severity, line: d.line, column: d.column, message: d.message }));
}

describe('unclosed comments and fences', () => {
  it('warns at an HTML comment that is never closed, which would hide the heading after it', () => {
    const found = warnings('# Title\n\nIntro <!-- hidden\n\n# Gone\n\n---\n\n# Next <!-- fine -->\n');
    expect(found).toEqual([expect.objectContaining({ code: 'unclosed-comment', severity: 'warning', line: 3, column: 7 })]);
    expect(found[0].message).toMatch(/never closed with -->.*hidden; add -->/);
  });

  it('names an unclosed <!-- .slide: comment, which would take the heading as attributes', () => {
    const found = warnings('# One\n\n---\n\n<!-- .slide: class="deck-try"\n# Heading\n\ntext\n');
    expect(found).toEqual([expect.objectContaining({ code: 'unclosed-comment', line: 5, column: 1 })]);
    expect(found[0].message).toContain('<!-- .slide: comment is never closed');
  });

  it('warns at a code fence that is never closed, which would swallow the rest of the file', () => {
    const found = warnings('# A\n\n  ```js\ncode\n\n---\n\n# B\n');
    expect(found).toEqual([expect.objectContaining({ code: 'unclosed-fence', severity: 'warning', line: 3, column: 3 })]);
    expect(found[0].message).toContain('code fence ``` is never closed');
  });

  it('counts the lines of a later slide, of notes and after front matter', () => {
    const found = warnings('---\ntitle: T\n---\n# A\n\n---\n\n# B\n\nNote:\nsay <!-- this\n');
    expect(found).toEqual([expect.objectContaining({ code: 'unclosed-comment', line: 11, column: 5 })]);
  });

  it('finds a comment left open after closed ones, and an opener in code with no closer anywhere is not one', () => {
    expect(warnings('# A <!-- .element: class="x" -->\n\n- b <!-- open\n')).toEqual([expect.objectContaining({ code: 'unclosed-comment', line: 3, column: 5 })]);
    expect(warnings('# A <!-- one --> and `<!--` in code\n')).toEqual([]);
  });

  it('leaves closed comments, comments spanning lines, and openers in code alone', () => {
    const text = [
      '# A <!-- .element: class="x" -->',
      '',
      '<!--',
      'a comment over lines',
      '-->',
      '',
      'Write `<!--` to open a comment, and ``a `<!--` b`` too.',
      '',
      '```html',
      '<!-- in code',
      '```',
      '',
      '~~~',
      '```',
      '~~~',
    ].join('\n');
    expect(warnings(text)).toEqual([]);
  });
});
