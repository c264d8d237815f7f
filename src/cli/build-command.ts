import { stderrLines } from './terminal';
import path from 'node:path';
import { build, printDiagnostics } from '../build';
import { reportFailure } from './failure';
import { requireInputs, sharedOptions, type SharedFlags } from './shared-options';

export interface BuildFlags extends SharedFlags {
  out: string;
  /** Also print each deck's settings and where each came from (a flag, a config file, the front matter, the defaults). */
  verbose?: boolean;
  force?: boolean;
  strict?: boolean;
}

export async function runBuild(inputs: string[], flags: BuildFlags): Promise<number> {
  const started = performance.now();
  const write = stderrLines();
  try {
    requireInputs(inputs);
    const result = await build({ ...sharedOptions(flags), inputs, outDir: flags.out, force: flags.force, strict: flags.strict });
    printDiagnostics(result.diagnostics, write);
    const ms = Math.round(performance.now() - started);
    for (const d of result.decks) {
      write(`deckhand: ${d.name}: ${d.slides} slide${d.slides === 1 ? '' : 's'} → ${path.relative(process.cwd(), d.file)}`);
      if (flags.verbose) for (const s of d.settings) write(`  ${s.key} = ${JSON.stringify(s.value)}  (${relativeFrom(s.from)})`);
    }
    write(`deckhand: built ${result.decks.length} deck${result.decks.length === 1 ? '' : 's'} in ${ms} ms`);
    return 0;
  } catch (e) {
    return reportFailure(e, write);
  }
}

/** `file:line` relative to the current folder, as diagnostics print it; other sources as they are. */
function relativeFrom(from: string): string {
  return path.isAbsolute(from) ? path.relative(process.cwd(), from) : from;
}
