import fs from 'node:fs';
import path from 'node:path';
import { DeckhandError } from '../diagnostics';

/**
 * The write stage's refusals, checked before anything is written. A build replaces its output
 * folder whole and an export replaces its file, so a mistyped `--out` or `-o` must never land on
 * an author's sources: those are refused whatever the flags say, and a folder or file Deckhand
 * did not make is refused unless the author says `--force`.
 */

/** Written into every build output: what lets the next build replace the folder. */
export const OUTPUT_MARKER = '.deckhand-output';

/** What a build or export must never overwrite, replace or write inside of. */
export interface ProtectedPaths {
  /** The project root: neither it nor any folder above it may be the output. */
  root: string;
  /** Deck files and folders: the output may not be, contain, or lie inside one. */
  decks: readonly string[];
  /** Diagram files, themes, images and other files the decks use: the output may not be or contain one. */
  files: readonly string[];
  /** Deckhand's cache folder. */
  cacheDir: string;
}

/** Exit code 2: the command was misused; nothing was touched. */
function refuse(message: string): never {
  throw new DeckhandError(message, [], 2);
}

/** Throws when `outDir` may not be replaced by a build. */
export function guardOutputDir(outDir: string, keep: ProtectedPaths, force: boolean): void {
  const root = realish(keep.root);
  const out = realish(outDir);
  const shown = (p: string) => path.relative(root, p) || '.';
  outDir = shown(out);
  if (within(out, root)) {
    refuse(`refusing to write the build to ${outDir}: it ${out === root ? 'is' : 'contains'} the project folder; choose a new folder such as dist/ with --out`);
  }
  for (const deck of keep.decks.map(realish)) {
    if (within(out, deck)) refuse(`refusing to write the build to ${outDir}: it would replace the deck sources in ${shown(deck)}; choose another folder with --out`);
    if (within(deck, out)) refuse(`refusing to write the build to ${outDir}: it lies inside the deck ${shown(deck)}; choose a folder outside the deck with --out`);
  }
  // The project's source folders, whatever the decks use of them today.
  for (const dir of ['slides', 'diagrams', 'themes', '.git', 'node_modules'].map((d) => path.join(root, d))) {
    if (within(dir, out)) refuse(`refusing to write the build to ${outDir}: it ${out === dir ? 'is' : 'lies inside'} ${shown(dir)}/; choose a folder such as dist/ with --out`);
  }
  const file = keep.files.map(realish).find((f) => within(out, f));
  if (file) refuse(`refusing to write the build to ${outDir}: it holds ${shown(file)}, which a deck uses; choose another folder with --out`);
  const cache = realish(keep.cacheDir);
  if (within(cache, out) || within(out, cache)) refuse(`refusing to write the build to ${outDir}: it holds Deckhand's cache folder; choose another folder with --out`);

  let stat: fs.Stats;
  try {
    stat = fs.statSync(out);
  } catch {
    return; // A new folder: nothing there to lose.
  }
  if (!stat.isDirectory()) refuse(`refusing to write the build to ${outDir}: it is a file, not a folder`);
  if (force || madeByDeckhand(out)) return;
  if (fs.readdirSync(out).length === 0) return;
  refuse(`refusing to replace ${outDir}: it is not empty and was not made by deckhand build; its files would be deleted. Pick another --out, empty it, or pass --force to replace it`);
}

/** Throws when an export may not write `file`. */
export function guardOutputFile(file: string, keep: ProtectedPaths, force: boolean): void {
  const target = realish(file);
  const shown = path.relative(keep.root, file) || file;
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(target);
  } catch {
    stat = undefined;
  }
  if (stat?.isDirectory()) refuse(`refusing to export to ${shown}: it is a folder; name a file, e.g. -o ${path.join(shown, 'deck.html')}`);
  const used = [...keep.decks, ...keep.files].map(realish);
  if (used.includes(target)) refuse(`refusing to export to ${shown}: it is a source file of the deck; name a new file with -o`);
  if (stat && !force && !isExport(target)) {
    refuse(`refusing to overwrite ${shown}: it was not written by deckhand export. Name a new file with -o, or pass --force to replace it`);
  }
}

function madeByDeckhand(dir: string): boolean {
  // Builds before the marker existed left their runtime folder, which no author writes by hand.
  return fs.existsSync(path.join(dir, OUTPUT_MARKER)) || fs.existsSync(path.join(dir, '_deckhand', 'deckhand.js'));
}

/** A page or PDF that an earlier `deckhand export` wrote, judged by its first bytes. */
function isExport(file: string): boolean {
  try {
    const fd = fs.openSync(file, 'r');
    const head = Buffer.alloc(4096);
    const n = fs.readSync(fd, head, 0, head.length, 0);
    fs.closeSync(fd);
    const text = head.subarray(0, n).toString('latin1');
    // pdf-lib writes the Creator as UTF-16 hex: <FEFF 0044 0065 0063 006B 0068 0061 006E 0064> is "Deckhand".
    if (text.startsWith('%PDF-')) return /\/Creator\s*(\(Deckhand\)|<FEFF004400650063006B00680061006E0064>)/i.test(fs.readFileSync(file).toString('latin1'));
    return /<meta name="generator" content="Deckhand">/.test(text);
  } catch {
    return false;
  }
}

/** `p` is `container` or lies inside it. */
function within(container: string, p: string): boolean {
  return p === container || p.startsWith(container.endsWith(path.sep) ? container : container + path.sep);
}

/** The real path of `p`, or of its nearest existing ancestor with the rest appended: symlinks cannot disguise a target. */
export function realish(p: string): string {
  const abs = path.resolve(p);
  let dir = abs;
  const rest: string[] = [];
  for (;;) {
    try {
      return path.join(fs.realpathSync(dir), ...rest.reverse());
    } catch {
      const parent = path.dirname(dir);
      if (parent === dir) return abs;
      rest.push(path.basename(dir));
      dir = parent;
    }
  }
}
