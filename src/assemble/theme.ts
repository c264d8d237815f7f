import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { packageRoot } from '../package-root';

const nodeRequire = createRequire(import.meta.url);

/** Where themes are found, by name: the project's themes/, Deckhand's own, then reveal.js's. */

/** A deck's stylesheet: reveal.css + theme + code colors + Deckhand's own rules, with the files it uses. */
export interface CompiledStyle {
  /** Output name under `_deckhand/`, e.g. `style-deckhand.github-dark.css`. */
  name: string;
  css: string;
  /** Fonts and images the CSS refers to, by their URL relative to the CSS file. */
  files: Map<string, Uint8Array>;
  /** Hash of the whole CSS. */
  id: string;
  /** Hash of the font rules only: diagrams are measured with the font, so only this re-renders them. */
  fontId: string;
  /** Custom properties the theme sets on `:root` / `.reveal` / `.reveal-viewport`, `var()`s resolved. */
  variables: Readonly<Record<string, string>>;
  /** Every source file that went in, so the dev server knows what to watch. */
  inputs: string[];
}

export function listThemeDirs(root: string): string[] {
  return [path.join(root, 'themes'), path.join(packageRoot(), 'themes'), path.join(path.dirname(nodeRequire.resolve('reveal.js/dist/reveal.css')), 'theme')];
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
  // highlight.js 11 moved some styles reveal-md decks name (zenburn, …) into styles/base16/.
  for (const file of [`highlight.js/styles/${name}.css`, `highlight.js/styles/base16/${name}.css`]) {
    try {
      return nodeRequire.resolve(file);
    } catch {
      // Try the next folder.
    }
  }
  return undefined;
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
