import { describe, expect, it } from 'vitest';
import { FanOut, type FollowerSocket } from '../../src/present/fan-out';

/**
 * A socket as the fan-out sees it. `stalled` models a follower that stopped reading: what is
 * sent stays queued (bufferedAmount grows) until `flush()`, as when the kernel's buffer is full.
 */
class FakeSocket implements FollowerSocket {
  readonly OPEN = 1;
  readyState = 1;
  bufferedAmount = 0;
  readonly received: number[] = [];
  private pending: Array<() => void> = [];
  constructor(private stalled = false) {}

  send(data: Buffer, _options: { binary: false }, done?: (err?: Error) => void): void {
    const version = (JSON.parse(data.toString()) as { version: number }).version;
    if (!this.stalled) {
      this.received.push(version);
      done?.();
      return;
    }
    this.bufferedAmount += data.byteLength;
    this.pending.push(() => {
      this.bufferedAmount -= data.byteLength;
      this.received.push(version);
      done?.();
    });
  }

  /** The follower reads again: everything queued is delivered, in order. */
  flush(): void {
    this.stalled = false;
    for (const f of this.pending.splice(0)) f();
  }
}

const move = (version: number) => ({ type: 'position' as const, position: { h: version, v: 0, f: -1 }, version });

describe('sending the live position to a room', () => {
  it('gives every reading follower every move, in order', () => {
    const fanOut = new FanOut();
    const room = Array.from({ length: 50 }, () => new FakeSocket());
    for (let v = 1; v <= 20; v++) fanOut.broadcast(room, move(v));
    for (const f of room) expect(f.received).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('holds at most two moves for a follower that stopped reading, then sends it the latest', () => {
    const fanOut = new FanOut();
    const stuck = new FakeSocket(true);
    const others = [new FakeSocket(), new FakeSocket()];
    for (let v = 1; v <= 100; v++) fanOut.broadcast([others[0], stuck, others[1]], move(v));
    // The others were not held back by the stuck one.
    for (const f of others) expect(f.received).toHaveLength(100);
    // Two writes queued for the stuck follower, not a hundred.
    expect(stuck.bufferedAmount).toBeLessThan(2 * Buffer.byteLength(JSON.stringify(move(100))) + 1);
    stuck.flush();
    expect(stuck.received).toEqual([1, 2, 100]);
  });

  it('skips closed sockets', () => {
    const fanOut = new FanOut();
    const closed = new FakeSocket();
    closed.readyState = 3;
    fanOut.broadcast([closed], move(1));
    expect(closed.received).toEqual([]);
  });
});
