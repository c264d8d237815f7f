import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import * as esbuild from 'esbuild';
import { diagnostic, type Diagnostic } from '../diagnostics';
import { packageRoot } from '../package-root';
import type { SourcePosition } from '../types';

const require = createRequire(import.meta.url);

/** A deck's stylesheet: reveal.css + theme + code colors + Deckhand's own rules, with the files it uses. */
export interface CompiledStyle {
  /** Output name under `_deckhand/`, e.g. `style-deckhand.github-dark.css`. */
  name: string;
  css: string;
  /** Fonts and images the CSS refers to, by their URL relative to the CSS file. */
  files: Map<string, Uint8Array>;
  /** Hash of the CSS: changes when anything that may change the font does. */
  id: string;
  /** Every source file that went in, so the dev server knows what to watch. */
  inputs: string[];
}

export function listThemeDirs(root: string): string[] {
  return [path.join(root, 'themes'), path.join(packageRoot(), 'themes'), path.join(path.dirname(require.resolve('reveal.js/dist/reveal.css')), 'theme')];
}

export function findTheme(name: string, root: string): string | undefined {
  if (/[\\/]/.test(name) || name.startsWith('.')) return undefined;
  for (const dir of listThemeDirs(root)) {
    const file = path.join(dir, `${name}.css`);
    if (fs.existsSync(file)) return file;
  }
  return undefined;
}

export function findHighlightTheme(name: string): string | undefined {
  if (/[\\/]/.test(name) || name.startsWith('.')) return undefined;
  try {
    return require.resolve(`highlight.js/styles/${name}.css`);
  } catch {
    return undefined;
  }
}

const memo = new Map<string, { stamp: string; style: CompiledStyle; warnings: string[] }>();

/**
 * Compiles the stylesheet with esbuild (imports inlined, fonts emitted as files, minified).
 * Remote @imports are dropped with a warning: the output must work with the network off.
 */
export async function compileStyle(
  themeName: string,
  highlightName: string,
  root: string,
  at: { theme?: SourcePosition; highlightTheme?: SourcePosition },
): Promise<{ style?: CompiledStyle; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const themeFile = findTheme(themeName, root);
  const highlightFile = findHighlightTheme(highlightName);
  if (!themeFile) {
    const known = listThemeNames(root).join(', ');
    diagnostics.push(diagnostic('unknown-theme', `unknown theme "${themeName}" (available: ${known})`, at.theme));
  }
  if (!highlightFile) diagnostics.push(diagnostic('unknown-highlight-theme', `unknown highlightTheme "${highlightName}" (a highlight.js style name such as github-dark)`, at.highlightTheme));
  if (!themeFile || !highlightFile) return { diagnostics };

  const entries = [require.resolve('reveal.js/dist/reveal.css'), themeFile, highlightFile, path.join(packageRoot(), 'src', 'client', 'deckhand.css')];
  const stamp = entries.map((f) => `${f}:${mtime(f)}`).join('|');
  const key = `${themeName}|${highlightName}|${root}`;
  const hit = memo.get(key);
  if (hit && hit.stamp === stamp) {
    for (const w of hit.warnings) diagnostics.push(diagnostic('theme-remote-import', w, { file: themeFile, line: 1 }, 'warning'));
    return { style: hit.style, diagnostics };
  }

  const warnings: string[] = [];
  const result = await esbuild.build({
    stdin: { contents: entries.map((f) => `@import ${JSON.stringify(f)};`).join('\n'), loader: 'css', resolveDir: root },
    bundle: true,
    write: false,
    minify: true,
    outdir: '/deckhand-style',
    entryNames: 'style',
    assetNames: 'fonts/[name]-[hash]',
    loader: { '.woff2': 'file', '.woff': 'file', '.ttf': 'file', '.eot': 'file', '.svg': 'file', '.png': 'file', '.jpg': 'file', '.gif': 'file' },
    logLevel: 'silent',
    plugins: [
      {
        name: 'deckhand-offline',
        setup(build) {
          build.onResolve({ filter: /^(https?:)?\/\// }, (args) => {
            warnings.push(`theme imports ${args.path}; it is left out so the deck works offline`);
            return { path: args.path, namespace: 'deckhand-empty' };
          });
          build.onLoad({ filter: /.*/, namespace: 'deckhand-empty' }, () => ({ contents: '', loader: 'css' }));
        },
      },
    ],
    metafile: true,
  });
  let css = '';
  const files = new Map<string, Uint8Array>();
  for (const out of result.outputFiles) {
    const rel = path.relative('/deckhand-style', out.path);
    if (rel.endsWith('.css')) css = out.text;
    else files.set(rel, out.contents);
  }
  const id = createHash('sha256').update(css).digest('hex').slice(0, 12);
  const inputs = Object.keys(result.metafile!.inputs).map((f) => path.resolve(root, f));
  const style: CompiledStyle = { name: `style-${themeName}.${highlightName}.css`, css, files, id, inputs };
  memo.set(key, { stamp, style, warnings });
  for (const w of warnings) diagnostics.push(diagnostic('theme-remote-import', w, { file: themeFile, line: 1 }, 'warning'));
  return { style, diagnostics };
}

export function listThemeNames(root: string): string[] {
  const names = new Set<string>();
  for (const dir of listThemeDirs(root)) {
    try {
      for (const f of fs.readdirSync(dir)) if (f.endsWith('.css')) names.add(f.slice(0, -4));
    } catch {
      // A project without its own themes/ folder is normal.
    }
  }
  return [...names].sort();
}

function mtime(file: string): number {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}
