import fs from 'node:fs';

/**
 * `deckhand talk.md` (or a folder) means "preview this deck", as `reveal-md talk.md` and
 * `slidev` do: when the first argument is not a command but an existing path, the argument
 * list becomes `deckhand dev talk.md …`, flags included. A word that is neither stays an
 * unknown command, and no arguments still print the help.
 */
export function withDefaultCommand(argv: readonly string[], commands: readonly string[], exists: (path: string) => boolean = fs.existsSync): string[] {
  const first = argv[2];
  if (first === undefined || first.startsWith('-') || commands.includes(first) || !exists(first)) return [...argv];
  return [...argv.slice(0, 2), 'dev', ...argv.slice(2)];
}
