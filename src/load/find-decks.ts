import fs from 'node:fs';
import path from 'node:path';
import { DeckhandError, diagnostic } from '../diagnostics';
import type { DeckSource } from '../types';

/**
 * Load stage: the only reader of deck sources. A deck is a `.md` file, or a folder whose `.md`
 * files are its chapters in file-name order. With no inputs, every deck under `slides/`.
 */
export function findDecks(root: string, inputs: readonly string[]): DeckSource[] {
  const targets = inputs.length ? inputs.map((i) => path.resolve(root, i)) : defaultDecks(root);
  if (!targets.length) throw new DeckhandError(`no decks found: add .md files or folders under ${path.join(root, 'slides')}, or name a deck`);
  const decks = targets.map(readDeck);
  const seen = new Map<string, string>();
  for (const d of decks) {
    const other = seen.get(d.name);
    if (other) throw new DeckhandError(`two decks would both be written to dist/${d.name}/: ${other} and ${d.root}`);
    seen.set(d.name, d.root);
  }
  return decks;
}

function defaultDecks(root: string): string[] {
  const dir = path.join(root, 'slides');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => (e.isFile() && e.name.endsWith('.md')) || (e.isDirectory() && !e.name.startsWith('.') && hasMarkdown(path.join(dir, e.name))))
    .map((e) => path.join(dir, e.name))
    .sort();
}

export function readDeck(target: string): DeckSource {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch {
    throw new DeckhandError(`deck not found: ${target}`, [diagnostic('deck-not-found', `deck not found: ${target}`)]);
  }
  if (stat.isDirectory()) {
    const files = listMarkdown(target);
    if (!files.length) throw new DeckhandError(`deck folder has no .md files: ${target}`);
    return { name: deckName(path.basename(target)), root: target, files: files.map((f) => ({ path: f, text: fs.readFileSync(f, 'utf8') })) };
  }
  return { name: deckName(path.basename(target, path.extname(target))), root: target, files: [{ path: target, text: fs.readFileSync(target, 'utf8') }] };
}

/** Chapter files of a folder deck, in file-name order (numeric-aware: 2 before 10). */
export function listMarkdown(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.md') && !f.startsWith('.') && f.toLowerCase() !== 'readme.md')
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
    .map((f) => path.join(dir, f));
}

function hasMarkdown(dir: string): boolean {
  return listMarkdown(dir).length > 0;
}

function deckName(base: string): string {
  return base.replace(/[^\w.-]+/g, '-').replace(/^[-.]+/, '') || 'deck';
}
