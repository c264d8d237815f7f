import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSession, saveSession, sessionFile } from '../../src/present/present-session';
import { createPresenterToken } from '../../src/present/presenter-token';
import { makeProject } from '../helpers/fixtures';

describe('present sessions', () => {
  const dir = makeProject({});
  const file = sessionFile(path.join(dir, '.cache'), 'my talk');
  const session = { token: createPresenterToken(), live: { position: { h: 3, v: 1, f: 0 }, version: 12 }, startedAt: 1000, savedAt: 50_000 };

  it('saves readable by the owner only and loads back while recent', () => {
    saveSession(file, session);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(loadSession(file, 60_000, 3_600_000)).toEqual(session);
  });

  it('forgets a session older than the resume window, or from the future', () => {
    expect(loadSession(file, 50_000 + 3_600_001, 3_600_000)).toBeUndefined();
    expect(loadSession(file, 10_000, 3_600_000)).toBeUndefined();
  });

  it('ignores a missing, broken or tampered file', () => {
    expect(loadSession(path.join(dir, 'none.json'), 60_000, 3_600_000)).toBeUndefined();
    fs.writeFileSync(file, '{');
    expect(loadSession(file, 60_000, 3_600_000)).toBeUndefined();
    fs.writeFileSync(file, JSON.stringify({ ...session, token: 'short' }));
    expect(loadSession(file, 60_000, 3_600_000)).toBeUndefined();
    fs.writeFileSync(file, JSON.stringify({ ...session, live: { position: { h: 'x', v: 0, f: 0 }, version: 1 } }));
    expect(loadSession(file, 60_000, 3_600_000)).toBeUndefined();
  });
});
