import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkDecks, type CheckResult } from '../../src/check/check-decks';
import { CHROMIUM, hasChromium } from '../helpers/chromium';
import { copyFixture, makeProject } from '../helpers/fixtures';

const CLI = path.resolve(__dirname, '..', '..', 'bin', 'deckhand.js');
const quiet = { chromium: CHROMIUM, log: () => {} };

function cli(cwd: string, ...args: string[]) {
  const env = { ...process.env, DECKHAND_CACHE_DIR: path.join(cwd, '.cache') };
  return spawnSync(process.execPath, [CLI, 'check', ...args], { cwd, encoding: 'utf8', env });
}

describe.runIf(hasChromium())('deckhand check', () => {
  let root: string;
  let result: CheckResult;
  const found = () => result.diagnostics.map((d) => `${path.relative(root, d.file ?? '')}:${d.line}:${d.column} ${d.severity} ${d.code}`);

  beforeAll(async () => {
    root = copyFixture('overflow');
    result = await checkDecks({ root, cacheDir: path.join(root, '.cache'), ...quiet });
  });

  it('reports every planted problem at its file:line:column, and nothing else', () => {
    expect(result.decks).toEqual([{ name: 'overflow', title: 'Overflow fixture', slides: 9 }]);
    expect(found()).toEqual([
      'slides/overflow.md:14:1 error slide-overflow', // 16 list lines
      'slides/overflow.md:38:2 error missing-image', // image inside a link
      'slides/overflow.md:40:1 warning missing-alt', // ![](…)
      'slides/overflow.md:46:32 error missing-image', // <img> inside a raw HTML <a>
      'slides/overflow.md:46:82 warning missing-alt', // <img> without alt
      'slides/overflow.md:52:32 error broken-link', // #/nowhere
      'slides/overflow.md:52:78 error broken-link', // handout.md
      'slides/overflow.md:56:1 error slide-overflow', // vertical slide, once its fragments are all shown
      'slides/overflow.md:74:1 error duplicate-slide-id',
      'slides/overflow.md:79:1 warning empty-slide', // only notes
      'slides/overflow.md:89:1 error mermaid-syntax',
    ]);
  });

  it('says by how many pixels a slide overflows, and where', () => {
    const [lines, fragments] = result.diagnostics.filter((d) => d.code === 'slide-overflow').map((d) => d.message);
    const px = (m: string) => Number(/by (\d+) px at the bottom$/.exec(m)?.[1]);
    expect(lines).toMatch(/^slide content overflows the 960×700 canvas by \d+ px at the bottom$/);
    // 16 lines of about 46 px against room for about 12: between two and five lines too many.
    expect(px(lines)).toBeGreaterThan(100);
    expect(px(lines)).toBeLessThan(250);
    expect(px(fragments)).toBeGreaterThan(5);
    expect(px(fragments)).toBeLessThan(60);
  });

  it('names what a link points at and which slide already has an id', () => {
    const message = (code: string) => result.diagnostics.filter((d) => d.code === code).map((d) => d.message);
    expect(message('broken-link')).toEqual([
      'link #/nowhere points at nothing: no slide or element has id "nowhere"',
      'link points at nothing: handout.md (looked at slides/handout.md)',
    ]);
    expect(message('duplicate-slide-id')).toEqual(['slide id "media" is already used by the slide at slides/overflow.md:35']);
    expect(result.diagnostics.find((d) => d.code === 'missing-image')?.frame).toContain('> 38 | [![Project logo](../images/missing-logo.png)]');
  });

  it('finds nothing wrong in the basic fixture, whose diagrams both have alt text', async () => {
    // The image-syntax diagram has its alt text and the fenced one an accTitle (added in bc2d189;
    // the test's old name still spoke of an unlabelled diagram): no finding, not even a warning.
    const basic = copyFixture('basic');
    const { diagnostics } = await checkDecks({ root: basic, cacheDir: path.join(basic, '.cache'), ...quiet });
    expect(diagnostics).toEqual([]);
  });

  it('prints JSON for CI with --json and exits 1 on errors', () => {
    const r = cli(root, '--json');
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ decks: [{ name: 'overflow', slides: 9 }], errors: 8, warnings: 3 });
    expect(report.diagnostics[0]).toEqual({
      severity: 'error',
      code: 'slide-overflow',
      message: expect.stringMatching(/^slide content overflows the 960×700 canvas by \d+ px at the bottom$/),
      file: 'slides/overflow.md',
      line: 14,
      column: 1,
    });
  });

  it('passes warnings unless --strict, and prints file:line:col: severity: message [code]', () => {
    const project = makeProject({ 'slides/d.md': '# Title\n\n---\n\n## Picture\n\n<img src="https://example.com/x.png">\n' });
    const plain = cli(project);
    expect(plain.status).toBe(0);
    expect(plain.stderr).toContain('slides/d.md:7:1: warning: image has no alt attribute');
    expect(plain.stderr).toContain('[missing-alt]');
    expect(plain.stderr).toMatch(/checked 1 deck \(2 slides\) in \d+ ms: 0 errors, 1 warning/);
    expect(cli(project, '--strict').status).toBe(1);
  });

  it('says how to install Chromium when there is none, and exits 2', () => {
    const r = cli(root, '--chromium', '/nonexistent/chromium');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('deckhand check needs Chrome, Chromium or Edge, and there is none at /nonexistent/chromium');
    expect(r.stderr).toContain('apt-get install chromium');
  });
});
