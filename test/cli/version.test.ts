import { createRequire } from 'node:module';
import { describe, expect, it, vi } from 'vitest';
import { run } from '../../src/cli/main';

const nodeRequire = createRequire(import.meta.url);
const versionOf = (name: string) => (nodeRequire(`${name}/package.json`) as { version: string }).version;

describe('deckhand --version', () => {
  it.each(['--version', '-v'])('%s prints Deckhand, reveal.js and mermaid versions and exits 0', async (flag) => {
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(await run(['node', 'deckhand', flag])).toBe(0);
      const own = (nodeRequire('../../package.json') as { version: string }).version;
      expect(out.mock.calls.flat().join('')).toBe(`deckhand ${own} (reveal.js ${versionOf('reveal.js')}, mermaid ${versionOf('mermaid')})\n`);
    } finally {
      out.mockRestore();
    }
  });
});
