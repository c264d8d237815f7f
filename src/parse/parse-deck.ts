import { diagnostic, type Diagnostic } from '../diagnostics';
import { deckDefaults } from '../options';
import { parseConfigFiles } from './config-files';
import type { DeckSource, ParsedDeck, SlideStack } from '../types';
import { parseFrontMatter } from './front-matter';
import { splitSlides } from './split-slides';
import { findUnclosedBlocks } from './unclosed-blocks';

export type SplitCache = Map<string, SlideStack[]>;

/**
 * Parse stage: deck files (strings) → front matter + slide stacks with line ranges.
 * The first file's front matter is the deck's; chapters are joined in the order given.
 */
export function parseDeck(source: DeckSource, cache?: SplitCache, opts: { revealMd?: boolean } = {}): { deck: ParsedDeck; diagnostics: Diagnostic[] } {
  const config = parseConfigFiles(source.configFiles);
  const diagnostics: Diagnostic[] = [...config.diagnostics];
  const stacks: SlideStack[] = [];
  let frontMatter = {};
  // Positions of settings from reveal-md.json, until the front matter sets them again.
  const frontMatterAt: ParsedDeck['frontMatterAt'] = { ...config.at };
  const defaultSet = opts.revealMd || config.revealMd ? 'reveal-md' : 'deckhand';
  const defaults = deckDefaults(defaultSet);
  const base = { ...defaults, ...config.settings };
  let seps = { separator: str(base.separator)!, verticalSeparator: str(base.verticalSeparator)!, notesSeparator: str(base.notesSeparator)! };

  source.files.forEach((file, index) => {
    const fm = parseFrontMatter(file.text, file.path);
    diagnostics.push(...fm.diagnostics);
    if (index === 0) {
      frontMatter = fm.data;
      for (const [key, line] of Object.entries(fm.lines)) frontMatterAt[key] = { file: file.path, line, column: 1 };
      seps = {
        separator: str(fm.data.separator) ?? seps.separator,
        verticalSeparator: str(fm.data.verticalSeparator) ?? seps.verticalSeparator,
        notesSeparator: str(fm.data.notesSeparator) ?? seps.notesSeparator,
      };
    } else if (fm.bodyLine > 1 && Object.keys(fm.data).length) {
      diagnostics.push(
        diagnostic('front-matter-ignored', "front matter only counts in a deck's first file; this block is ignored", { file: file.path, line: 1 }, 'warning'),
      );
    }
    // With a cache (the dev server's), only files whose text changed are split again.
    const key = cache && [index, file.path, fm.bodyLine, seps.separator, seps.verticalSeparator, seps.notesSeparator, fm.body].join('\0');
    let split = key ? cache.get(key) : undefined;
    if (!split) {
      split = splitSlides(fm.body, file.path, index, fm.bodyLine, seps);
      if (key) cache.set(key, split);
    }
    stacks.push(...split);
    for (const slide of split.flat()) diagnostics.push(...findUnclosedBlocks(slide));
  });

  return { deck: { name: source.name, root: source.root, frontMatter, frontMatterAt, config: config.settings, defaults: defaultSet, stacks }, diagnostics };
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
}
