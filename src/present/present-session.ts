import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../write/write-file-atomic';
import type { LiveState } from './position';
import { isWellFormedToken } from './presenter-token';

/**
 * A talk as it survives a restart of the server: the same token (open speaker and remote
 * pages keep driving), the live position (followers come back to it) and the timer.
 */
export interface PresentSession {
  token: string;
  live: LiveState;
  /** When the talk's timer started, by the server's clock. */
  startedAt?: number;
  /** Last change: a session left alone for too long is a new talk, not a restart. */
  savedAt: number;
}

export function sessionFile(cacheDir: string, deckName: string): string {
  return path.join(cacheDir, 'present', `${encodeURIComponent(deckName)}.json`);
}

/** The saved session if it is well formed and was saved less than `maxAgeMs` ago. */
export function loadSession(file: string, now: number, maxAgeMs: number): PresentSession | undefined {
  let data: Partial<PresentSession>;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
  const live = data.live;
  const valid =
    isWellFormedToken(data.token) &&
    typeof data.savedAt === 'number' &&
    !!live &&
    Number.isInteger(live.version) &&
    [live.position?.h, live.position?.v, live.position?.f].every((n) => Number.isInteger(n) && (n as number) >= -1);
  if (!valid || now - data.savedAt! > maxAgeMs || data.savedAt! > now) return undefined;
  return { token: data.token!, live: live!, startedAt: typeof data.startedAt === 'number' ? data.startedAt : undefined, savedAt: data.savedAt! };
}

/** Written beside the target and renamed over it, readable by the owner only: it holds the token. */
export function saveSession(file: string, session: PresentSession): void {
  writeFileAtomic(file, JSON.stringify(session), { mode: 0o600 });
}
