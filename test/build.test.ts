import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/build';
import { DeckhandError } from '../src/diagnostics';
import { copyFixture, makeProject, snapshotTree } from './helpers/fixtures';
import { hasChromium } from './helpers/chromium';
import { all, parsePage, texts } from './helpers/html';

const CLI = path.resolve(__dirname, '..', 'bin', 'deckhand.js');
const quiet = { log: () => {} };

function cli(cwd: string, ...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, DECKHAND_CHROMIUM: '/nonexistent' } });
}

async function buildError(root: string, extra: object = {}): Promise<DeckhandError> {
  const err = await build({ root, chromium: false, ...quiet, ...extra }).catch((e) => e);
  expect(err).toBeInstanceOf(DeckhandError);
  return err as DeckhandError;
}

describe('build', () => {
  it('writes one page per deck, a deck index, and the shared runtime once', async () => {
    const root = makeProject({
      'slides/one.md': '---\ntitle: First\n---\n# A\n\n---\n\n# B\n',
      'slides/two/01.md': '# Two\n',
      'slides/two/02.md': '# Two again\n',
    });
    const result = await build({ root, chromium: false, ...quiet });
    expect(result.decks.map((d) => [d.name, d.title, d.slides])).toEqual([
      ['one', 'First', 2],
      ['two', 'Two', 2],
    ]);
    const dist = path.join(root, 'dist');
    expect(fs.readdirSync(dist).sort()).toEqual(['.deckhand-output', '_deckhand', 'index.html', 'one', 'two']);
    expect(fs.readdirSync(path.join(dist, 'one'))).toEqual(['index.html']);
    const index = parsePage(fs.readFileSync(path.join(dist, 'index.html'), 'utf8'));
    expect(all(index, 'li').map((li) => [li.querySelector('a')?.getAttribute('href'), li.querySelector('a')?.textContent, li.textContent?.replace(/\s+/g, ' ').trim()])).toEqual([
      ['one/index.html', 'First', 'First 2 slides'],
      ['two/index.html', 'Two', 'Two 2 slides'],
    ]);
    // Pages use relative URLs only, so dist/ works from file:// and under any URL path.
    const page = parsePage(fs.readFileSync(path.join(dist, 'one', 'index.html'), 'utf8'));
    expect(all(page, 'script[src]').map((s) => s.getAttribute('src'))).toContain('../_deckhand/deckhand.js');
    const urls = all(page, '[src], [href]').flatMap((e) => [e.getAttribute('src'), e.getAttribute('href')].filter((u) => u !== null));
    expect(urls.length).toBeGreaterThan(1);
    expect(urls.filter((u) => /^(\/|https?:)/.test(u!))).toEqual([]);
  });

  it('never modifies sources, and a failed build leaves the previous dist/ as it was', async () => {
    const root = copyFixture('basic');
    const sources = snapshotTree(root);
    await build({ root, chromium: false, ...quiet });
    const after = snapshotTree(root);
    for (const [file, data] of Object.entries(sources)) expect(after[file], file).toBe(data);

    const dist = snapshotTree(path.join(root, 'dist'));
    fs.appendFileSync(path.join(root, 'slides/basic/02-diagrams.md'), '\n---\n\n![x](missing.mmd)\n');
    await buildError(root);
    expect(snapshotTree(path.join(root, 'dist'))).toEqual(dist);
    expect(fs.readdirSync(root).filter((f) => f.includes('.tmp-') || f.includes('.old-'))).toEqual([]);
  });

  it('reuses rendered slides between builds, but not once a file they use has changed', async () => {
    const root = makeProject({
      'slides/d.md': '# A\n\n![Flow](../diagrams/f.mmd)\n\n---\n\n## B\n\n![pic](p.png)\n',
      'slides/p.png': 'not really a png',
      'diagrams/f.mmd': 'flowchart LR\n  One --> Two\n',
    });
    await build({ root, chromium: false, ...quiet });
    // Without Chromium each diagram's source travels in the page, for the browser to draw.
    const diagramSources = () => texts(parsePage(fs.readFileSync(path.join(root, 'dist/d/index.html'), 'utf8')), '.deck-diagram pre.deck-diagram-source');
    expect(diagramSources()).toEqual(['flowchart LR\n  One --> Two']);
    fs.writeFileSync(path.join(root, 'diagrams/f.mmd'), 'flowchart LR\n  Three --> Four\n');
    fs.utimesSync(path.join(root, 'diagrams/f.mmd'), new Date(), new Date(Date.now() + 5000));
    await build({ root, chromium: false, ...quiet });
    expect(diagramSources()).toEqual(['flowchart LR\n  Three --> Four']);
    fs.rmSync(path.join(root, 'slides/p.png'));
    const warned = await build({ root, chromium: false, ...quiet });
    expect(warned.diagnostics[0]).toMatchObject({ code: 'missing-image', severity: 'warning', line: 9 });
  });

  it('builds with reveal.js themes by name, leaving out remote font imports so the deck stays offline', async () => {
    const root = makeProject({ 'slides/w.md': '---\ntheme: white\nhighlightTheme: monokai\n---\n# W\n', 'slides/l.md': '---\ntheme: league\n---\n# L\n' });
    const result = await build({ root, chromium: false, ...quiet });
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'theme-remote-import', severity: 'warning', file: undefined })]);
    expect(result.diagnostics[0].frame).toBeUndefined();
    // Named by the theme the deck chose, not by a file inside Deckhand's own install.
    expect(result.diagnostics[0].message).toBe('theme league imports fonts from Google; left out so the deck works offline');
    const runtime = path.join(root, 'dist/_deckhand');
    const css = fs.readdirSync(runtime).filter((f) => f.endsWith('.css'));
    expect(css.sort()).toEqual(['style-league.github-dark.css', 'style-white.monokai.css']);
    // Anything the browser would fetch: @import or url() with a remote address (an SVG's xmlns inside a data: URI is not one).
    for (const f of css) expect(fs.readFileSync(path.join(runtime, f), 'utf8')).not.toMatch(/(@import\s*(url\()?|url\()\s*["']?(https?:)?\/\//);
    expect(fs.readdirSync(path.join(runtime, 'fonts')).some((f) => f.startsWith('source-sans-pro'))).toBe(true);
  });

  it('reports bad front matter YAML at file:line', async () => {
    const root = makeProject({ 'slides/d.md': '---\ntitle: x\nrevealOptions: {a: 1\n---\n# A\n' });
    const err = await buildError(root);
    expect(err.diagnostics[0]).toMatchObject({ code: 'front-matter-yaml', file: path.join(root, 'slides/d.md'), line: 3 });
  });

  it('reports an unknown theme at its front matter line and lists the themes there are', async () => {
    const root = makeProject({ 'slides/d.md': '---\ntitle: x\ntheme: nosuch\n---\n# A\n' });
    const err = await buildError(root);
    expect(err.diagnostics[0]).toMatchObject({ code: 'unknown-theme', line: 3 });
    expect(err.diagnostics[0].message).toMatch(/deckhand.*white|white.*deckhand/);
  });

  it("reports a project theme that does not compile at the theme's file:line:col", async () => {
    const root = makeProject({ 'slides/d.md': '---\ntheme: broken\n---\n# A\n', 'themes/broken.css': '/* mine */\n@import "./missing.css";\n' });
    const err = await buildError(root);
    expect(err.diagnostics[0]).toMatchObject({ code: 'theme-error', file: path.join(root, 'themes/broken.css'), line: 2, column: 9 });
    expect(err.diagnostics[0].message).toContain('./missing.css');
  });

  it('warns at its line about an @import that CSS ignores', async () => {
    const root = makeProject({ 'slides/d.md': '---\ntheme: late\n---\n# A\n', 'themes/late.css': '.reveal { color: #222 }\n@import "./more.css";\n', 'themes/more.css': '.reveal { color: red }\n' });
    const result = await build({ root, chromium: false, log: () => {} });
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'theme-warning', severity: 'warning', file: path.join(root, 'themes/late.css'), line: 2 })]);
  });

  it("builds a project theme on top of the default one's fonts without the project installing them", async () => {
    const root = makeProject({
      'slides/d.md': '---\ntheme: mine\n---\n# A\n',
      'themes/mine.css': '@import "@fontsource/source-sans-3/latin-400.css";\n.reveal { font-family: "Source Sans 3", sans-serif; }\n',
    });
    const result = await build({ root, log: () => {} });
    expect(result.diagnostics).toEqual([]);
    expect(fs.readdirSync(path.join(root, 'dist/_deckhand/fonts')).some((f) => f.endsWith('.woff2'))).toBe(true);
  });

  it('reports a missing diagram file at the line that embeds it', async () => {
    const root = makeProject({ 'slides/d.md': '# A\n\n---\n\n## B\n\n![Flow](../diagrams/none.mmd)\n' });
    const err = await buildError(root);
    expect(err.diagnostics[0]).toMatchObject({ code: 'missing-diagram', line: 7, column: 1 });
    expect(err.diagnostics[0].frame).toContain('> 7 | ![Flow](../diagrams/none.mmd)');
  });

  it('builds from the command line and exits 1 with file:line:col on errors', () => {
    const root = makeProject({ 'slides/d.md': '# A\n\n![gone](gone.mmd)\n' });
    const bad = cli(root, 'build');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('slides/d.md:3:1: error: diagram not found: gone.mmd');
    fs.writeFileSync(path.join(root, 'slides/d.md'), '# A\n\n```mermaid\nflowchart LR\n  A --> B\n```\n');
    const good = cli(root, 'build', '--out', 'site');
    expect(good.status).toBe(0);
    expect(good.stderr).toContain('diagrams will render in the browser');
    expect(fs.existsSync(path.join(root, 'site/d/index.html'))).toBe(true);
  });

  it('names a deck after its first real heading, not a comment inside a code block', async () => {
    const root = makeProject({ 'slides/talk.md': '```bash\n# install docker\napt-get install -y docker.io\n```\n\n---\n\n## *Containers* from `scratch`\n' });
    const result = await build({ root, chromium: false, ...quiet });
    expect(result.decks[0].title).toBe('Containers from scratch');
  });

  it('counts diagrams left to the browser without Chromium', async () => {
    const result = await build({ root: copyFixture('basic'), chromium: false, ...quiet });
    expect(result.diagrams.rendered).toBe(0);
    expect(result.diagrams.cached).toBe(0);
    expect(result.diagrams.deferred).toBeGreaterThan(0);
  });

  it.runIf(hasChromium())('counts diagrams drawn, then the same diagrams from the cache', async () => {
    const root = copyFixture('basic');
    const first = await build({ root, ...quiet });
    expect(first.diagrams.rendered).toBeGreaterThan(0);
    expect(first.diagrams.deferred).toBe(0);
    const second = await build({ root, ...quiet });
    expect(second.diagrams).toEqual({ rendered: 0, cached: first.diagrams.rendered + first.diagrams.cached, deferred: 0 });
  });

  it.runIf(hasChromium())('reports a Mermaid syntax error at its line in the .md or .mmd file', async () => {
    const root = makeProject({
      'slides/d.md': '# A\n\n```mermaid\nflowchart LR\n  A --> B\n  B -->> ((\n```\n\n---\n\n![x](../diagrams/bad.mmd)\n',
      'diagrams/bad.mmd': 'sequenceDiagram\n  A->>B: hi\n  B-->>>>A: ???\n',
    });
    const err = await buildError(root, { chromium: undefined, cacheDir: path.join(root, '.cache') });
    const byFile = Object.fromEntries(err.diagnostics.map((d) => [path.basename(d.file!), d]));
    expect(byFile['d.md']).toMatchObject({ code: 'mermaid-syntax', line: 6 });
    expect(byFile['bad.mmd']).toMatchObject({ code: 'mermaid-syntax', line: 3 });
  });

  it('builds past a missing image with a warning at file:line:col, and fails on it with --strict', () => {
    const root = makeProject({ 'slides/d.md': '# A\n\n![gone](gone.png)\n' });
    const warned = cli(root, 'build');
    expect(warned.status).toBe(0);
    expect(warned.stderr).toContain('slides/d.md:3:1: warning: image not found: gone.png');
    expect(fs.existsSync(path.join(root, 'dist/d/index.html'))).toBe(true);
    const strict = cli(root, 'build', '--strict', '--out', 'strict');
    expect(strict.status).toBe(1);
    expect(strict.stderr).toContain('build failed with 1 warning (--strict)');
    expect(fs.existsSync(path.join(root, 'strict'))).toBe(false);
  });
});
