import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withDefaultCommand } from '../../src/cli/default-command';
import { runDeckhand } from '../helpers/cli-build';
import { makeProject } from '../helpers/fixtures';
import { serveCli } from '../helpers/serve-cli';

const COMMANDS = ['init', 'build', 'dev', 'export', 'check', 'present', 'help'];

describe('deckhand <file.md>', () => {
  it('means `deckhand dev <file.md>` for an existing path that is not a command', () => {
    const exists = (p: string) => ['talk.md', 'slides/a', 'build'].includes(p);
    expect(withDefaultCommand(['node', 'deckhand', 'talk.md', '--port', '0'], COMMANDS, exists)).toEqual(['node', 'deckhand', 'dev', 'talk.md', '--port', '0']);
    expect(withDefaultCommand(['node', 'deckhand', 'slides/a'], COMMANDS, exists)).toEqual(['node', 'deckhand', 'dev', 'slides/a']);
    expect(withDefaultCommand(['node', 'deckhand', 'build'], COMMANDS, exists)).toEqual(['node', 'deckhand', 'build']);
    expect(withDefaultCommand(['node', 'deckhand', 'nothing.md'], COMMANDS, exists)).toEqual(['node', 'deckhand', 'nothing.md']);
    expect(withDefaultCommand(['node', 'deckhand', '--help'], COMMANDS, exists)).toEqual(['node', 'deckhand', '--help']);
    expect(withDefaultCommand(['node', 'deckhand'], COMMANDS, exists)).toEqual(['node', 'deckhand']);
  });

  it('keeps help for no arguments and "unknown command" for a word that is no path', () => {
    const cwd = makeProject({ 'talk.md': '# Talk' });
    const none = runDeckhand(cwd, []);
    expect(none.stdout + none.stderr).toMatch(/Usage: deckhand[\s\S]*init \[folder\][\s\S]*`deckhand <deck.md \| folder>` previews that deck/);
    const unknown = runDeckhand(cwd, ['tlak.md']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'tlak.md'");
  });

  it('serves the deck with live preview and stops with exit 0 on Ctrl+C', async () => {
    const root = makeProject({ 'talk.md': '# Hello from a single file\n\nNote: notes' });
    const dev = await serveCli(root, ['talk.md', '--port', '0', '--no-chromium'], { DECKHAND_CACHE_DIR: path.join(root, '.cache') });
    try {
      const page = await fetch(`${dev.url}talk/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Hello from a single file');
    } finally {
      dev.interrupt();
    }
    expect(await dev.exited, dev.stderr()).toBe(0);
  });
});
