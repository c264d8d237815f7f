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

/** Keeps a server command running until Ctrl+C or SIGTERM, then closes the server and exits 0. */
export function runUntilInterrupted(close: () => Promise<void>): Promise<number> {
  const stop = async () => {
    await close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return new Promise<number>(() => {});
}
