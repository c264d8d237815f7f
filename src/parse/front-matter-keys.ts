import { isMap, isScalar, type Document, type Node, type Pair } from 'yaml';
import { diagnostic, type Diagnostic } from '../diagnostics';
import { defaultDeckOptions } from '../options';
import type { FrontMatter } from '../types';
import { didYouMean } from './did-you-mean';
import { lineIndex } from './line-index';
import { checkRevealOption, PLUGIN_OPTIONS, REVEAL_OPTIONS } from './reveal-options';

/**
 * Front matter keys nobody reads are typos more often than not (`them: black` silently keeps
 * the default theme): each gets a warning at its own line, nested ones included, with the
 * closest known key. A reveal.js option of the wrong type is an error, since it breaks the deck
 * in the browser; it is removed from `data`, so a dev preview still shows the slides.
 */
export function checkFrontMatterKeys(doc: Document, yamlText: string, data: FrontMatter, file: string): Diagnostic[] {
  // The YAML starts on the file's line 2, after the opening `---`.
  const place = lineIndex(yamlText, 2);
  const at = (node: Node | null | undefined) => ({ file, ...place(node?.range?.[0] ?? 0) });
  const out: Diagnostic[] = [];
  if (!isMap(doc.contents)) return out;
  const known = Object.keys(defaultDeckOptions());
  for (const pair of doc.contents.items as Pair<Node, Node>[]) {
    const key = keyName(pair);
    if (key === undefined) continue;
    if (!known.includes(key)) out.push(diagnostic('front-matter-unknown-key', unknownKey(key, known), at(pair.key), 'warning'));
    else if (key === 'revealOptions' && isMap(pair.value) && data.revealOptions) out.push(...checkRevealOptions(pair.value.items as Pair<Node, Node>[], data.revealOptions, at));
  }
  return out;
}

function checkRevealOptions(pairs: Pair<Node, Node>[], options: Record<string, unknown>, at: (node: Node | null | undefined) => { file: string; line: number; column: number }): Diagnostic[] {
  const out: Diagnostic[] = [];
  const known = [...Object.keys(REVEAL_OPTIONS), ...Object.keys(PLUGIN_OPTIONS)];
  for (const pair of pairs) {
    const key = keyName(pair);
    if (key === undefined) continue;
    const found = checkRevealOption(key, options[key]);
    if (found.kind === 'unknown') {
      const guess = didYouMean(key, known);
      const message = `unknown reveal.js option "${key}" (passed on as it is, in case a plugin reads it)${guess ? `; did you mean "${guess}"?` : ''}`;
      out.push(diagnostic('reveal-option-unknown', message, at(pair.key), 'warning'));
    } else if (found.kind === 'wrong-type') {
      out.push(diagnostic('reveal-option-type', `reveal.js option "${key}" must be ${found.expected}, not ${shown(options[key])}`, at(pair.value ?? pair.key)));
      delete options[key];
    }
  }
  return out;
}

function unknownKey(key: string, known: string[]): string {
  const head = `unknown front matter key "${key}" (ignored)`;
  const guess = didYouMean(key, known);
  if (guess) return `${head}; did you mean "${guess}"?`;
  if (Object.hasOwn(REVEAL_OPTIONS, key)) return `${head}; reveal.js options go under revealOptions:`;
  return `${head}; Deckhand reads ${known.join(', ')}`;
}

function keyName(pair: Pair<Node, Node>): string | undefined {
  return isScalar(pair.key) && (typeof pair.key.value === 'string' || typeof pair.key.value === 'number') ? String(pair.key.value) : undefined;
}

function shown(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 40 ? `${json.slice(0, 37)}...` : json;
}
