import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from './package-root';

/**
 * The version of the mermaid browser bundle Deckhand ships, as scripts/bundle.mjs records it in
 * lib/runtime/mermaid.json. Read on demand: `deckhand --version` needs it, and importing the
 * diagrams module for it would load their palette code (culori) too.
 */
export function readMermaidVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(packageRoot(), 'lib', 'runtime', 'mermaid.json'), 'utf8')) as { version: string }).version;
}
