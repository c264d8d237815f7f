import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build';
import { makeProject } from '../helpers/fixtures';
import { all, parsePage } from '../helpers/html';
import { deckhand, failingBuild } from '../helpers/cli-build';

const BOM = '\uFEFF';
const isRoot = process.getuid?.() === 0;

/** A project with a good deck already built, so a failing build has a dist/ to leave alone. */
function builtProject(files: Record<string, string> = {}): string {
  const root = makeProject({ 'slides/talk/01-intro.md': '# Intro\n', 'slides/talk/02-more.md': '# More\n', ...files });
  expect(deckhand(root, 'build', '--no-chromium').status).toBe(0);
  return root;
}

const write = (root: string, rel: string, data: string | Uint8Array) => fs.writeFileSync(path.join(root, rel), data);

describe('deck sources that are not UTF-8 Markdown text', () => {
  it('refuses a binary file or a PNG named .md: "not a text file", naming the file, exit 1', () => {
    const root = builtProject();
    write(root, 'slides/talk/02-more.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
    write(root, 'slides/noise.md', Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 7919) % 256)));
    const r = failingBuild(root);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/slides\/talk\/02-more\.md:1:1: error: not a text file: this looks like a PNG image/);
    expect(r.stderr).toMatch(/slides\/noise\.md:1:1: error: not a text file/);
    expect(r.stderr).toContain('deckhand: build failed with 2 errors; dist left unchanged');
  });

  it('points at the first non-UTF-8 byte of a Latin-1 file instead of writing "Caf\\uFFFD"', () => {
    const root = builtProject();
    write(root, 'slides/talk/02-more.md', Buffer.concat([Buffer.from('# More\n\nCaf'), Buffer.from([0xe9]), Buffer.from('\n')]));
    const r = failingBuild(root);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('slides/talk/02-more.md:3:4: error: not valid UTF-8: byte 0xE9');
    expect(r.stderr).toContain('> 3 | Caf');
  });

  it('refuses a file over the size limit by name instead of overflowing the stack', () => {
    const root = builtProject();
    write(root, 'slides/talk/02-more.md', '# Big\n\n' + 'word '.repeat((8 * 1024 * 1024) / 5) + '\n');
    const r = failingBuild(root);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/slides\/talk\/02-more\.md:1:1: error: file is 8\.0 MB, more than the 4 MB/);
  });
});

describe('a UTF-8 byte order mark', () => {
  it('is stripped: the first file keeps its front matter and title, a later chapter gets no stray paragraph', async () => {
    const root = makeProject({
      'slides/talk/01-intro.md': `${BOM}---\ntitle: Kept\n---\n# Intro\n`,
      'slides/talk/02-more.md': `${BOM}# More\n`,
    });
    const result = await build({ root, chromium: false, log: () => {} });
    expect(result.decks[0]).toMatchObject({ title: 'Kept', slides: 2 });
    const page = fs.readFileSync(path.join(root, 'dist/talk/index.html'), 'utf8');
    expect(page).not.toContain(BOM);
    const slides = all(parsePage(page), '.slides > section');
    expect(slides.map((s) => s.textContent)).not.toContainEqual(expect.stringContaining('title: Kept'));
    // The second chapter's slide holds its heading and nothing else.
    expect(slides.map((s) => [...s.children].map((c) => `${c.tagName} ${c.textContent}`))).toEqual([['H1 Intro'], ['H1 More']]);
  });
});

describe('file-system failures: one line naming the path and what to do, exit 2', () => {
  it('a chapter deleted after the folder was listed (a dangling link reads the same)', () => {
    const root = builtProject();
    fs.symlinkSync('gone.md', path.join(root, 'slides/talk/03-gone.md'));
    const r = failingBuild(root);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe('deckhand: cannot read the deck file slides/talk/03-gone.md: it does not exist (ENOENT); check the path; if it was moved or deleted while Deckhand ran, run again');
  });

  it('a symbolic link loop', () => {
    const root = builtProject();
    fs.symlinkSync('04-b.md', path.join(root, 'slides/talk/03-a.md'));
    fs.symlinkSync('03-a.md', path.join(root, 'slides/talk/04-b.md'));
    const r = failingBuild(root);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^deckhand: cannot read the deck file slides\/talk\/03-a\.md: too many symbolic links .*\(ELOOP\); fix or remove the symbolic link\n$/);
  });

  it('a folder where a chapter file is expected', () => {
    const root = builtProject();
    fs.mkdirSync(path.join(root, 'slides/talk/03-folder.md'));
    const r = failingBuild(root);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^deckhand: cannot read the deck file slides\/talk\/03-folder\.md: it is a folder where a file was expected \(EISDIR\); .*rename the folder/);
  });

  it.skipIf(isRoot)('an unreadable chapter', () => {
    const root = builtProject();
    const file = path.join(root, 'slides/talk/02-more.md');
    fs.chmodSync(file, 0o000);
    try {
      const r = failingBuild(root);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^deckhand: cannot read the deck file slides\/talk\/02-more\.md: permission denied \(EACCES\); /);
    } finally {
      fs.chmodSync(file, 0o644);
    }
  });
});
