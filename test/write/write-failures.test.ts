import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyFixture, snapshotTree } from '../helpers/fixtures';

const CLI = path.resolve(__dirname, '..', '..', 'bin', 'deckhand.js');
const isRoot = process.getuid?.() === 0;

/**
 * Runs the CLI as a user that permissions apply to: root ignores them, so as root the build
 * runs as `nobody` (the project is handed to that user first).
 */
function deckhandAs(cwd: string, ...args: string[]) {
  const command = isRoot ? ['runuser', '-u', 'nobody', '--', process.execPath, CLI, ...args] : [process.execPath, CLI, ...args];
  return spawnSync(command[0], command.slice(1), { cwd, encoding: 'utf8', env: { ...process.env, DECKHAND_CHROMIUM: '/nonexistent' } });
}

function leftovers(root: string): string[] {
  return fs.readdirSync(root).filter((f) => f.includes('.tmp-') || f.includes('.old-'));
}

describe('a build that cannot write its output', () => {
  it('read-only dist/: one line naming it, exit 2, dist/ unchanged, nothing left behind', () => {
    const root = copyFixture('basic');
    if (isRoot) spawnSync('chown', ['-R', 'nobody', root]);
    expect(deckhandAs(root, 'build', '--no-chromium').status).toBe(0);
    const dist = path.join(root, 'dist');
    const before = snapshotTree(dist);
    fs.appendFileSync(path.join(root, 'slides/basic/01-intro.md'), '\n---\n\n# Added\n');
    spawnSync('chmod', ['-R', 'a-w', dist]);
    try {
      const r = deckhandAs(root, 'build', '--no-chromium');
      expect(r.status).toBe(2);
      const lines = r.stderr.trim().split('\n').filter((l) => !l.includes('diagram rendering in Chromium is off'));
      expect(lines).toEqual(['deckhand: cannot write the build to dist: permission denied (EACCES); give your user access to it (see `ls -l`, `chmod`) and run again; the previous output is unchanged']);
      expect(snapshotTree(dist)).toEqual(before);
      expect(leftovers(root)).toEqual([]);
    } finally {
      spawnSync('chmod', ['-R', 'u+w', dist]);
    }
  });

  // A full disk needs a small file system of its own: a tmpfs, which only root may mount.
  const mountPoint = fs.mkdtempSync(path.join(os.tmpdir(), 'deckhand-full-'));
  const mounted = isRoot && spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', mountPoint]).status === 0;
  afterAll(() => {
    if (mounted) spawnSync('umount', [mountPoint]);
    fs.rmSync(mountPoint, { recursive: true, force: true });
  });
  if (!mounted) console.warn('deckhand tests: the full-disk test is skipped: it needs root to mount a 3 MiB tmpfs');

  it.runIf(mounted)('full disk: one line naming the output, exit 2, no half-written dist/', () => {
    fs.cpSync(path.join(__dirname, '..', 'fixtures', 'basic'), mountPoint, { recursive: true });
    fs.writeFileSync(path.join(mountPoint, 'images', 'big.png'), Buffer.alloc(1_600_000, 7));
    fs.appendFileSync(path.join(mountPoint, 'slides/basic/01-intro.md'), '\n---\n\n![Big](../../images/big.png)\n');
    const r = spawnSync(process.execPath, [CLI, 'build', '--chromium', '/nonexistent'], { cwd: mountPoint, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('deckhand: cannot write the build to dist: no space left on the device (ENOSPC); free some disk space and run again; nothing was written');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(fs.existsSync(path.join(mountPoint, 'dist'))).toBe(false);
    expect(leftovers(mountPoint)).toEqual([]);
  });
});

describe('an image the build cannot reach', () => {
  it('says it cannot be read (a permission), not that it is missing', () => {
    const root = copyFixture('basic');
    fs.mkdirSync(path.join(root, 'locked'));
    fs.writeFileSync(path.join(root, 'locked', 'a.png'), 'png');
    fs.appendFileSync(path.join(root, 'slides/basic/01-intro.md'), '\n---\n\n![Locked](../../locked/a.png)\n');
    if (isRoot) spawnSync('chown', ['-R', 'nobody', root]);
    fs.chmodSync(path.join(root, 'locked'), 0o000);
    try {
      const r = deckhandAs(root, 'build', '--no-chromium');
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/01-intro\.md:\d+:1: error: image \.\.\/\.\.\/locked\/a\.png cannot be read: permission denied; check its permissions \[unreadable-file\]/);
    } finally {
      fs.chmodSync(path.join(root, 'locked'), 0o755);
    }
  });
});
