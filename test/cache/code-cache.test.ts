import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import Module from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeCacheDir } from '../../src/cache/cache-location';
import { requireWithCodeCache } from '../../src/cache/code-cache';
import { packageRoot } from '../../src/package-root';
import { CHROMIUM, hasChromium } from '../helpers/chromium';
import { makeProject } from '../helpers/fixtures';

/** A small CommonJS package of two files, as Playwright is, in a fresh project. */
function projectWithPackage(answer: string): { root: string; from: string; cacheDir: string } {
  const root = makeProject({
    'node_modules/tiny/package.json': JSON.stringify({ name: 'tiny', main: 'index.js' }),
    'node_modules/tiny/index.js': `const part = require('./part');\nmodule.exports = { answer: () => part.value, file: __filename, platform: () => import('node:os').then((os) => os.platform()) };\n`,
    'node_modules/tiny/part.js': `exports.value = '${answer}';\n`,
    'main.js': '',
  });
  return { root, from: path.join(root, 'main.js'), cacheDir: path.join(root, 'cache') };
}

/**
 * Loads the package in a new process, as the next run would (in one process, V8's own in-memory
 * cache answers and the cache on disk is never read), and saves: its answer and the files written.
 */
function loadInNewProcess(from: string, cacheDir: string): { answer: string; written: number } {
  const internal = path.join(packageRoot(), 'lib', 'internal.js');
  const script = `const { requireWithCodeCache } = await import(${JSON.stringify(internal)});
const loaded = requireWithCodeCache('tiny', ${JSON.stringify(from)}, ${JSON.stringify(cacheDir)});
console.log(JSON.stringify({ answer: loaded.exports.answer(), written: loaded.save() }));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })) as { answer: string; written: number };
}

const entries = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []);

describe('requireWithCodeCache', () => {
  it('loads the package as require does, writes nothing before `save`, and leaves Node’s loader as it found it', async () => {
    const { from, cacheDir } = projectWithPackage('42');
    const compile = (Module.prototype as unknown as { _compile: unknown })._compile;
    const loaded = requireWithCodeCache<{ answer(): string; file: string; platform(): Promise<string> }>('tiny', from, cacheDir);
    expect(loaded.exports.answer()).toBe('42');
    // A dynamic import in the package works as under require (Playwright has one).
    expect(await loaded.exports.platform()).toBe(process.platform);
    expect(loaded.exports.file).toBe(path.join(path.dirname(from), 'node_modules', 'tiny', 'index.js'));
    expect((Module.prototype as unknown as { _compile: unknown })._compile).toBe(compile);
    // The code compiled by the package's work is what is worth keeping: nothing is written before.
    expect(entries(cacheDir)).toEqual([]);
    expect(loaded.save()).toBe(2);
    expect(entries(cacheDir)).toHaveLength(2);
    expect(loaded.save()).toBe(0);
  });

  it('the next run reads each file’s code from the cache instead of writing it again', () => {
    const { from, cacheDir } = projectWithPackage('42');
    expect(loadInNewProcess(from, cacheDir)).toEqual({ answer: '42', written: 2 });
    expect(loadInNewProcess(from, cacheDir)).toEqual({ answer: '42', written: 0 });
    expect(entries(cacheDir)).toHaveLength(2);
  });

  it('never runs old code: a file changed to the same length gets an entry of its own, and a damaged entry is written anew', () => {
    const { root, from, cacheDir } = projectWithPackage('42');
    loadInNewProcess(from, cacheDir);
    fs.writeFileSync(path.join(root, 'node_modules/tiny/part.js'), "exports.value = '43';\n");
    // index.js's code is reused; part.js, the same length, is compiled and kept under its new content.
    expect(loadInNewProcess(from, cacheDir)).toEqual({ answer: '43', written: 1 });
    expect(entries(cacheDir)).toHaveLength(3);
    for (const f of entries(cacheDir)) fs.writeFileSync(path.join(cacheDir, f), 'not V8 code');
    expect(loadInNewProcess(from, cacheDir)).toEqual({ answer: '43', written: 2 });
  });

  it('is plain require without a cache folder (DECKHAND_CODE_CACHE=off)', () => {
    const { root, from } = projectWithPackage('42');
    expect(codeCacheDir({ DECKHAND_CODE_CACHE: 'off' }, 'linux')).toBeUndefined();
    expect(codeCacheDir({ HOME: '/home/me' }, 'linux')).toMatch(/^\/home\/me\/\.cache\/deckhand\/code-cache\/v8-/);
    expect(codeCacheDir({ DECKHAND_CODE_CACHE: '/ci/code' }, 'linux')).toMatch(/^\/ci\/code\/v8-/);
    const loaded = requireWithCodeCache<{ answer(): string }>('tiny', from, undefined);
    expect(loaded.exports.answer()).toBe('42');
    expect(loaded.save()).toBe(0);
    expect(fs.readdirSync(root).sort()).toEqual(['main.js', 'node_modules']);
  });
});

describe.runIf(hasChromium())('Playwright through the code cache', () => {
  it('a build that draws a diagram keeps Playwright’s code, and the next one uses it instead of writing it again', () => {
    const root = makeProject({ 'slides/talk.md': '# Flow\n\n```mermaid\nflowchart LR\n  A --> B\n```\n' });
    const codeCache = path.join(root, 'code');
    // A new diagram cache each time: Chromium starts, and Playwright loads, in both builds.
    const buildOnce = (n: number) =>
      execFileSync(process.execPath, [path.join(packageRoot(), 'bin', 'deckhand.js'), 'build', 'slides/talk.md', '--chromium', CHROMIUM], {
        cwd: root,
        env: { ...process.env, DECKHAND_CODE_CACHE: codeCache, DECKHAND_CACHE_DIR: path.join(root, `cache-${n}`) },
        encoding: 'utf8',
      });
    const saved = () => fs.readdirSync(codeCache, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.v8')).map((e) => [e.name, fs.statSync(path.join(e.parentPath, e.name)).mtimeMs]);
    buildOnce(1);
    const first = saved();
    expect(first.length).toBeGreaterThan(0);
    buildOnce(2);
    expect(saved()).toEqual(first);
  });
});
