import { parseDocument } from 'yaml';
import { diagnostic, type Diagnostic } from '../diagnostics';
import type { FrontMatter } from '../types';
import { checkFrontMatterKeys } from './front-matter-keys';

export interface FrontMatterResult {
  data: FrontMatter;
  /** The Markdown after the front matter block. */
  body: string;
  /** How many lines the front matter took, so slide lines stay true to the file. */
  bodyLine: number;
  /** File line of each top-level key, for messages about its value. */
  lines: Record<string, number>;
  diagnostics: Diagnostic[];
}

const OPENER = /^---[ \t]*\r?\n/;
const CLOSER = /^(---|\.\.\.)[ \t]*$/m;

const STRING_KEYS = ['title', 'theme', 'highlightTheme', 'separator', 'verticalSeparator', 'notesSeparator'];
const OBJECT_KEYS = ['revealOptions', 'mermaid', 'math'];
const REGEX_KEYS = ['separator', 'verticalSeparator', 'notesSeparator'];

/** Splits a YAML front matter block off the top of a Markdown file and checks its known keys. */
export function parseFrontMatter(text: string, file: string): FrontMatterResult {
  const none = { data: {}, body: text, bodyLine: 1, lines: {}, diagnostics: [] };
  const open = OPENER.exec(text);
  if (!open) return none;
  const rest = text.slice(open[0].length);
  const close = CLOSER.exec(rest);
  if (!close) return none; // A lone `---` at the top is a slide separator, not front matter.
  const yamlText = rest.slice(0, close.index);
  const afterClose = rest.slice(close.index + close[0].length).replace(/^\r?\n/, '');
  const bodyLine = countLines(text.slice(0, text.length - afterClose.length)) + 1;
  const diagnostics: Diagnostic[] = [];
  const lines = keyLines(yamlText);

  const doc = parseDocument(yamlText, { prettyErrors: false });
  for (const err of doc.errors) {
    // An error found at the end of input belongs to the last line that has text.
    const offset = Math.min(err.pos[0], yamlText.trimEnd().length);
    const before = yamlText.slice(0, offset);
    const line = countLines(before) + 2;
    const column = offset - (before.lastIndexOf('\n') + 1) + 1;
    diagnostics.push(diagnostic('front-matter-yaml', `invalid YAML in front matter: ${err.message.split('\n')[0]}`, { file, line, column }));
  }
  if (diagnostics.length) return { data: {}, body: afterClose, bodyLine, lines, diagnostics };

  const value = doc.toJS() ?? {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    diagnostics.push(diagnostic('front-matter-shape', 'front matter must be a YAML mapping (key: value lines)', { file, line: 2 }));
    return { data: {}, body: afterClose, bodyLine, lines, diagnostics };
  }
  const data = value as FrontMatter;
  const lineOf = (key: string) => lines[key] ?? 2;
  for (const key of STRING_KEYS) {
    if (data[key] !== undefined && typeof data[key] !== 'string' && typeof data[key] !== 'number') {
      diagnostics.push(diagnostic('front-matter-type', `"${key}" must be a string`, { file, line: lineOf(key) }));
      delete data[key];
    }
  }
  for (const key of OBJECT_KEYS) {
    const v = data[key];
    if (v !== undefined && (typeof v !== 'object' || v === null || Array.isArray(v))) {
      diagnostics.push(diagnostic('front-matter-type', `"${key}" must be a mapping`, { file, line: lineOf(key) }));
      delete data[key];
    }
  }
  if (data.css !== undefined && typeof data.css !== 'string' && !(Array.isArray(data.css) && data.css.every((c) => typeof c === 'string'))) {
    diagnostics.push(diagnostic('front-matter-type', '"css" must be a path or a list of paths', { file, line: lineOf('css') }));
    delete data.css;
  }
  for (const key of REGEX_KEYS) {
    if (typeof data[key] !== 'string') continue;
    try {
      new RegExp(data[key] as string, 'gm');
    } catch (e) {
      diagnostics.push(diagnostic('front-matter-regex', `"${key}" is not a valid regular expression: ${(e as Error).message}`, { file, line: lineOf(key) }));
      delete data[key];
    }
  }
  diagnostics.push(...checkFrontMatterKeys(doc, yamlText, data, file));
  return { data, body: afterClose, bodyLine, lines, diagnostics };
}

function countLines(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
}

/** File line of every top-level key (the YAML starts on file line 2). */
function keyLines(yamlText: string): Record<string, number> {
  const out: Record<string, number> = {};
  yamlText.split('\n').forEach((l, i) => {
    const m = /^([A-Za-z_][\w-]*)\s*:/.exec(l);
    if (m && !(m[1] in out)) out[m[1]] = i + 2;
  });
  return out;
}
