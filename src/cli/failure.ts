import { DeckhandError, formatDiagnostic } from '../diagnostics';
import { environmentError } from '../environment-error';

/** What a server command was asked to listen on, to explain a failure to start. */
export interface ListenFlags {
  port?: number;
  host?: string;
}

/**
 * The one way every command ends on an exception: a deck problem prints its diagnostics and
 * exits with its code (1); a port or address that cannot be used says which flag to change
 * (2); a file-system failure (a missing or unreadable file, a full disk) is the user's
 * environment and gets one line naming the path and what to do (2); anything else is
 * Deckhand's own fault and prints its stack (2).
 */
export function reportFailure(e: unknown, log: (line: string) => void, listen?: ListenFlags): number {
  if (e instanceof DeckhandError) {
    for (const d of e.diagnostics) log(formatDiagnostic(d));
    // A summary that only repeats the one diagnostic would say the same thing twice.
    if (!e.diagnostics.some((d) => d.message === e.message)) log(`deckhand: ${e.message}`);
    return e.exitCode;
  }
  const err = e as NodeJS.ErrnoException;
  const environment = environmentError(e);
  if (listen && err.code === 'EADDRINUSE') log(`deckhand: port ${listen.port} is in use; pick another with --port`);
  else if (listen && err.code === 'EADDRNOTAVAIL') log(`deckhand: ${listen.host} is not an address of this machine`);
  else if (environment) log(`deckhand: ${environment.message}`);
  else log(`deckhand: internal error: ${err?.stack ?? err}`);
  return 2;
}

/**
 * Keeps a server command running until Ctrl+C or SIGTERM, then closes the server (and with it
 * Chromium, in order) and exits 0. A second Ctrl+C while closing means "stop now": exit 130.
 */
export function runUntilInterrupted(close: () => Promise<void>, log: (line: string) => void = () => {}): Promise<number> {
  let stopping = false;
  const stop = () => {
    if (stopping) process.exit(130);
    stopping = true;
    close().then(
      () => process.exit(0),
      (e: Error) => {
        log(`deckhand: internal error while stopping: ${e?.stack ?? e}`);
        process.exit(2);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return new Promise<number>(() => {});
}
