import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, snapshotTree } from '../helpers/fixtures';

const CLI = path.resolve(__dirname, '..', '..', 'bin', 'deckhand.js');

function deckhand(cwd: string, ...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, DECKHAND_CHROMIUM: '/nonexistent' } });
}

/** Every file but Deckhand's cache, which compiling may fill before the output is refused. */
function sources(root: string): Record<string, string> {
  return Object.fromEntries(Object.entries(snapshotTree(root)).filter(([f]) => !f.startsWith('node_modules')));
}

/** A project with sources, a git folder and a file next to it: everything a bad --out could destroy. */
function project(): { root: string; before: Record<string, string> } {
  const root = copyFixture('basic');
  fs.mkdirSync(path.join(root, '.git'));
  fs.writeFileSync(path.join(root, '.git', 'HEAD'), 'ref: refs/heads/main\n');
  return { root, before: sources(root) };
}

describe('build refuses an output folder that would destroy sources', () => {
  const cases = [
    ['.', 'is the project folder'],
    ['..', 'contains the project folder'],
    ['slides', 'would replace the deck sources'],
    ['slides/basic', 'would replace the deck sources'],
    ['slides/basic/out', 'lies inside the deck'],
    ['diagrams', 'is diagrams/'],
    ['images', 'holds images/square.png, which a deck uses'],
    ['.git', 'is .git/'],
    ['node_modules/.cache/deckhand', 'node_modules/'],
  ];
  for (const [out, message] of cases) {
    it(`--out ${out}: exit 2, a clear message, nothing touched`, () => {
      const { root, before } = project();
      const r = deckhand(root, 'build', '--no-chromium', '--out', out, '--force');
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('refusing to write the build');
      expect(r.stderr).toContain(message);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(sources(root)).toEqual(before);
    });
  }

  it('refuses a non-empty folder it did not make, unless --force; then replaces it', () => {
    const { root } = project();
    fs.mkdirSync(path.join(root, 'site'));
    fs.writeFileSync(path.join(root, 'site', 'notes.txt'), 'mine');
    const refused = deckhand(root, 'build', '--no-chromium', '--out', 'site');
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('refusing to replace site: it is not empty and was not made by deckhand build');
    expect(fs.readFileSync(path.join(root, 'site', 'notes.txt'), 'utf8')).toBe('mine');

    const forced = deckhand(root, 'build', '--no-chromium', '--out', 'site', '--force');
    expect(forced.status).toBe(0);
    expect(fs.existsSync(path.join(root, 'site', 'notes.txt'))).toBe(false);
    expect(fs.existsSync(path.join(root, 'site', 'basic', 'index.html'))).toBe(true);
  });

  it('marks its output, so the next build replaces it without --force; an empty folder is fine too', () => {
    const { root } = project();
    fs.mkdirSync(path.join(root, 'empty'));
    expect(deckhand(root, 'build', '--no-chromium', '--out', 'empty').status).toBe(0);
    expect(fs.existsSync(path.join(root, 'empty', '.deckhand-output'))).toBe(true);
    expect(deckhand(root, 'build', '--no-chromium', '--out', 'empty').status).toBe(0);
    expect(deckhand(root, 'build', '--no-chromium').status).toBe(0);
    expect(deckhand(root, 'build', '--no-chromium').status).toBe(0);
  });

  it('refuses an output that is a file', () => {
    const { root, before } = project();
    const r = deckhand(root, 'build', '--no-chromium', '--out', 'images/square.png');
    expect(r.status).toBe(2);
    expect(sources(root)).toEqual(before);
  });
});

describe('export never overwrites a source file or a folder', () => {
  it('refuses the deck\'s own Markdown, a diagram and an image it uses, even with --force', () => {
    const { root, before } = project();
    for (const target of ['slides/basic/01-intro.md', 'diagrams/engine.mmd', 'images/square.png']) {
      const r = deckhand(root, 'export', 'slides/basic', '--no-chromium', '-o', target, '--force');
      expect(r.status, target).toBe(2);
      expect(r.stderr).toContain(`refusing to export to ${target}: it is a source file of the deck`);
    }
    expect(sources(root)).toEqual(before);
  });

  it('refuses a folder with a message, not a stack trace', () => {
    const { root, before } = project();
    const r = deckhand(root, 'export', 'slides/basic', '--no-chromium', '-o', 'slides');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('refusing to export to slides: it is a folder');
    expect(r.stderr).not.toContain('EISDIR');
    expect(sources(root)).toEqual(before);
  });

  it('overwrites its own earlier export, but another existing file only with --force', () => {
    const { root } = project();
    expect(deckhand(root, 'export', 'slides/basic', '--no-chromium', '-o', 'talk.html').status).toBe(0);
    expect(deckhand(root, 'export', 'slides/basic', '--no-chromium', '-o', 'talk.html').status).toBe(0);
    fs.writeFileSync(path.join(root, 'notes.html'), '<p>my notes</p>');
    const refused = deckhand(root, 'export', 'slides/basic', '--no-chromium', '-o', 'notes.html');
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('refusing to overwrite notes.html: it was not written by deckhand export');
    expect(fs.readFileSync(path.join(root, 'notes.html'), 'utf8')).toBe('<p>my notes</p>');
    expect(deckhand(root, 'export', 'slides/basic', '--no-chromium', '-o', 'notes.html', '--force').status).toBe(0);
  });
});
