import fs from 'node:fs';
import path from 'node:path';
import { DeckhandError, diagnostic, type Diagnostic } from '../diagnostics';
import { environmentError } from '../environment-error';
import { MAX_SOURCE_BYTES } from '../options';
import type { DeckSource, SourceFile } from '../types';
import { readConfigFiles } from './config-files';
import { decodeSource } from './decode-source';

/**
 * Load stage: the only reader of deck sources. A deck is a `.md` file, or a folder whose `.md`
 * files are its chapters in file-name order. With no inputs, every deck under `slides/`.
 */
export function findDecks(root: string, inputs: readonly string[]): DeckSource[] {
  const targets = inputs.length ? inputs.map((i) => path.resolve(root, i)) : defaultDecks(root);
  if (!targets.length) throw new DeckhandError(`no decks found: add .md files or folders under ${path.join(root, 'slides')}, or name a deck`);
  const decks = targets.map((t) => readDeck(t, root));
  const seen = new Map<string, string>();
  for (const d of decks) {
    const other = seen.get(d.name);
    if (other) throw new DeckhandError(`two decks would both be written to dist/${d.name}/: ${other} and ${d.root}`);
    seen.set(d.name, d.root);
  }
  return decks;
}

/** The decks under `slides/` (files and folders), without reading them: what `dev` watches for. */
export function listDeckTargets(root: string): string[] {
  return defaultDecks(root);
}

/** The name a deck gets from its file or folder: its folder under dist/ and its URL. */
export function deckNameOf(target: string): string {
  return deckName(target.endsWith('.md') ? path.basename(target, path.extname(target)) : path.basename(target));
}

function defaultDecks(root: string): string[] {
  const dir = path.join(root, 'slides');
  if (!fs.existsSync(dir)) return [];
  return readFolder(dir)
    .filter((e) => (e.isFile() && e.name.endsWith('.md')) || (e.isDirectory() && !e.name.startsWith('.') && hasMarkdown(path.join(dir, e.name))))
    .map((e) => path.join(dir, e.name))
    .sort();
}

/** `projectRoot`: where reveal-md config files are looked for when the deck's folder has none. */
export function readDeck(target: string, projectRoot?: string): DeckSource {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw environmentError(e, 'open the deck') ?? e;
    throw new DeckhandError(`deck not found: ${target}`, [diagnostic('deck-not-found', `deck not found: ${target}`)]);
  }
  if (stat.isDirectory()) {
    const files = listMarkdown(target);
    if (!files.length) throw new DeckhandError(`deck folder has no .md files: ${target}`);
    return { name: deckName(path.basename(target)), root: target, ...readSources(files), ...configOf(target, projectRoot) };
  }
  return { name: deckName(path.basename(target, path.extname(target))), root: target, ...readSources([target]), ...configOf(target, projectRoot) };
}

function configOf(target: string, projectRoot?: string): Pick<DeckSource, 'configFiles'> {
  const configFiles = readConfigFiles(target, projectRoot);
  return configFiles.length ? { configFiles } : {};
}

/**
 * A file that is not Markdown text (binary, not UTF-8, too large) is read as empty and its
 * problem travels with the deck, so `build` fails with it like with any deck error and the
 * dev server shows it in the overlay instead of refusing to start.
 */
function readSources(paths: string[]): Pick<DeckSource, 'files' | 'problems'> {
  const files: SourceFile[] = [];
  const problems: Diagnostic[] = [];
  for (const file of paths) {
    const { bytes, size } = readBytes(file);
    const decoded = decodeSource(bytes, file, MAX_SOURCE_BYTES, size);
    if ('problem' in decoded) problems.push(decoded.problem);
    files.push({ path: file, text: 'text' in decoded ? decoded.text : '' });
  }
  return problems.length ? { files, problems } : { files };
}

/** Reads at most one byte past the size limit: enough to refuse a huge file without loading it. */
function readBytes(file: string): { bytes: Uint8Array; size: number } {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const size = fs.fstatSync(fd).size;
    if (size <= MAX_SOURCE_BYTES) return { bytes: fs.readFileSync(fd), size };
    const bytes = Buffer.alloc(MAX_SOURCE_BYTES + 1);
    return { bytes: bytes.subarray(0, fs.readSync(fd, bytes, 0, bytes.length, 0)), size };
  } catch (e) {
    throw environmentError(e, 'read the deck file', file) ?? e;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Chapter files of a folder deck, in file-name order (numeric-aware: 2 before 10). */
export function listMarkdown(dir: string): string[] {
  return readFolder(dir)
    .map((e) => e.name)
    .filter((f) => f.endsWith('.md') && !f.startsWith('.') && f.toLowerCase() !== 'readme.md')
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
    .map((f) => path.join(dir, f));
}

function readFolder(dir: string): fs.Dirent[] {
  try {
    return fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    throw environmentError(e, 'list the deck folder') ?? e;
  }
}

function hasMarkdown(dir: string): boolean {
  return listMarkdown(dir).length > 0;
}

function deckName(base: string): string {
  return base.replace(/[^\w.-]+/g, '-').replace(/^[-.]+/, '') || 'deck';
}
