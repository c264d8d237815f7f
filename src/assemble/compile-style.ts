import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { mtimeOf, readCacheJson, writeCacheFile } from '../cache/cache-files';
import { diagnostic, type Diagnostic } from '../diagnostics';
import { ownPackage, packageRoot } from '../package-root';
import { refuseProjectFile } from '../project-files';
import type { SourcePosition } from '../types';
import { findHighlightTheme, findTheme, listThemeNames, type CompiledStyle } from './theme';

const nodeRequire = createRequire(import.meta.url);

interface StoredStyle {
  /** Every input file with its mtime: the stored result is reused only while all are unchanged. */
  inputs: Array<[string, number]>;
  name: string;
  css: string;
  id: string;
  fontId: string;
  /** The custom properties the theme sets on the page (`--r-main-color`, …), resolved: diagrams are coloured from them. */
  variables: Record<string, string>;
  files: Record<string, string>;
  /** Imports left out, and what esbuild warns about (an @import after a rule is ignored, …). */
  warnings: StyleWarning[];
}

interface StyleWarning {
  code: 'theme-remote-import' | 'theme-warning';
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

/** Compiled styles kept in memory, most recent last; a few themes cover any session's switching. */
const memory = new Map<string, StoredStyle>();
const MEMORY_LIMIT = 8;

/**
 * Compiles a deck's stylesheet: reveal.css + theme + highlight.js style + Deckhand's rules, with
 * esbuild (imports inlined, fonts emitted as files, minified). Remote @imports are dropped with a
 * warning, since the output must work offline. Results are kept in memory and in `cacheDir`,
 * so a warm build neither starts esbuild nor reads the theme's sources.
 */
export async function compileStyle(
  themeName: string,
  highlightName: string,
  root: string,
  at: { theme?: SourcePosition; highlightTheme?: SourcePosition; css?: SourcePosition },
  cacheDir?: string,
  /** reveal-md's `theme: custom.css` and `css:` name files relative to the file that names them (`baseDir`). */
  local: { baseDir: string; css: readonly string[] } = { baseDir: root, css: [] },
  needs: { math?: boolean } = {},
): Promise<{ style?: CompiledStyle; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const themeIsFile = /\.css$/i.test(themeName);
  const themeFile = themeIsFile ? existingFile(path.resolve(at.theme ? path.dirname(at.theme.file) : local.baseDir, themeName)) : findTheme(themeName, root);
  const highlightFile = findHighlightTheme(highlightName);
  if (!themeFile) {
    const message = themeIsFile ? `theme file not found: ${themeName}` : `unknown theme "${themeName}" (available: ${listThemeNames(root).join(', ')})`;
    diagnostics.push(diagnostic('unknown-theme', message, at.theme));
  }
  const cssFiles: string[] = [];
  for (const css of local.css) {
    const file = existingFile(path.resolve(at.css ? path.dirname(at.css.file) : local.baseDir, css));
    if (file) cssFiles.push(file);
    else diagnostics.push(diagnostic('missing-stylesheet', `stylesheet not found: ${css}`, at.css));
  }
  if (!highlightFile) {
    diagnostics.push(diagnostic('unknown-highlight-theme', `unknown highlightTheme "${highlightName}" (a highlight.js style name such as github-dark)`, at.highlightTheme));
  }
  if (!themeFile || !highlightFile || cssFiles.length < local.css.length) return { diagnostics };

  const entries = [nodeRequire.resolve('reveal.js/dist/reveal.css'), themeFile, highlightFile, path.join(packageRoot(), 'lib', 'deckhand.css')];
  // KaTeX's rules and fonts only for a deck with math: a deck without pays nothing.
  if (needs.math) entries.push(nodeRequire.resolve('katex/dist/katex.css'));
  // The author's own stylesheets last, so they win.
  entries.push(...cssFiles);
  const key = createHash('sha256').update(entries.join('\n')).digest('hex').slice(0, 16);
  // Files named by path may differ between decks with the same names: the hash keeps their outputs apart.
  const label = themeIsFile || cssFiles.length ? `${path.basename(themeName, path.extname(themeName)).replace(/[^\w.-]+/g, '-')}-${key.slice(0, 8)}` : themeName;
  const diskFile = cacheDir ? path.join(cacheDir, 'styles', `${key}.json`) : undefined;
  let stored = fresh(memory.get(key)) ?? fresh(diskFile ? readCacheJson<StoredStyle>(diskFile) : undefined);
  if (!stored) {
    try {
      stored = await runEsbuild(entries, root, `style-${label}.${highlightName}${needs.math ? '.math' : ''}.css`, themeName);
    } catch (e) {
      return { diagnostics: [...diagnostics, ...styleErrors(e, root, themeFile)] };
    }
    if (diskFile) writeCacheFile(diskFile, JSON.stringify(stored));
  }
  memory.delete(key);
  memory.set(key, stored);
  if (memory.size > MEMORY_LIMIT) memory.delete(memory.keys().next().value!);
  const leaks = outsideInputs(stored.inputs.map(([f]) => f), root, cacheDir);
  if (leaks.length) return { diagnostics: [...diagnostics, ...leaks.map((m) => diagnostic('outside-project', m, { file: themeFile, line: 1 }))] };
  for (const w of stored.warnings) diagnostics.push(diagnostic(w.code, w.message, w.file ? w : isOwnFile(themeFile) ? undefined : { file: themeFile, line: 1 }, 'warning'));
  const files = new Map(Object.entries(stored.files).map(([rel, b64]) => [rel, Buffer.from(b64, 'base64') as Uint8Array]));
  return { style: { name: stored.name, css: stored.css, files, id: stored.id, fontId: stored.fontId, variables: stored.variables, inputs: stored.inputs.map(([f]) => f) }, diagnostics };
}

async function runEsbuild(entries: string[], root: string, name: string, themeName: string): Promise<StoredStyle> {
  const esbuild = await import('esbuild');
  const warnings: StyleWarning[] = [];
  const result = await esbuild.build({
    stdin: { contents: entries.map((f) => `@import ${JSON.stringify(f)};`).join('\n'), loader: 'css', resolveDir: root },
    absWorkingDir: root, // metafile paths are relative to this
    // A project theme may build on the default one, which imports its fonts from Deckhand's own
    // dependencies: the project need not install them itself.
    nodePaths: [path.join(packageRoot(), 'node_modules')],
    bundle: true,
    write: false,
    minify: true,
    outdir: '/deckhand-style',
    entryNames: 'style',
    assetNames: 'fonts/[name]-[hash]',
    loader: { '.woff2': 'file', '.woff': 'file', '.ttf': 'file', '.eot': 'file', '.svg': 'file', '.png': 'file', '.jpg': 'file', '.gif': 'file' },
    logLevel: 'silent',
    metafile: true,
    plugins: [
      {
        name: 'deckhand-offline',
        setup(build) {
          build.onResolve({ filter: /^(https?:)?\/\// }, (args) => {
            warnings.push({ code: 'theme-remote-import', message: remoteImportMessage(themeName, args.path), ...where(args.importer, root) });
            return { path: args.path, namespace: 'deckhand-empty' };
          });
          build.onLoad({ filter: /.*/, namespace: 'deckhand-empty' }, () => ({ contents: '', loader: 'css' }));
        },
      },
    ],
  });
  for (const w of result.warnings) warnings.push({ code: 'theme-warning', message: w.text, ...(w.location ? { file: path.resolve(root, w.location.file), line: w.location.line, column: w.location.column + 1 } : {}) });
  let css = '';
  const files: Record<string, string> = {};
  for (const out of result.outputFiles) {
    const rel = path.relative('/deckhand-style', out.path);
    if (rel.endsWith('.css')) css = out.text;
    else files[rel] = Buffer.from(out.contents).toString('base64');
  }
  const inputs = Object.keys(result.metafile.inputs)
    .filter((f) => !f.startsWith('deckhand-empty:') && f !== '<stdin>')
    .map((f): [string, number] => {
      const abs = path.resolve(root, f);
      return [abs, mtimeOf(abs)];
    });
  // postcss is loaded only here, when a theme is compiled: a warm build reads the stored result and never pays for it.
  const { readThemeVariables } = await import('./theme-variables');
  return { inputs, name, css, id: hash(css), fontId: hash(fontRules(css).join('\n')), variables: readThemeVariables(css), files, warnings };
}

/** The file that holds an @import, if it is the author's (not the generated entry, nor a theme inside Deckhand's install). */
function where(importer: string, root: string): Partial<StyleWarning> {
  if (!importer || importer === '<stdin>') return {};
  const file = path.resolve(root, importer);
  return isOwnFile(file) ? {} : { file, line: 1 };
}

function remoteImportMessage(themeName: string, url: string): string {
  const what = /fonts\.(googleapis|gstatic)\.com/.test(url) ? 'fonts from Google' : url;
  return `theme ${themeName} imports ${what}; left out so the deck works offline`;
}

/** A file of an installed package (reveal.js's themes): no place an author can edit, so no place to point at. */
function isOwnFile(file: string): boolean {
  return file.split(path.sep).includes('node_modules');
}

/** esbuild's errors (an import it cannot resolve, a CSS syntax error) at their place in the theme. */
function styleErrors(e: unknown, root: string, themeFile: string): Diagnostic[] {
  const errors = (e as { errors?: Array<{ text: string; location?: { file: string; line: number; column: number } | null }> }).errors;
  if (!errors?.length) return [diagnostic('theme-error', `could not compile the theme: ${(e as Error).message}`, { file: themeFile, line: 1 })];
  return errors.map((m) => {
    const at = m.location && m.location.file !== '<stdin>' ? { file: path.resolve(root, m.location.file), line: m.location.line, column: m.location.column + 1 } : { file: themeFile, line: 1 };
    return diagnostic('theme-error', m.text, at);
  });
}

function real(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

let ownFolders: string[] | undefined;

/**
 * Deckhand's folder and its dependencies' folders, wherever npm put them: beside Deckhand rather
 * than inside it when it is installed for a workspace above the project, or run by `npx` from
 * npm's cache. What a theme takes from there (reveal.js, fonts, highlight.js styles) is Deckhand's own.
 */
function deckhandFolders(): string[] {
  if (ownFolders) return ownFolders;
  const found = Object.keys(ownPackage().dependencies ?? {}).map((dep) => nodeRequire.resolve.paths(dep)?.map((dir) => path.join(dir, dep)).find((dir) => fs.existsSync(path.join(dir, 'package.json'))));
  return (ownFolders = [packageRoot(), ...found.filter((dir): dir is string => !!dir)].map(real));
}

/** Theme files may come from the project or from Deckhand's own package, never from elsewhere on the machine. */
function outsideInputs(inputs: string[], root: string, cacheDir: string | undefined): string[] {
  const own = deckhandFolders();
  const bounds = { root: real(root), cacheDir: cacheDir && real(cacheDir) };
  const out: string[] = [];
  for (const file of inputs) {
    const r = real(file);
    if (own.some((dir) => r === dir || r.startsWith(dir + path.sep))) continue;
    const reason = refuseProjectFile(r, bounds, { packages: true });
    if (reason) out.push(`the theme uses ${file}, which cannot go into a deck: ${reason}`);
  }
  return out;
}

function existingFile(file: string): string | undefined {
  try {
    return fs.statSync(file).isFile() ? file : undefined;
  } catch {
    return undefined;
  }
}

const hash = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 12);

/** The parts of a stylesheet that can change how text measures: font faces, families, sizes. */
function fontRules(css: string): string[] {
  return css.match(/@font-face\s*\{[^}]*\}|font(-family|-size|-weight)?\s*:[^;}]+|--r-[\w-]*font[\w-]*\s*:[^;}]+/g) ?? [];
}

function fresh(s: StoredStyle | undefined): StoredStyle | undefined {
  const current = s && s.fontId !== undefined && s.variables !== undefined && s.warnings.every((w) => typeof w === 'object');
  return current && s.inputs.every(([f, m]) => mtimeOf(f) === m) ? s : undefined;
}
