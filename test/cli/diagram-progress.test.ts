import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagramProgress } from '../../src/cli/diagram-progress';
import { CHROMIUM, hasChromium } from '../helpers/chromium';
import { CLI, runDeckhand } from '../helpers/cli-build';
import { makeProject } from '../helpers/fixtures';

function stream(isTTY: boolean) {
  const written: string[] = [];
  return { written, isTTY, columns: 80, write: (s: string) => written.push(s) };
}

describe('the progress line for diagrams being drawn', () => {
  it('shows the count and the current file on a terminal, redrawn in place, and clears itself at the end', () => {
    const tty = stream(true);
    const onDrawn = diagramProgress(tty, '/p')!;
    onDrawn({ done: 1, total: 3, file: '/p/diagrams/engine.mmd' });
    onDrawn({ done: 2, total: 3, file: '/p/slides/deck/02.md' });
    onDrawn({ done: 3, total: 3, file: '/p/diagrams/net.mmd' });
    expect(tty.written).toEqual(['\rdeckhand: drawing diagrams 1/3 diagrams/engine.mmd\x1b[K', '\rdeckhand: drawing diagrams 2/3 slides/deck/02.md\x1b[K', '\r\x1b[K']);
  });

  it('says nothing when the output is not a terminal', () => {
    expect(diagramProgress(stream(false), '/p')).toBeUndefined();
  });
});

describe.skipIf(!hasChromium())('deckhand build on a terminal', () => {
  it('counts the diagrams it draws on one line, then clears it before its summary; piped, it prints no such line', () => {
    const root = makeProject({ 'slides/talk.md': '# Two diagrams\n\n```mermaid\nflowchart LR\n  A --> B\n```\n\n---\n\n```mermaid\nflowchart LR\n  C --> D\n```\n' });
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} build --chromium ${JSON.stringify(CHROMIUM)}`;
    // `script` gives the command a terminal and copies what it writes there.
    const env = (cache: string) => ({ DECKHAND_RENDER_PROFILE: 'off', DECKHAND_CACHE_DIR: path.join(root, cache) });
    const tty = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env('cache-tty') } });
    expect(tty.status).toBe(0);
    const ESC = String.fromCharCode(27);
    expect(tty.stdout).toContain(`\rdeckhand: drawing diagrams 1/2 slides/talk.md${ESC}[K`);
    expect(tty.stdout).toContain(`\r${ESC}[Kdeckhand: talk: 2 slides`);
    // An empty cache again: the piped build draws both diagrams too.
    const piped = runDeckhand(root, ['build', '--chromium', CHROMIUM], env('cache-piped'));
    expect(piped.status).toBe(0);
    expect(fs.readdirSync(path.join(root, 'cache-piped')).filter((f) => f.endsWith('.svg'))).toHaveLength(2);
    expect(piped.stderr).not.toContain('drawing diagrams');
  });
});
