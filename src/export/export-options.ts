import path from 'node:path';
import { defaultBuildOptions } from '../build-options';

export type ExportFormat = 'html' | 'pdf';

/** How `deckhand export` runs; every field has its default in `defaultExportOptions`. */
export interface ExportOptions {
  /** Project folder: decks, `themes/` and `diagrams/` are found from here. */
  root: string;
  /** The deck: a `.md` file or a folder of chapter files. */
  input: string;
  format: ExportFormat;
  /** Output file; default `<deck name>.<format>` in `root`. */
  out?: string;
  /** PDF: one page per fragment step instead of one per slide with every fragment shown. */
  fragments: boolean;
  /** PDF: a handout, each slide followed by a page with its speaker notes (slides without notes get none). */
  notes: boolean;
  /** Overwrite an existing file that an earlier export did not write (never a source file). */
  force: boolean;
  /** Chromium that renders diagrams and prints; required for PDF. */
  chromium: string | false;
  cacheDir: string;
  log: (line: string) => void;
  /** Called as PDF pages are printed. */
  onProgress?: (done: number, total: number) => void;
}

export function defaultExportOptions(root = process.cwd()): Omit<ExportOptions, 'input'> {
  const build = defaultBuildOptions(root);
  return { root, format: 'html', fragments: false, notes: false, force: false, chromium: build.chromium, cacheDir: build.cacheDir, log: build.log };
}

export function resolveExportOptions(overrides: Partial<ExportOptions> & { input: string }): Readonly<ExportOptions> {
  const root = path.resolve(overrides.root ?? process.cwd());
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined));
  const merged: ExportOptions = { ...defaultExportOptions(root), ...defined, root, input: overrides.input };
  merged.cacheDir = path.resolve(root, merged.cacheDir);
  if (merged.out) merged.out = path.resolve(root, merged.out);
  return Object.freeze(merged);
}

/** `<deck name>.<format>` in the project folder, unless the caller named a file. */
export function exportTarget(options: ExportOptions, deckName: string): string {
  return options.out ?? path.join(options.root, `${deckName}.${options.format}`);
}
