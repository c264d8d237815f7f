import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/chromium';
import { deckhand, runDeckhand } from '../helpers/cli-build';
import { makeProject } from '../helpers/fixtures';

describe('bad input: build warns, check fails', () => {
  const deck = '# Intro\n\nSee <!-- later\n\n---\n\n# Code\n\n```js\nlet a;\n\n---\n\n# Swallowed\n';

  it('build warns at the opening lines of an unclosed comment and fence, and succeeds', () => {
    const root = makeProject({ 'slides/talk.md': deck });
    const r = deckhand(root, 'build', '--no-chromium');
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^slides\/talk\.md:3:5: warning: HTML comment is never closed with -->/m);
    expect(r.stderr).toMatch(/^slides\/talk\.md:9:1: warning: code fence ``` is never closed/m);
  });

  it.runIf(hasChromium())('check reports the same as errors and exits 1', () => {
    const root = makeProject({ 'slides/talk.md': deck });
    const r = runDeckhand(root, ['check', '--json'], { DECKHAND_CACHE_DIR: path.join(root, '.cache') });
    expect(r.status).toBe(1);
    const found = JSON.parse(r.stdout).diagnostics.map((d: { file: string; line: number; severity: string; code: string }) => `${d.file}:${d.line} ${d.severity} ${d.code}`);
    expect(found).toEqual(expect.arrayContaining([`${path.join('slides', 'talk.md')}:3 error unclosed-comment`, `${path.join('slides', 'talk.md')}:9 error unclosed-fence`]));
  });
});

describe('a TeX error: build warns, check fails', () => {
  const deck = '# Math\n\nFine $x^2$, broken $\\frac{a}{\\oops}$.\n';

  it('build warns at the formula and succeeds', () => {
    const root = makeProject({ 'slides/talk.md': deck });
    const r = deckhand(root, 'build', '--no-chromium');
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^slides\/talk\.md:3:30: warning: TeX: Undefined control sequence: \\oops \[math-error\]/m);
  });

  it.runIf(hasChromium())('check reports it as an error and exits 1', () => {
    const root = makeProject({ 'slides/talk.md': deck });
    const r = runDeckhand(root, ['check', '--json'], { DECKHAND_CACHE_DIR: path.join(root, '.cache') });
    expect(r.status).toBe(1);
    const found = JSON.parse(r.stdout).diagnostics.map((d: { file: string; line: number; column: number; severity: string; code: string }) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code}`);
    expect(found).toContain(`${path.join('slides', 'talk.md')}:3:30 error math-error`);
  });
});
