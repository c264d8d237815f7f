import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/build';
import { DeckhandError } from '../src/diagnostics';
import { exportDeck } from '../src/export/export-deck';
import { refuseProjectFile } from '../src/project-files';
import { startDevServer } from '../src/server/dev-server';
import { makeProject, snapshotTree } from './helpers/fixtures';

const quiet = { log: () => {} };
const SECRET = 'secret-from-outside-the-project';

describe('refuseProjectFile', () => {
  const bounds = { root: '/p', cacheDir: '/p/node_modules/.cache/deckhand' };
  it('allows files inside the project', () => {
    expect(refuseProjectFile('/p/images/a.png', bounds)).toBeUndefined();
    expect(refuseProjectFile('/p/slides/deck/pic.svg', bounds)).toBeUndefined();
  });
  it('refuses files outside, hidden files and folders, node_modules and the cache', () => {
    expect(refuseProjectFile('/etc/passwd', bounds)).toMatch(/outside the project/);
    expect(refuseProjectFile('/pp/x.png', bounds)).toMatch(/outside the project/);
    expect(refuseProjectFile('/p/.env', bounds)).toMatch(/hidden file/);
    expect(refuseProjectFile('/p/.git/config', bounds)).toMatch(/hidden folder \.git/);
    expect(refuseProjectFile('/p/node_modules/x/a.png', bounds)).toMatch(/node_modules/);
    expect(refuseProjectFile('/p/node_modules/.cache/deckhand/present/deck.json', bounds)).toMatch(/cache/);
  });
  it('lets stylesheets import from installed packages', () => {
    expect(refuseProjectFile('/p/node_modules/@fontsource/x/a.woff2', bounds, { packages: true })).toBeUndefined();
  });
});

/** A project whose deck tries to reach a file outside it in every way a deck can name a file. */
function leakyProject(): { root: string } {
  return { root: makeProject({ 'slides/talk.md': '# Talk\n', '.env': SECRET, 'images/ok.png': 'ok' }) };
}

function relOut(root: string, outside: string): string {
  return path.relative(path.join(root, 'slides'), outside);
}

describe('a deck cannot bring files from outside the project', () => {
  const references = [
    ['Markdown image', (o: string) => `![x](${o}/secret.png)`],
    ['raw <img src>', (o: string) => `<img src="${o}/secret.png" alt="x">`],
    ['background image', (o: string) => `<!-- .slide: data-background-image="${o}/secret.png" -->`],
    ['diagram file', (o: string) => `![x](${o}/secret.mmd)`],
    ['hidden file in the project', () => `![x](../.env)`],
    ['root-relative path climbing out', (_o: string, abs: string) => `![x](/../../../../../../../..${abs}/secret.png)`],
  ] as const;

  for (const [what, ref] of references) {
    it(`${what}: build fails at file:line:col, nothing written`, async () => {
      const { root } = leakyProject();
      const outside = makeProject({ 'secret.png': SECRET, 'secret.mmd': `flowchart LR\n  A[${SECRET}]\n` });
      fs.writeFileSync(path.join(root, 'slides/talk.md'), `# Talk\n\n${ref(relOut(root, outside), outside)}\n`);
      const err = (await build({ root, chromium: false, ...quiet }).catch((e) => e)) as DeckhandError;
      expect(err).toBeInstanceOf(DeckhandError);
      const d = err.diagnostics.find((x) => x.code === 'outside-project');
      expect(d, JSON.stringify(err.diagnostics)).toBeDefined();
      expect(d!.file).toBe(path.join(root, 'slides/talk.md'));
      expect(d!.line).toBe(3);
      expect(fs.existsSync(path.join(root, 'dist'))).toBe(false);
    });
  }

  it('a symlink inside the project that leads out is refused', async () => {
    const { root } = leakyProject();
    const outside = makeProject({ 'secret.png': SECRET });
    fs.symlinkSync(path.join(outside, 'secret.png'), path.join(root, 'images', 'link.png'));
    fs.writeFileSync(path.join(root, 'slides/talk.md'), '# Talk\n\n![x](../images/link.png)\n');
    const err = (await build({ root, chromium: false, ...quiet }).catch((e) => e)) as DeckhandError;
    expect(err.diagnostics.map((d) => d.code)).toContain('outside-project');
    expect(err.diagnostics[0].message).toContain('outside the project');
  });

  it('a project theme cannot pull in a stylesheet or font from outside the project', async () => {
    const outside = makeProject({ 'x.css': `.x { content: "${SECRET}"; }` });
    const root = makeProject({ 'slides/talk.md': '---\ntheme: mine\n---\n# Talk\n', 'themes/mine.css': `@import "${outside}/x.css";\n` });
    const err = (await build({ root, chromium: false, ...quiet }).catch((e) => e)) as DeckhandError;
    expect(err).toBeInstanceOf(DeckhandError);
    const d = err.diagnostics.find((x) => x.code === 'outside-project');
    expect(d?.file).toBe(path.join(root, 'themes/mine.css'));
    expect(d?.message).toContain('x.css');
  });

  it('export --format html refuses the same reference and writes nothing', async () => {
    const { root } = leakyProject();
    const outside = makeProject({ 'secret.png': SECRET });
    fs.writeFileSync(path.join(root, 'slides/talk.md'), `# Talk\n\n![x](${relOut(root, outside)}/secret.png)\n`);
    const before = snapshotTree(root);
    const err = (await exportDeck({ root, input: 'slides/talk.md', chromium: false, ...quiet }).catch((e) => e)) as DeckhandError;
    expect(err.diagnostics.map((d) => d.code)).toContain('outside-project');
    expect(Object.keys(snapshotTree(root)).filter((f) => !f.startsWith('node_modules'))).toEqual(Object.keys(before));
  });

  it('the dev server shows the same error and serves neither the file nor the cache', async () => {
    const { root } = leakyProject();
    const outside = makeProject({ 'secret.png': SECRET });
    fs.writeFileSync(path.join(root, 'slides/talk.md'), `# Talk\n\n![x](${relOut(root, outside)}/secret.png)\n\n---\n\n![ok](../images/ok.png)\n`);
    const lines: string[] = [];
    const server = await startDevServer({ root, chromium: false, port: 0, log: (l) => lines.push(l) });
    try {
      expect(lines.join('\n')).toContain('outside the project');
      const page = await (await fetch(`${server.url}talk/`)).text();
      expect(page).not.toContain(SECRET);
      for (const url of ['talk/.env', '.env', 'node_modules/.cache/deckhand/present/talk.json']) {
        const res = await fetch(server.url + url);
        expect(res.status, url).not.toBe(200);
      }
    } finally {
      await server.close();
    }
  });
});
