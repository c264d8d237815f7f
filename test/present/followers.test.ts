import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPresentServer, type PresentServer } from '../../src/present/present-server';
import { makeProject } from '../helpers/fixtures';
import { foreignOriginUpgrade, rawRequest } from '../helpers/raw-request';
import { SimClient, SimDriver } from '../helpers/present-clients';
import { plainTalk } from '../helpers/present-deck';

const FOLLOWERS = 200;
const SLIDES = 30;

const until = async (test: () => boolean, what: string, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('deckhand present: 200 followers on loopback', () => {
  let root: string;
  let server: PresentServer;
  let followers: SimClient[];
  let driver: SimDriver;
  const logs: string[] = [];
  const start = (port = 0, resumeWithinMs?: number) =>
    startPresentServer({ root, input: 'slides/talk.md', port, chromium: false, cacheDir: path.join(root, '.cache'), resumeWithinMs, log: (l) => logs.push(l) });

  beforeAll(async () => {
    root = makeProject({ 'slides/talk.md': plainTalk(SLIDES) });
    server = await start();
    followers = Array.from({ length: FOLLOWERS }, () => new SimClient(server.port, true));
    await until(() => followers.every((f) => f.live), 'every follower to get the live position');
    driver = new SimDriver(server.port, server.token);
    expect((await driver.claim()).type).toBe('driver');
  });
  afterAll(async () => {
    for (const f of followers ?? []) f.close();
    driver?.close();
    await server?.close();
  });

  it('gives a connecting follower the live position at once', () => {
    for (const f of followers) expect(f.live).toEqual({ position: { h: 0, v: 0, f: -1 }, version: 0 });
  });

  it('delivers every position change to every follower, in order', async () => {
    const before = server.live().version;
    for (let h = 1; h <= 20; h++) expect((await driver.go({ h, v: 0, f: -1 })).type).toBe('accepted');
    await until(() => followers.every((f) => f.live?.version === before + 20), 'the last change everywhere');
    for (const f of followers) {
      const versions = f.received.flatMap((m) => (m.type === 'position' && m.version > before ? [m.version] : []));
      expect(versions).toEqual(Array.from({ length: 20 }, (_, i) => before + i + 1));
      expect(f.live?.position).toEqual({ h: 20, v: 0, f: -1 });
    }
  });

  it('refuses a forged command from a follower, a replayed one and one outside the deck, and moves no one', async () => {
    const live = server.live();
    const sneaky = followers[0];
    sneaky.send({ type: 'go', token: 'guessed-token-guessed-token-0000', seq: 1, position: { h: 2, v: 0, f: -1 } });
    expect(await sneaky.waitFor((m) => m.type === 'refused')).toMatchObject({ reason: 'token', seq: 1 });
    sneaky.send({ type: 'go', seq: 2, position: { h: 2, v: 0, f: -1 } });
    expect(await sneaky.waitFor((m) => m.type === 'refused' && m.seq === 2)).toMatchObject({ reason: 'invalid' });

    // A driver's own command sent again (same sequence number) is a replay.
    driver.send({ type: 'go', token: server.token, seq: driver.seq, position: { h: 3, v: 0, f: -1 } });
    expect(await driver.waitFor((m) => m.type === 'refused' && m.seq === driver.seq)).toMatchObject({ reason: 'replay' });
    expect(await driver.go({ h: SLIDES, v: 0, f: -1 })).toMatchObject({ type: 'refused', reason: 'invalid' });
    expect(await driver.go({ h: 0, v: 1, f: -1 })).toMatchObject({ type: 'refused', reason: 'invalid' });

    // Rather than waiting to see that nothing moves: one real move, and it must be the only one
    // every follower receives after the refused commands (each connection keeps its order).
    expect(server.live()).toEqual(live);
    const next = { h: live.position.h + 1, v: 0, f: -1 };
    expect((await driver.go(next)).type).toBe('accepted');
    await until(() => followers.every((f) => (f.live?.version ?? 0) >= live.version + 1), 'the next real move everywhere');
    for (const f of followers) {
      const moves = f.received.flatMap((m) => (m.type === 'position' && m.version > live.version ? [{ ...m.position, version: m.version }] : []));
      expect(moves).toEqual([{ ...next, version: live.version + 1 }]);
    }
    expect(logs.join('\n')).toContain('refused a command from a page without the presenter token');
  });

  it('brings a follower that lost its connection back to the live slide', async () => {
    const dropped = followers.slice(0, 20);
    const opened = dropped.map((f) => f.opened);
    for (const f of dropped) f.drop();
    for (let h = 21; h <= 25; h++) await driver.go({ h, v: 0, f: -1 });
    await until(() => dropped.every((f, i) => f.opened > opened[i]), 'dropped followers to reconnect');
    // "accepted" goes to the driver as the move goes out to the room: every follower, dropped or
    // not, is waited for (a busy machine may deliver to the ones that stayed last).
    await until(() => followers.every((f) => f.live?.position.h === 25), 'every follower to converge');
    for (const f of followers) expect(f.live?.position).toEqual({ h: 25, v: 0, f: -1 });
  });

  it('brings every follower back to the live slide after the server restarts, and keeps the token', async () => {
    await driver.go({ h: 7, v: 0, f: -1 });
    const live = server.live();
    const { port, token } = server;
    await server.close();
    await until(() => followers.every((f) => !f.isOpen), 'every follower to notice');
    server = await start(port);
    expect(server.token).toBe(token);
    expect(server.resumed).toEqual(live);
    await until(() => followers.every((f) => f.isOpen && f.live?.position.h === 7), 'every follower to come back to slide 8', 20_000);
    driver.close();
    driver = new SimDriver(server.port, token);
    expect((await driver.claim()).type).toBe('driver');
    await driver.go({ h: 8, v: 0, f: -1 });
    await until(() => followers.every((f) => f.live?.position.h === 8), 'the next change after the restart');
  });

  it('starts anew with a new token when resuming is off (--new-session)', async () => {
    const old = server.token;
    await server.close();
    server = await start(0, 0);
    expect(server.token).not.toBe(old);
    expect(server.resumed).toBeUndefined();
    expect(server.live()).toEqual({ position: { h: 0, v: 0, f: -1 }, version: 0 });
    const stale = new SimDriver(server.port, old);
    expect(await stale.claim()).toMatchObject({ type: 'refused', reason: 'token' });
    stale.close();
    const saved = JSON.parse(fs.readFileSync(path.join(root, '.cache/present/talk.json'), 'utf8'));
    expect(saved.token).toBe(server.token);
    expect(fs.statSync(path.join(root, '.cache/present/talk.json')).mode & 0o077).toBe(0);
  });

  it('answers only for its own host names and origins, and never puts the token in a page', async () => {
    const port = server.port;
    const rebinding = await rawRequest(port, ['GET /talk/ HTTP/1.1', 'Host: evil.example', 'Connection: close']);
    expect(rebinding).toMatch(/^HTTP\/1\.1 403/);
    const ws = await foreignOriginUpgrade(port);
    expect(ws).toMatch(/^HTTP\/1\.1 403/);
    for (const p of ['/talk/', '/_deckhand/speaker', '/_deckhand/remote', '/_deckhand/follow.js', '/_deckhand/speaker.js']) {
      const res = await rawRequest(port, [`GET ${p} HTTP/1.1`, `Host: 127.0.0.1:${port}`, 'Connection: close']);
      expect(res, p).toMatch(/^HTTP\/1\.1 200/);
      expect(res, p).not.toContain(server.token);
    }
    const traversal = await rawRequest(port, [`GET /talk/../../etc/hostname HTTP/1.1`, `Host: 127.0.0.1:${port}`, 'Connection: close']);
    expect(traversal).toMatch(/^HTTP\/1\.1 400/);
  });
});
