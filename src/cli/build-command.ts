import path from 'node:path';
import { build, printDiagnostics } from '../build';
import { DeckhandError } from '../diagnostics';
import { chromiumOption } from './arguments';

export async function runBuild(inputs: string[], opts: { out: string; chromium?: string | boolean }): Promise<number> {
  const started = performance.now();
  const write = (s: string) => process.stderr.write(s + '\n');
  try {
    const result = await build({ inputs, outDir: opts.out, chromium: chromiumOption(opts.chromium) });
    printDiagnostics(result.diagnostics, write);
    const ms = Math.round(performance.now() - started);
    for (const d of result.decks) write(`deckhand: ${d.name}: ${d.slides} slide${d.slides === 1 ? '' : 's'} → ${path.relative(process.cwd(), d.file)}`);
    write(`deckhand: built ${result.decks.length} deck${result.decks.length === 1 ? '' : 's'} in ${ms} ms`);
    return 0;
  } catch (e) {
    if (e instanceof DeckhandError) {
      printDiagnostics(e.diagnostics, write);
      write(`deckhand: ${e.message}`);
      return e.exitCode;
    }
    write(`deckhand: internal error: ${(e as Error).stack ?? e}`);
    return 2;
  }
}
