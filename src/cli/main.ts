import { Command } from 'commander';
import { DEFAULTS } from '../options';
import type { BuildFlags } from './build-command';
import type { DevFlags } from './dev-command';
import type { PresentFlags } from './present-command';
import type { ExportFlags } from './export-command';
import type { CheckFlags } from './check-command';
import { withDefaultCommand } from './default-command';
import { engineOptions, lookOptions, serveOptions } from './shared-options';

const VERSION_FLAGS = ['-v', '--version'];

/**
 * The command line: arguments → options → the API → exit codes. Nothing else lives here.
 * Exit codes: 0 success, 1 errors in the decks, 2 misuse or a failure of the tool itself.
 * Importing this module runs nothing: `bin/deckhand.js` calls `run`, and so can tests.
 *
 * Each command's code is imported when that command runs (its own chunk in lib/): every CLI run
 * pays for what it loads before it starts working, so a warm `deckhand build` loads neither the
 * dev and present servers (send, ws, chokidar) nor export, check and qrcode, and `--version`
 * loads none of the pipeline's parsers.
 */
export async function run(argv: readonly string[]): Promise<number> {
  let code = 0;
  // commander prints the version only when one of its flags is given, so only then are the
  // version files read.
  const version = argv.slice(2).some((a) => VERSION_FLAGS.includes(a)) ? (await import('./version')).versionLine() : '';
  const program = new Command()
    .name('deckhand')
    .description('Markdown + Mermaid → reveal.js decks')
    .showHelpAfterError()
    .version(version, VERSION_FLAGS.join(', '), 'print the versions of Deckhand, reveal.js and mermaid')
    // Help and usage errors end the run with an exit code instead of exiting the process.
    .exitOverride()
    .addHelpText('after', '\n`deckhand <deck.md | folder>` previews that deck: the same as `deckhand dev <deck>`.');
  const done = (c: number) => {
    code = c;
  };
  defineCommands(program, done);
  try {
    await program.parseAsync(withDefaultCommand(argv, program.commands.map((c) => c.name())));
  } catch (e) {
    const exitCode = (e as { exitCode?: number }).exitCode;
    if (typeof exitCode !== 'number') throw e;
    return exitCode === 0 ? 0 : 2;
  }
  return code;
}

function defineCommands(program: Command, done: (code: number) => void): void {
  program
    .command('init')
    .description('start a new talk: package.json and an example deck that shows the syntax (never overwrites a file)')
    .argument('[folder]', 'an empty or new folder (default: the current folder)')
    .action(async (folder: string | undefined) => {
      const { runInit } = await import('./init-command');
      done(runInit(folder));
    });

  const build = program
    .command('build')
    .description('build decks into the output folder (default: every deck under slides/)')
    .argument('[inputs...]', 'deck files (.md) or folders of chapter files')
    .option('-o, --out <dir>', 'output folder', DEFAULTS.outDir)
    .option('--force', 'replace an output folder that is not empty and was not made by deckhand build (never one holding sources)')
    .option('--strict', 'fail on warnings too (a missing image, say), not only on errors')
    .option('--verbose', "print each deck's settings and where each came from (a flag, reveal-md.json, the front matter, the defaults)");
  lookOptions(engineOptions(build, 'to draw diagrams')).action(async (inputs: string[], flags: BuildFlags) => {
    const { runBuild } = await import('./build-command');
    done(await runBuild(inputs, flags));
  });

  const dev = program
    .command('dev')
    .description('serve decks with live preview (default: every deck under slides/)')
    .argument('[inputs...]', 'deck files (.md) or folders of chapter files')
    .option('--open', 'open the first deck in your browser');
  lookOptions(engineOptions(serveOptions(dev, 'address to listen on'), 'to draw diagrams')).action(async (inputs: string[], flags: DevFlags) => {
    const { runDev } = await import('./dev-command');
    done(await runDev(inputs, flags));
  });

  const exportCommand = program
    .command('export')
    .description('export one deck as a single offline HTML file or a PDF')
    .argument('<deck>', 'deck file (.md) or folder of chapter files')
    .option('-f, --format <format>', 'html or pdf (default: from the -o extension, else html)')
    .option('-o, --out <file>', 'output file (default: <deck name>.<format> in the current folder)')
    .option('--fragments', 'PDF: one page per fragment step, not one per slide with every fragment shown')
    .option('--notes', 'PDF handout: a page of speaker notes after each slide that has notes (after its last step with --fragments)')
    .option('--force', 'overwrite an existing file that deckhand export did not write (never a source file)');
  lookOptions(engineOptions(exportCommand, 'to print PDFs and draw diagrams (--no-chromium: HTML only)')).action(async (deck: string, flags: ExportFlags) => {
    const { runExport } = await import('./export-command');
    done(await runExport(deck, flags));
  });

  const check = program
    .command('check')
    .description('find overflowing slides, broken links and images, missing alt text, Mermaid errors, empty slides, duplicate slide ids')
    .argument('[inputs...]', 'deck files (.md) or folders of chapter files (default: every deck under slides/)')
    .option('--strict', 'fail (exit 1) on warnings too, not only on errors')
    .option('--json', 'print the findings as JSON on stdout, for CI');
  lookOptions(engineOptions(check, 'to measure slides and draw diagrams', { canSkip: false })).action(async (inputs: string[], flags: CheckFlags) => {
    const { runCheck } = await import('./check-command');
    done(await runCheck(inputs, flags));
  });

  const present = program
    .command('present')
    .description('give a talk: speaker view, phone remote, and audience devices that follow your slides')
    .argument('[deck]', 'deck file (.md) or folder of chapter files (default: the only deck under slides/)')
    .option('--new-session', 'start over: a new presenter token and the first slide, even right after a restart');
  lookOptions(engineOptions(serveOptions(present, "address to listen on; 0.0.0.0 (or this machine's address) lets the room join"), 'to draw diagrams')).action(
    async (deck: string | undefined, flags: PresentFlags) => {
      const { runPresent } = await import('./present-command');
      done(await runPresent(deck, flags));
    },
  );
}
