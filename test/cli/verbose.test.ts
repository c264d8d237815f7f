import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, makeProject } from '../helpers/fixtures';

const CLI = path.resolve(__dirname, '..', '..', 'bin', 'deckhand.js');

describe('deckhand build --verbose', () => {
  it('says where each deck setting came from: a flag, reveal-md.json, the front matter or the defaults', () => {
    const root = makeProject({});
    fs.cpSync(path.join(FIXTURES, 'reveal-md'), root, { recursive: true });
    const r = spawnSync(process.execPath, [CLI, 'build', 'talk', '--no-chromium', '--verbose', '--theme', 'white'], { cwd: root, encoding: 'utf8', env: { ...process.env, DECKHAND_CACHE_DIR: path.join(root, '.cache') } });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('  theme = "white"  (--theme)');
    expect(r.stderr).toMatch(/ {2}separator = .*\(talk\/reveal-md\.json:2\)/);
    expect(r.stderr).toMatch(/ {2}title = .*\(talk\/slides\.md:2\)/);
    expect(r.stderr).toContain('  highlightTheme = "zenburn"  (defaults (reveal-md))');
  });
});
