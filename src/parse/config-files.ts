import path from 'node:path';
import { isMap, isScalar, parseDocument, type Node, type Pair } from 'yaml';
import { diagnostic, type Diagnostic } from '../diagnostics';
import { defaultDeckOptions } from '../options';
import type { FrontMatter, SourceFile, SourcePosition } from '../types';
import { didYouMean } from './did-you-mean';
import { lineIndex } from './line-index';
import { checkRevealOption, PLUGIN_OPTIONS, REVEAL_OPTIONS } from './reveal-options';

/** reveal-md settings Deckhand cannot honour: each gets a warning naming it, and is ignored. */
const UNSUPPORTED = [
  'scripts', 'preprocessor', 'template', 'listingTemplate', 'static', 'staticDirs', 'assetsDir', 'absoluteUrls',
  'port', 'host', 'watch', 'disableAutoOpen', 'print', 'printSize', 'puppeteerLaunchArgs', 'puppeteerChromiumExecutable', 'glob', 'featuredSlide', 'theme-url',
];
const STRING_KEYS = ['title', 'theme', 'highlightTheme', 'separator', 'verticalSeparator', 'notesSeparator'];
const REGEX_KEYS = ['separator', 'verticalSeparator', 'notesSeparator'];

export interface DeckConfig {
  /** reveal-md.json's settings, with reveal.js options (its own and reveal.json's) under `revealOptions`. */
  settings: FrontMatter;
  /** Where each setting was written. */
  at: Record<string, SourcePosition>;
  /** A reveal-md.json was found: the deck starts from reveal-md's defaults. */
  revealMd: boolean;
  diagnostics: Diagnostic[];
}

/**
 * Reads `reveal-md.json` and `reveal.json` (JSON, read with the YAML parser for its source
 * positions): a key of the wrong type is an error at its line in the file, an unknown key or one
 * Deckhand cannot honour a warning naming it.
 */
export function parseConfigFiles(files: readonly SourceFile[] = []): DeckConfig {
  const out: DeckConfig = { settings: {}, at: {}, revealMd: false, diagnostics: [] };
  const reveal: Record<string, unknown> = {};
  const fromRevealJson: Record<string, unknown> = {};
  for (const file of files) {
    const isRevealMd = path.basename(file.path) === 'reveal-md.json';
    out.revealMd ||= isRevealMd;
    const place = lineIndex(file.text);
    const at = (node: Node | null | undefined): SourcePosition => ({ file: file.path, ...place(node?.range?.[0] ?? 0) });
    const doc = parseDocument(file.text, { prettyErrors: false });
    if (doc.errors.length) {
      for (const err of doc.errors) out.diagnostics.push(diagnostic('config-json', `invalid JSON: ${err.message.split('\n')[0]}`, { file: file.path, ...place(err.pos[0]) }));
      continue;
    }
    if (!isMap(doc.contents)) {
      if (file.text.trim()) out.diagnostics.push(diagnostic('config-json', 'expected a JSON object ({ "key": value, … })', { file: file.path, line: 1 }));
      continue;
    }
    const data = doc.toJS() as Record<string, unknown>;
    for (const pair of doc.contents.items as Pair<Node, Node>[]) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key === undefined) continue;
      const value = data[key];
      const problem = isRevealMd ? readSetting(key, value, out, reveal, at(pair.key), at(pair.value ?? pair.key)) : readRevealOption(key, value, fromRevealJson, at(pair.key), at(pair.value ?? pair.key));
      if (problem) out.diagnostics.push(problem);
    }
  }
  if (Object.keys(reveal).length || Object.keys(fromRevealJson).length) out.settings.revealOptions = { ...reveal, ...fromRevealJson };
  return out;
}

function readSetting(key: string, value: unknown, out: DeckConfig, reveal: Record<string, unknown>, keyAt: SourcePosition, valueAt: SourcePosition): Diagnostic | undefined {
  if (UNSUPPORTED.includes(key)) return diagnostic('config-unsupported', `reveal-md option "${key}" is not supported by Deckhand (ignored)`, keyAt, 'warning');
  if (key === 'revealOptions' || key === 'mermaid') {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return diagnostic('config-type', `"${key}" must be an object`, valueAt);
    if (key === 'revealOptions') Object.assign(reveal, value);
    else out.settings.mermaid = value as Record<string, unknown>;
    out.at[key] = keyAt;
    return undefined;
  }
  if (key === 'css') {
    if (typeof value !== 'string' && !(Array.isArray(value) && value.every((v) => typeof v === 'string'))) return diagnostic('config-type', '"css" must be a path or a list of paths', valueAt);
    out.settings.css = value as string | string[];
    out.at.css = keyAt;
    return undefined;
  }
  if (STRING_KEYS.includes(key)) {
    if (typeof value !== 'string') return diagnostic('config-type', `"${key}" must be a string, not ${JSON.stringify(value)}`, valueAt);
    if (key === 'theme' && /^(https?:)?\/\//.test(value)) return diagnostic('config-unsupported', `a remote theme (${value}) is not supported: decks work offline; the default theme is used`, valueAt, 'warning');
    if (REGEX_KEYS.includes(key)) {
      try {
        new RegExp(value, 'gm');
      } catch (e) {
        return diagnostic('config-regex', `"${key}" is not a valid regular expression: ${(e as Error).message}`, valueAt);
      }
    }
    out.settings[key] = value;
    out.at[key] = keyAt;
    return undefined;
  }
  if (Object.hasOwn(REVEAL_OPTIONS, key) || Object.hasOwn(PLUGIN_OPTIONS, key)) return readRevealOption(key, value, reveal, keyAt, valueAt);
  const known = [...Object.keys(defaultDeckOptions()), ...Object.keys(REVEAL_OPTIONS)];
  const guess = didYouMean(key, known);
  return diagnostic('config-unknown-key', `unknown reveal-md.json key "${key}" (ignored)${guess ? `; did you mean "${guess}"?` : ''}`, keyAt, 'warning');
}

function readRevealOption(key: string, value: unknown, into: Record<string, unknown>, keyAt: SourcePosition, valueAt: SourcePosition): Diagnostic | undefined {
  const found = checkRevealOption(key, value);
  if (found.kind === 'wrong-type') return diagnostic('reveal-option-type', `reveal.js option "${key}" must be ${found.expected}, not ${JSON.stringify(value)}`, valueAt);
  into[key] = value;
  if (found.kind === 'unknown') {
    const guess = didYouMean(key, [...Object.keys(REVEAL_OPTIONS), ...Object.keys(PLUGIN_OPTIONS)]);
    return diagnostic('reveal-option-unknown', `unknown reveal.js option "${key}" (passed on as it is, in case a plugin reads it)${guess ? `; did you mean "${guess}"?` : ''}`, keyAt, 'warning');
  }
  return undefined;
}
