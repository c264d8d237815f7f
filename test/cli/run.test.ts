import { describe, expect, it, vi } from 'vitest';
import { run } from '../../src/cli/main';

describe('the CLI as a function', () => {
  it('importing it runs nothing; run(argv) returns the exit code instead of exiting', async () => {
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await run(['node', 'deckhand', '--help'])).toBe(0);
      expect(await run(['node', 'deckhand', 'no-such-command'])).toBe(2);
      expect(await run(['node', 'deckhand', 'build', '--no-such-flag'])).toBe(2);
      expect(String(err.mock.calls.flat().join(''))).toContain("unknown command 'no-such-command'");
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
  });
});
