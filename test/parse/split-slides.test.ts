import { describe, expect, it } from 'vitest';
import { defaultDeckOptions } from '../../src/options';
import { parseDeck } from '../../src/parse/parse-deck';
import { splitSlides } from '../../src/parse/split-slides';

const seps = defaultDeckOptions();

describe('splitSlides', () => {
  it('splits horizontal and vertical slides and keeps their lines', () => {
    const text = '# One\n\n---\n\n## Two\n\n----\n\n## Two.1\n';
    const stacks = splitSlides(text, 'a.md', 0, 1, seps);
    expect(stacks.map((s) => s.length)).toEqual([1, 2]);
    expect(stacks[0][0]).toMatchObject({ line: 1, endLine: 1, key: '0-0' });
    expect(stacks[1][0]).toMatchObject({ line: 5 });
    expect(stacks[1][1]).toMatchObject({ line: 9, key: '0-2' });
  });

  it('never splits inside a fenced code block', () => {
    const text = '## YAML\n\n```yaml\n---\nkey: value\n```\n\n---\n\n## Next\n';
    const stacks = splitSlides(text, 'a.md', 0, 1, seps);
    expect(stacks).toHaveLength(2);
    expect(stacks[0][0].body).toContain('key: value');
  });

  it('separates speaker notes and records where they start', () => {
    const stacks = splitSlides('## Title\n\nBody\n\nNote: Say this.\nAnd this.\n', 'a.md', 0, 10, seps);
    const slide = stacks[0][0];
    expect(slide.body.trim()).toBe('## Title\n\nBody');
    expect(slide.notes?.trim()).toBe('Say this.\nAnd this.');
    expect(slide.notesLine).toBe(14);
  });

  it('ignores separators at the very start and end of a file', () => {
    expect(splitSlides('---\n# A\n---\n', 'a.md', 0, 1, seps)).toHaveLength(1);
  });

  it('honours custom separators given as regular expressions (reveal-md style)', () => {
    const stacks = splitSlides('A\n\n<!--s-->\n\nB\n', 'a.md', 0, 1, { ...seps, separator: '^<!--s-->$' });
    expect(stacks).toHaveLength(2);
  });
});

describe('parseDeck', () => {
  it('takes front matter from the first file and offsets lines past it', () => {
    const { deck, diagnostics } = parseDeck({
      name: 'd',
      root: '/d',
      files: [
        { path: '/d/1.md', text: '---\ntitle: T\ntheme: white\n---\n\n# One\n' },
        { path: '/d/2.md', text: '# Two\n\n---\n\n# Three\n' },
      ],
    });
    expect(diagnostics).toEqual([]);
    expect(deck.frontMatter).toMatchObject({ title: 'T', theme: 'white' });
    expect(deck.frontMatterAt.theme).toMatchObject({ file: '/d/1.md', line: 3 });
    expect(deck.stacks.map((s) => [s[0].file, s[0].line])).toEqual([
      ['/d/1.md', 6],
      ['/d/2.md', 1],
      ['/d/2.md', 5],
    ]);
  });

  it('reports invalid YAML at its line in the file', () => {
    const { diagnostics } = parseDeck({ name: 'd', root: '/d', files: [{ path: '/d/1.md', text: '---\ntitle: ok\ntheme: [unclosed\n---\n# A\n' }] });
    expect(diagnostics[0]).toMatchObject({ code: 'front-matter-yaml', file: '/d/1.md', severity: 'error' });
    expect(diagnostics[0].line).toBeGreaterThanOrEqual(3);
  });

  it('reports a separator that is not a valid regular expression', () => {
    const { diagnostics } = parseDeck({ name: 'd', root: '/d', files: [{ path: '/d/1.md', text: '---\nseparator: "([a-"\n---\n# A\n' }] });
    expect(diagnostics[0]).toMatchObject({ code: 'front-matter-regex', line: 2 });
  });
});
