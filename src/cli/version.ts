import fs from 'node:fs';
import { createRequire } from 'node:module';
import { readMermaidVersion } from '../mermaid-version';
import { ownPackage } from '../package-root';

const nodeRequire = createRequire(import.meta.url);

/**
 * `deckhand --version`: Deckhand's own version and those of the engines it bundles into every
 * deck, since a deck looks and behaves as those versions make it:
 * `deckhand 0.1.0 (reveal.js 5.2.1, mermaid 11.17.2)`.
 */
export function versionLine(): string {
  const own = ownPackage().version;
  const reveal = readVersion(nodeRequire.resolve('reveal.js/package.json'));
  return `deckhand ${own} (reveal.js ${reveal}, mermaid ${readMermaidVersion()})`;
}

function readVersion(file: string): string {
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
}
