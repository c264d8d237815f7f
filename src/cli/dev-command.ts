import { spawn } from 'node:child_process';
import { startDevServer } from '../server/dev-server';
import { chromiumOption } from './arguments';
import { reportFailure, runUntilInterrupted } from './failure';

export interface DevFlags {
  port?: number;
  host?: string;
  open?: boolean;
  chromium?: string | boolean;
}

/** Runs until interrupted; bad input never ends it, only a failure to start does. */
export async function runDev(input: string | undefined, flags: DevFlags): Promise<number> {
  const log = (s: string) => process.stderr.write(s + '\n');
  try {
    const server = await startDevServer({ inputs: input ? [input] : [], port: flags.port, host: flags.host, chromium: chromiumOption(flags.chromium), log });
    const links = server.decks.map((d) => `  ${server.url}${encodeURIComponent(d.name)}/`).join('\n');
    log(`deckhand: serving with live preview at ${server.url}\n${links}\n(Ctrl+C to stop)`);
    if (flags.open && server.decks[0]) openBrowser(`${server.url}${encodeURIComponent(server.decks[0].name)}/`);
    return await runUntilInterrupted(() => server.close(), log);
  } catch (e) {
    return reportFailure(e, log, flags);
  }
}

function openBrowser(url: string): void {
  const cmd = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'cmd' : 'xdg-open';
  const args = process.platform === 'win32' ? ['/c', 'start', '', url] : [url];
  spawn(cmd, args, { stdio: 'ignore', detached: true })
    .on('error', () => process.stderr.write(`deckhand: could not open a browser; visit ${url}\n`))
    .unref();
}
