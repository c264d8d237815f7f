import { Command, InvalidArgumentError } from 'commander';
import { runBuild } from './build-command';

/**
 * The command line: arguments → options → the API → exit codes. Nothing else lives here.
 * Exit codes: 0 success, 1 errors in the decks, 2 misuse or a failure of the tool itself.
 */
const program = new Command()
  .name('deckhand')
  .description('Markdown + Mermaid → reveal.js decks')
  .showHelpAfterError()
  .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2));

program
  .command('build')
  .description('build decks into the output folder (default: every deck under slides/)')
  .argument('[inputs...]', 'deck files (.md) or folders of chapter files')
  .option('-o, --out <dir>', 'output folder', 'dist')
  .option('--chromium <path>', 'Chromium used to render diagrams (env DECKHAND_CHROMIUM)')
  .option('--no-chromium', 'do not start Chromium; diagrams render in the viewer\'s browser')
  .action(async (inputs: string[], opts: { out: string; chromium?: string | boolean }) => {
    process.exitCode = await runBuild(inputs, opts);
  });

export function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('a port is a whole number from 0 to 65535');
  return n;
}

await program.parseAsync(process.argv);
