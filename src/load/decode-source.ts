import { diagnostic, withFrame, type Diagnostic } from '../diagnostics';

/**
 * Bytes of a deck file → its text, or the reason it has none. Node's 'utf8' decoding never
 * fails: a binary file or a Latin-1 "Café" would silently become U+FFFD characters in the deck.
 * So the bytes are checked here, before anything parses them: size, binary, UTF-8, BOM.
 */
export type Decoded = { text: string } | { problem: Diagnostic };

const SAMPLE = 8000; // As git does: the start of a file tells text from binary.

/** Formats that are often misnamed `.md` (an export, a screenshot, a zipped deck). */
const SIGNATURES: Array<[string, number[]]> = [
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['a ZIP archive (or .docx, .pptx, .odp)', [0x50, 0x4b, 0x03, 0x04]],
  ['a gzip archive', [0x1f, 0x8b]],
];

/** `size` is the whole file's, when only its start was read. */
export function decodeSource(bytes: Uint8Array, file: string, maxBytes: number, size = bytes.length): Decoded {
  if (size > maxBytes) {
    return problem('source-too-large', `file is ${megabytes(size)}, more than the ${megabytes(maxBytes)} Deckhand reads from one Markdown file; split it into chapter files`, file);
  }
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    return problem('source-encoding', 'the file is UTF-16 encoded; save it as UTF-8', file);
  }
  const kind = binaryKind(bytes);
  if (kind) return problem('source-binary', `not a text file: this looks like ${kind}, not Markdown; a deck's .md files must be UTF-8 text`, file);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { problem: encodingProblem(bytes, file) };
  }
  // Editors on Windows start files with a byte order mark; it is not part of the text.
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

function binaryKind(bytes: Uint8Array): string | undefined {
  for (const [name, signature] of SIGNATURES) if (startsWith(bytes, signature)) return name;
  const sample = bytes.subarray(0, SAMPLE);
  let controls = 0;
  for (const b of sample) {
    if (b === 0) return 'binary data';
    // Tab, line breaks, form feed and escape turn up in text; other control bytes do not.
    if (b < 0x20 && !(b >= 0x09 && b <= 0x0d) && b !== 0x1b) controls++;
  }
  return controls > sample.length / 100 ? 'binary data' : undefined;
}

/** Points at the first byte that is not UTF-8, with the line and column an editor shows. */
function encodingProblem(bytes: Uint8Array, file: string): Diagnostic {
  const at = Math.max(0, firstInvalidUtf8(bytes));
  const lineStart = at === 0 ? 0 : bytes.lastIndexOf(0x0a, at - 1) + 1;
  let line = 1;
  for (let i = 0; i < lineStart; i++) if (bytes[i] === 0x0a) line++;
  const lenient = new TextDecoder('utf-8');
  const column = lenient.decode(bytes.subarray(lineStart, at)).replace(/^\uFEFF/, '').length + 1;
  const hex = bytes[at].toString(16).toUpperCase().padStart(2, '0');
  const d = diagnostic(
    'source-encoding',
    `not valid UTF-8: byte 0x${hex} here is not part of a UTF-8 character (is the file Latin-1 or Windows-1252?); save it as UTF-8`,
    { file, line, column },
  );
  return withFrame(d, lenient.decode(bytes));
}

/** Offset of the first byte that breaks UTF-8 (overlong forms and surrogates included), or -1. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    const extra = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : 0;
    if (!extra) return i;
    for (let k = 1; k <= extra; k++) if (i + k >= b.length || (b[i + k] & 0xc0) !== 0x80) return i;
    const second = b[i + 1];
    if ((c === 0xe0 && second < 0xa0) || (c === 0xed && second > 0x9f) || (c === 0xf0 && second < 0x90) || (c === 0xf4 && second > 0x8f)) return i;
    i += extra + 1;
  }
  return -1;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function megabytes(n: number): string {
  const mb = n / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

function problem(code: string, message: string, file: string): Decoded {
  return { problem: diagnostic(code, message, { file }) };
}
