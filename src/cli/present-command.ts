import { printDiagnostics } from '../build';
import { formatPresentBanner } from '../present/present-banner';
import { startPresentServer } from '../present/present-server';
import { renderTerminalQr } from '../present/qr';
import { chromiumOption } from './arguments';
import { reportFailure, runUntilInterrupted } from './failure';

export interface PresentFlags {
  port?: number;
  host?: string;
  chromium?: string | boolean;
  /** `--new-session`: a new token and the first slide, even if a recent session was saved. */
  newSession?: boolean;
}

/** `deckhand present [deck]`: runs until interrupted; exit 1 for deck errors, 2 for misuse or a failure to start. */
export async function runPresent(input: string | undefined, flags: PresentFlags): Promise<number> {
  const log = (s: string) => process.stderr.write(s + '\n');
  try {
    const server = await startPresentServer({
      input,
      port: flags.port,
      host: flags.host,
      chromium: chromiumOption(flags.chromium),
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
