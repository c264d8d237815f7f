#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../lib/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  console.error('deckhand: lib/ is missing; run `npm install` (it compiles Deckhand) and try again');
  process.exit(2);
}
const { run } = await import(cli.href);
process.exitCode = await run(process.argv);
