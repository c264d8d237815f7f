import { stderrLines } from './terminal';
import { printDiagnostics } from '../build';
import { formatPresentBanner } from '../present/present-banner';
import { startPresentServer } from '../present/present-server';
import { renderTerminalQr } from '../present/qr';
import { reportFailure, runUntilInterrupted } from './failure';
import { requireInputs, sharedOptions, type ServeFlags, type SharedFlags } from './shared-options';

export interface PresentFlags extends SharedFlags, ServeFlags {
  /** `--new-session`: a new token and the first slide, even if a recent session was saved. */
  newSession?: boolean;
}

/** `deckhand present [deck]`: runs until interrupted; exit 1 for deck errors, 2 for misuse or a failure to start. */
export async function runPresent(input: string | undefined, flags: PresentFlags): Promise<number> {
  const log = stderrLines();
  try {
    requireInputs(input ? [input] : []);
    const server = await startPresentServer({
      ...sharedOptions(flags),
      input,
      port: flags.port,
      host: flags.host,
      resumeWithinMs: flags.newSession ? 0 : undefined,
      log,
    });
    printDiagnostics(server.diagnostics, log);
    const qr = server.urls.shared ? await renderTerminalQr(server.urls.audience) : undefined;
    // The links go to stdout (they are the command's result); progress and problems to stderr.
    process.stdout.write(formatPresentBanner({ title: server.deck.title, slides: server.deck.slides, urls: server.urls, qr, resumedAt: server.resumed?.position }) + '\n');
    return await runUntilInterrupted(() => server.close());
  } catch (e) {
    return reportFailure(e, log, flags);
  }
}
