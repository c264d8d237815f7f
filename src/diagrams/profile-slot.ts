import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Render profiles kept side by side, so that several Deckhand processes at once each find one. */
const SLOTS = 4;

/**
 * A render profile folder no running Chromium holds, under `base`, or undefined when every one
 * is taken. Chromium refuses a profile another instance has open (and says so only after
 * starting, 0.2 s later): its lock is a symlink to `host-pid`, read here first.
 */
export function freeProfileSlot(base: string, isAlive: (pid: number) => boolean = processAlive): string | undefined {
  for (let i = 0; i < SLOTS; i++) {
    const dir = path.join(base, `profile-${i}`);
    if (!heldBy(dir, isAlive)) return dir;
  }
  return undefined;
}

function heldBy(dir: string, isAlive: (pid: number) => boolean): boolean {
  let target: string;
  try {
    target = fs.readlinkSync(path.join(dir, 'SingletonLock'));
  } catch {
    return false;
  }
  const m = /^(.*)-(\d+)$/.exec(target);
  // Another machine's lock (a shared home folder) cannot be checked: leave that profile alone.
  if (!m || m[1] !== os.hostname()) return true;
  return isAlive(Number(m[2]));
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
