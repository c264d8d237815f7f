/**
 * THE PACKAGE CONTRACT — slow on purpose (about half a minute): packs Deckhand as `npm publish`
 * would, installs the tarball into a fresh consumer project without the network, type-checks a
 * consumer (and the README's API example) under NodeNext and Bundler resolution, runs publint and
 * arethetypeswrong on the tarball, and builds a deck with the installed `deckhand`.
 *
 * It packs a copy of the checkout, so the other test files keep their lib/ while prepack rebuilds.
 * The install is `npm ci --offline` with a lockfile made from the repository's own: the npm cache
 * holds every tarball the repository's `npm ci` fetched, but not the registry metadata a plain
 * `npm install <tarball>` would need to resolve versions, so that would not work offline.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, hasChromium } from '../helpers/chromium';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')) as { version: string; license: string; dependencies: Record<string, string>; bin: Record<string, string>; engines: Record<string, string> };
/** Not part of what is packed (nor needed to build it). */
const LEFT_BEHIND = new Set(['node_modules', '.git', 'lib', 'dist', 'test', 'bench', 'slides', 'diagrams', '.deckhand-cache']);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

let stage: string;
let consumer: string;
let tarball: string;
let packed: string[];

function sh(cmd: string, args: string[], cwd: string): string {
  try {
    return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const r = e as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd}:\n${r.stdout ?? ''}${r.stderr ?? ''}`, { cause: e });
  }
}
/** A development tool's script, from the repository's own node_modules (not the consumer's). */
const bin = (name: string, file: string) => path.join(repo, 'node_modules', name, file);

beforeAll(() => {
  stage = fs.mkdtempSync(path.join(os.tmpdir(), 'deckhand-pack-'));
  const source = path.join(stage, 'deckhand');
  fs.cpSync(repo, source, { recursive: true, filter: (from) => !LEFT_BEHIND.has(path.relative(repo, from).split(path.sep)[0]) });
  fs.symlinkSync(path.join(repo, 'node_modules'), path.join(source, 'node_modules'), 'dir');
  const [info] = JSON.parse(sh(npm, ['pack', '--json', '--pack-destination', stage], source)) as Array<{ filename: string; files: Array<{ path: string }> }>;
  tarball = path.join(stage, info.filename);
  packed = info.files.map((f) => f.path);

  consumer = path.join(stage, 'consumer');
  fs.mkdirSync(consumer);
  writeConsumerLock();
  sh(npm, ['ci', '--offline', '--no-audit', '--no-fund'], consumer);
}, 300_000);

afterAll(() => {
  if (stage) fs.rmSync(stage, { recursive: true, force: true });
});

/** The consumer depends on the tarball; its dependencies are pinned as the repository pins them. */
function writeConsumerLock(): void {
  const spec = `file:../${path.basename(tarball)}`;
  const lock = JSON.parse(fs.readFileSync(path.join(repo, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
  const packages: Record<string, unknown> = {
    '': { name: 'consumer', dependencies: { deckhand: spec } },
    'node_modules/deckhand': {
      version: pkg.version,
      resolved: spec,
      integrity: `sha512-${createHash('sha512').update(fs.readFileSync(tarball)).digest('base64')}`,
      license: pkg.license,
      dependencies: pkg.dependencies,
      bin: pkg.bin,
      engines: pkg.engines,
    },
  };
  for (const [key, entry] of Object.entries(lock.packages)) if (key.startsWith('node_modules/') && !entry.dev) packages[key] = entry;
  fs.writeFileSync(path.join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies: { deckhand: spec } }));
  fs.writeFileSync(path.join(consumer, 'package-lock.json'), JSON.stringify({ name: 'consumer', lockfileVersion: 3, requires: true, packages }));
}

describe('the published package (slow: pack, offline install, type-check, build)', () => {
  it('ships only what runs: bin/, lib/ (prebuilt, with types), themes/', () => {
    const top = new Set(packed.map((p) => p.split('/')[0]));
    expect([...top].sort()).toEqual(['LICENSE', 'README.md', 'bin', 'lib', 'package.json', 'themes']);
    expect(packed).toEqual(expect.arrayContaining(['bin/deckhand.js', 'lib/cli.js', 'lib/index.js', 'lib/index.d.ts', 'lib/deckhand.css', 'lib/runtime/deckhand.js', 'themes/deckhand.css']));
    const installed = path.join(consumer, 'node_modules', 'deckhand');
    expect(fs.existsSync(path.join(installed, 'src'))).toBe(false);
    // Bundled into lib/: not installed for a consumer (qrcode would bring yargs).
    for (const name of ['marked', 'qrcode', 'yargs', 'pdf-lib']) expect(fs.existsSync(path.join(consumer, 'node_modules', name)), name).toBe(false);
  });

  it('publint and arethetypeswrong find nothing wrong with the tarball', () => {
    sh(process.execPath, [bin('publint', 'src/cli.js'), 'run', tarball, '--strict'], stage);
    sh(process.execPath, [bin('@arethetypeswrong/cli', 'dist/index.js'), tarball, '--profile', 'esm-only', '--format', 'table-flipped'], stage);
  });

  it.each([
    // Deckhand's declarations are checked once (the slow part): one that imports a package whose
    // types only Deckhand's development installs (such as @types/ws) fails here.
    ['NodeNext', { module: 'NodeNext', moduleResolution: 'NodeNext', skipLibCheck: false }],
    ['Bundler', { module: 'ESNext', moduleResolution: 'Bundler', skipLibCheck: true }],
  ])('type-checks a consumer and the README API example with moduleResolution %s', (name, resolution) => {
    const readme = fs.readFileSync(path.join(repo, 'README.md'), 'utf8');
    const example = /## API\n[\s\S]*?```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example, 'README "API" section has a ts example').toBeTruthy();
    fs.writeFileSync(path.join(consumer, 'readme-example.ts'), example!);
    fs.writeFileSync(path.join(consumer, 'consumer.ts'), CONSUMER);
    const config = `tsconfig.${name}.json`;
    fs.writeFileSync(
      path.join(consumer, config),
      JSON.stringify({
        compilerOptions: {
          ...resolution,
          target: 'ES2022',
          strict: true,
          noEmit: true,
          types: ['node'],
          typeRoots: [path.join(repo, 'node_modules', '@types')],
        },
        files: ['consumer.ts', 'readme-example.ts'],
      }),
    );
    sh(process.execPath, [bin('typescript', 'bin/tsc'), '-p', config], consumer);
    // tsc over every declaration of the installed tree takes ~30 s idle; a busy machine doubles it.
  }, 180_000);

  it('the installed deckhand builds a deck and names its versions', () => {
    fs.mkdirSync(path.join(consumer, 'slides'), { recursive: true });
    fs.writeFileSync(path.join(consumer, 'slides', 'talk.md'), '# Hello\n\nFrom an installed Deckhand.\n\n---\n\n## Two\n\n```mermaid\nflowchart LR\n  A --> B\n```\n');
    const deckhand = path.join(consumer, 'node_modules', '.bin', 'deckhand');
    sh(deckhand, ['build', '--no-chromium'], consumer);
    const page = fs.readFileSync(path.join(consumer, 'dist', 'talk', 'index.html'), 'utf8');
    expect(page).toContain('From an installed Deckhand.');
    expect(sh(deckhand, ['--version'], consumer).trim()).toMatch(new RegExp(`^deckhand ${pkg.version.replace(/\./g, '\\.')} \\(reveal\\.js \\d+\\.\\d+\\.\\d+, mermaid \\d+\\.\\d+\\.\\d+\\)$`));
  });

  // As `npx deckhand` runs it from npm's cache, or a workspace installs it above the project:
  // Deckhand and the packages its themes use (reveal.js, fonts) are all outside the project.
  it.skipIf(!hasChromium())('an installed deckhand outside the project builds it, diagrams drawn in Chromium', () => {
    const project = path.join(stage, 'elsewhere');
    fs.mkdirSync(path.join(project, 'slides'), { recursive: true });
    fs.writeFileSync(path.join(project, 'slides', 'talk.md'), '# Elsewhere\n\n```mermaid\nflowchart LR\n  A[Client] --> B[Daemon]\n```\n');
    const deckhand = path.join(consumer, 'node_modules', '.bin', 'deckhand');
    sh(deckhand, ['build', '--chromium', CHROMIUM], project);
    const page = fs.readFileSync(path.join(project, 'dist', 'talk', 'index.html'), 'utf8');
    expect(page).toMatch(/<svg[^>]*>[\s\S]*Daemon/);
    expect(fs.readdirSync(path.join(project, 'dist', '_deckhand', 'fonts')).length).toBeGreaterThan(0);
  });
});

/** What a TypeScript user of the API writes; the @ts-expect-error lines are the API's limits. */
const CONSUMER = `
import { build, compileDeck, DEFAULTS, resolveBuildOptions, startDevServer, type BuildOptions, type BuildResult, type CheckOptions, type CompiledDeck, type DevOptions, type Diagnostic, type ExportOptions, type PresentOptions } from 'deckhand';

const options: Partial<BuildOptions> = { outDir: 'out', chromium: false, force: true };
const resolved: Readonly<BuildOptions> = resolveBuildOptions(options);
const result: BuildResult = await build(resolved);
const first: Diagnostic | undefined = result.diagnostics[0];
const compiled: (typeof compileDeck extends (...args: never[]) => Promise<infer R> ? R : never) = {} as CompiledDeck;
const others: [Partial<DevOptions>, Partial<ExportOptions>, Partial<CheckOptions>, Partial<PresentOptions>] = [{ port: DEFAULTS.port }, { format: 'pdf' }, {}, { host: DEFAULTS.host }];
const server = await startDevServer(others[0]);
// @ts-expect-error the dev server's per-deck state is internal
void server.decks;
await server.close();
// @ts-expect-error internals are not exported
import { parseDeck } from 'deckhand';
console.log(first?.code, compiled.html, parseDeck);
`;
