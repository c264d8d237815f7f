import type { SourcePosition } from './types';

import type { Diagnostic, Severity } from './protocol/diagnostic';

export type { Diagnostic, Severity } from './protocol/diagnostic';

export function diagnostic(
  code: string,
  message: string,
  at?: Partial<SourcePosition>,
  severity: Severity = 'error',
): Diagnostic {
  return { code, severity, message, file: at?.file, line: at?.line, column: at?.column ?? (at?.line ? 1 : undefined) };
}

/** `file:line:col: severity: message [code]` — the form editors and terminals make clickable. */
export function formatDiagnostic(d: Diagnostic, cwd = process.cwd()): string {
  const where = d.file ? `${relativeTo(cwd, d.file)}:${d.line ?? 1}:${d.column ?? 1}: ` : '';
  const head = `${where}${d.severity}: ${d.message} [${d.code}]`;
  return d.frame ? `${head}\n${d.frame}` : head;
}

/** Adds a code frame from the source text: two lines of context and a caret under the column. */
export function withFrame(d: Diagnostic, text: string | SourceLines | undefined): Diagnostic {
  if (!text || !d.line) return d;
  const lines = typeof text === 'string' ? sourceLines(text) : text;
  const from = Math.max(1, d.line - 2);
  const to = Math.min(lines.length, d.line + 1);
  const width = String(to).length;
  const out: string[] = [];
  for (let n = from; n <= to; n++) {
    const mark = n === d.line ? '>' : ' ';
    out.push(`${mark} ${String(n).padStart(width)} | ${lines[n - 1] ?? ''}`);
    if (n === d.line) out.push(`  ${' '.repeat(width)} | ${' '.repeat(Math.max(0, (d.column ?? 1) - 1))}^`);
  }
  return { ...d, frame: out.join('\n') };
}

/** A file's lines: split once when many diagnostics in a long file get frames (`check` on a big deck). */
export type SourceLines = readonly string[];

export const sourceLines = (text: string): SourceLines => text.split(/\r?\n/);

export function hasErrors(list: readonly Diagnostic[]): boolean {
  return list.some((d) => d.severity === 'error');
}

/** Thrown when a command cannot go on; carries the diagnostics and the exit code the CLI uses. */
export class DeckhandError extends Error {
  constructor(
    message: string,
    readonly diagnostics: Diagnostic[] = [],
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'DeckhandError';
  }
}

function relativeTo(cwd: string, file: string): string {
  return file.startsWith(cwd + '/') ? file.slice(cwd.length + 1) : file;
}
