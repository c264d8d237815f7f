import fs from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { DeckhandError } from '../diagnostics';
import { DEFAULTS, type CommonOptions } from '../options';
import { parsePort } from './arguments';
import { diagramProgress } from './diagram-progress';

/** The flags several commands share, as commander hands them over. */
export interface SharedFlags {
  chromium?: string | boolean;
  cacheDir?: string;
  theme?: string;
  highlightTheme?: string;
  revealMd?: boolean;
}

export interface ServeFlags {
  port?: number;
  host?: string;
}

/** `--chromium`, `--no-chromium`, `--cache-dir`: how a command reaches a browser and its cache. Declared once, for every command. */
export function engineOptions(cmd: Command, chromiumUse: string, { canSkip = true } = {}): Command {
  cmd.option('--chromium <path>', `Chrome, Chromium or Edge used ${chromiumUse} (default: DECKHAND_CHROMIUM, CHROME_PATH, else an installed one)`);
  if (canSkip) cmd.option('--no-chromium', "do not start a browser; diagrams render in the viewer's browser");
  return cmd.option('--cache-dir <dir>', `where rendered diagrams and slides are kept (default: DECKHAND_CACHE_DIR, else ${DEFAULTS.cacheDir} in a Node project, else your cache folder)`);
}

/** `--theme`, `--highlight-theme`: they win over every deck's front matter. */
export function lookOptions(cmd: Command): Command {
  return cmd
    .option('--theme <name>', 'theme for every deck, over its front matter (a themes/*.css name, a Deckhand theme or a reveal.js theme)')
    .option('--highlight-theme <name>', 'code colours for every deck, over its front matter (a highlight.js style name)')
    .option('--reveal-md', "start every deck from reveal-md's defaults (theme black, highlightTheme zenburn, its separators), as a deck with a reveal-md.json does");
}

export function serveOptions(cmd: Command, hostHelp: string): Command {
  return cmd
    .addOption(new Option('-p, --port <port>', `port (default ${DEFAULTS.port}, or the next free one)`).argParser(parsePort))
    .option('--host <host>', hostHelp, DEFAULTS.host);
}

/** The shared flags as API options; undefined where the flag was not given, so defaults and front matter decide. */
export function sharedOptions(flags: SharedFlags): Partial<CommonOptions> {
  return {
    chromium: flags.chromium === false ? false : typeof flags.chromium === 'string' ? flags.chromium : undefined,
    cacheDir: flags.cacheDir,
    deckOverrides: { theme: flags.theme, highlightTheme: flags.highlightTheme, revealMd: flags.revealMd },
    // Every command that may draw diagrams shows the progress line on a terminal.
    onDiagramDrawn: diagramProgress(process.stderr, process.cwd()),
  };
}

/**
 * A deck named on the command line that is not there is a mistake in the command, not in a
 * deck: exit 2, naming the path as the user typed it.
 */
export function requireInputs(inputs: readonly string[]): void {
  const missing = inputs.find((i) => !fs.existsSync(path.resolve(i)));
  if (missing !== undefined) throw new DeckhandError(`no such deck: ${missing} (a .md file or a folder of them)`, [], 2);
}
