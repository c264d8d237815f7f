import { stderrLines } from './terminal';
import path from 'node:path';
import { printDiagnostics } from '../build';
import { exportDeck } from '../export/export-deck';
import type { ExportFormat } from '../options';
import { createProgressBar } from '../export/progress-bar';
import { reportFailure } from './failure';
import { requireInputs, sharedOptions, type SharedFlags } from './shared-options';

export interface ExportFlags extends SharedFlags {
  format?: string;
  out?: string;
  fragments?: boolean;
  notes?: boolean;
  force?: boolean;
}

/** `deckhand export <deck>`: arguments → options → exportDeck → exit code (0 written, 1 deck errors, 2 misuse or tool failure). */
export async function runExport(input: string, flags: ExportFlags): Promise<number> {
  const write = stderrLines();
  const format = pickFormat(flags);
  if (!format) {
    write(`deckhand: --format must be html or pdf (got ${flags.format})`);
    return 2;
  }
  if (format === 'html' && (flags.fragments || flags.notes)) {
    write('deckhand: --fragments and --notes shape PDF pages; use them with --format pdf');
    return 2;
  }
  const started = performance.now();
  const bar = createProgressBar(process.stderr, 'deckhand: printing');
  try {
    requireInputs([input]);
    const result = await exportDeck({
      ...sharedOptions(flags),
      input,
      format,
      out: flags.out,
      fragments: flags.fragments,
      notes: flags.notes,
      force: flags.force,
      onProgress: (done, total) => bar.update(done, total),
    });
    const ms = Math.round(performance.now() - started);
    const where = `${path.relative(process.cwd(), result.file) || result.file} (${formatBytes(result.bytes)})`;
    const what = result.pages !== undefined ? `${result.pages} page${result.pages === 1 ? '' : 's'}` : `${result.deck.slides} slide${result.deck.slides === 1 ? '' : 's'}`;
    bar.finish(`deckhand: ${result.deck.name}: ${what} → ${where} in ${ms} ms`);
    printDiagnostics(result.diagnostics, write);
    return 0;
  } catch (e) {
    bar.clear();
    return reportFailure(e, write);
  }
}

/** `--format` wins; otherwise the extension of `-o`; otherwise HTML. */
function pickFormat(flags: ExportFlags): ExportFormat | undefined {
  const format = flags.format ?? (flags.out && /\.pdf$/i.test(flags.out) ? 'pdf' : 'html');
  return format === 'html' || format === 'pdf' ? format : undefined;
}

function formatBytes(n: number): string {
  return n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / 1024 / 1024).toFixed(1)} MiB`;
}
