import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freeProfileSlot } from '../../src/diagrams/profile-slot';
import { makeProject } from '../helpers/fixtures';

/** Chromium's lock on a profile: a symlink named SingletonLock pointing at `host-pid`. */
function lock(base: string, slot: number, target: string): void {
  fs.mkdirSync(path.join(base, `profile-${slot}`), { recursive: true });
  fs.symlinkSync(target, path.join(base, `profile-${slot}`, 'SingletonLock'));
}

describe('render profile slots', () => {
  it('takes the first profile no running Chromium holds, and none when all are held', () => {
    const base = path.join(makeProject({}), 'profiles');
    expect(freeProfileSlot(base)).toBe(path.join(base, 'profile-0'));
    const alive = new Set([101, 102]);
    lock(base, 0, `${os.hostname()}-101`);
    lock(base, 1, `${os.hostname()}-999`); // left behind by a Chromium that crashed
    expect(freeProfileSlot(base, (pid) => alive.has(pid))).toBe(path.join(base, 'profile-1'));
    lock(base, 2, `${os.hostname()}-102`);
    lock(base, 3, 'another-machine-5'); // a shared home folder: cannot tell, left alone
    expect(freeProfileSlot(base, (pid) => alive.has(pid))).toBe(path.join(base, 'profile-1'));
    alive.add(999);
    expect(freeProfileSlot(base, (pid) => alive.has(pid))).toBeUndefined();
  });
});
