import path from 'node:path';
import { build, printDiagnostics } from '../build';
import { chromiumOption } from './arguments';
import { reportFailure } from './failure';

export async function runBuild(inputs: string[], opts: { out: string; force?: boolean; chromium?: string | boolean }): Promise<number> {
  const started = performance.now();
  const write = (s: string) => process.stderr.write(s + '\n');
  try {
    const result = await build({ inputs, outDir: opts.out, force: opts.force, chromium: chromiumOption(opts.chromium) });
    printDiagnostics(result.diagnostics, write);
    const ms = Math.round(performance.now() - started);
    for (const d of result.decks) write(`deckhand: ${d.name}: ${d.slides} slide${d.slides === 1 ? '' : 's'} → ${path.relative(process.cwd(), d.file)}`);
    write(`deckhand: built ${result.decks.length} deck${result.decks.length === 1 ? '' : 's'} in ${ms} ms`);
    return 0;
  } catch (e) {
    return reportFailure(e, write);
  }
}
