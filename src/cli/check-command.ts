import { stderrLines } from './terminal';
import path from 'node:path';
import { checkDecks, type CheckResult } from '../check/check-decks';
import { formatDiagnostic } from '../diagnostics';
import { reportFailure } from './failure';
import { requireInputs, sharedOptions, type SharedFlags } from './shared-options';

export interface CheckFlags extends SharedFlags {
  strict?: boolean;
  json?: boolean;
}

/**
 * `deckhand check`: exit 0 when clean, 1 when a deck has errors (or warnings, with --strict),
 * 2 when the check itself could not run. `--json` prints the findings on stdout for CI.
 */
export async function runCheck(inputs: string[], flags: CheckFlags): Promise<number> {
  const log = stderrLines();
  const started = performance.now();
  try {
    requireInputs(inputs);
    const result = await checkDecks({ ...sharedOptions(flags), inputs, ...(flags.json ? { log: () => {}, onDiagramDrawn: undefined } : { log }) });
    const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = result.diagnostics.length - errors;
    if (flags.json) process.stdout.write(JSON.stringify(jsonReport(result, errors, warnings), null, 2) + '\n');
    else {
      for (const d of result.diagnostics) log(formatDiagnostic(d));
      log(summary(result, errors, warnings, Math.round(performance.now() - started)));
    }
    return errors > 0 || (flags.strict && warnings > 0) ? 1 : 0;
  } catch (e) {
    return reportFailure(e, log);
  }
}

/** Positions relative to the current folder, as in the text output; no code frames. */
export function jsonReport(result: CheckResult, errors: number, warnings: number, cwd = process.cwd()) {
  return {
    decks: result.decks.map((d) => ({ name: d.name, slides: d.slides })),
    errors,
    warnings,
    diagnostics: result.diagnostics.map((d) => ({
      severity: d.severity,
      code: d.code,
      message: d.message,
      file: d.file ? path.relative(cwd, d.file) || d.file : undefined,
      line: d.line,
      column: d.column,
    })),
  };
}

function summary(result: CheckResult, errors: number, warnings: number, ms: number): string {
  const slides = result.decks.reduce((n, d) => n + d.slides, 0);
  const what = `${result.decks.length} deck${result.decks.length === 1 ? '' : 's'} (${slides} slide${slides === 1 ? '' : 's'})`;
  const found = errors + warnings === 0 ? 'no problems found' : `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
  return `deckhand: checked ${what} in ${ms} ms: ${found}`;
}
