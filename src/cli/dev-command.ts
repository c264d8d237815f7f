import { stderrLines } from './terminal';
import { startDevServer } from '../server/dev-server';
import { reportFailure, runUntilInterrupted } from './failure';
import { requireInputs, sharedOptions, type ServeFlags, type SharedFlags } from './shared-options';

export interface DevFlags extends SharedFlags, ServeFlags {
  open?: boolean;
}

/** Runs until interrupted; bad input never ends it, only a failure to start does. */
export async function runDev(inputs: string[], flags: DevFlags): Promise<number> {
  const log = stderrLines();
  try {
    requireInputs(inputs);
    const server = await startDevServer({ ...sharedOptions(flags), inputs, port: flags.port, host: flags.host, log });
    const links = server.decks.map((d) => `  ${server.url}${encodeURIComponent(d.name)}/`).join('\n');
    log(`deckhand: serving with live preview at ${server.url}\n${links}\n(Ctrl+C to stop)`);
    if (flags.open && server.decks[0]) openBrowser(`${server.url}${encodeURIComponent(server.decks[0].name)}/`);
    return await runUntilInterrupted(() => server.close(), log);
  } catch (e) {
    return reportFailure(e, log, flags);
  }
}

/**
 * The user's browser, through `open` (macOS, Windows, Linux desktops, WSL); where there is none
 * (a container, an SSH session) the address is printed instead.
 */
function openBrowser(url: string): void {
  import('open')
    .then(({ default: open }) => open(url))
    .then((child) => child.once('error', () => process.stderr.write(`deckhand: could not open a browser; visit ${url}\n`)))
    .catch(() => process.stderr.write(`deckhand: could not open a browser; visit ${url}\n`));
}
