import type { PresentMessage } from '../protocol/present-messages';

/** What the fan-out needs of a socket: `ws`'s WebSocket has it, and so does a test's fake. */
export interface FollowerSocket {
  readonly readyState: number;
  readonly OPEN: number;
  /** Bytes accepted by `send` and not yet handed to the operating system. */
  readonly bufferedAmount: number;
  send(data: Buffer, options: { binary: false }, done?: (err?: Error) => void): void;
}

/**
 * Sends the live position to every follower, serialised once per move, so a room of thousands
 * costs one write per socket and nothing more. A follower that stops reading (a phone in a pocket,
 * a dead Wi-Fi link not yet noticed) must not hold memory for every move it missed: once a write
 * to it is queued, it gets no more until that write is flushed, and then only the latest position.
 * Positions carry their version and replace each other, so a skipped one is never needed.
 */
export class FanOut {
  /** Followers with a write queued; `behind` when a newer position was skipped meanwhile. */
  private readonly queued = new WeakMap<FollowerSocket, { behind: boolean }>();
  private latest?: Buffer;

  /** Sends the live position to every open socket (the bytes are made once, not per socket). */
  broadcast(sockets: Iterable<FollowerSocket>, message: PresentMessage & { type: 'position' }): void {
    const data = Buffer.from(JSON.stringify(message));
    this.latest = data;
    for (const ws of sockets) this.deliver(ws, data);
  }

  private deliver(ws: FollowerSocket, data: Buffer): void {
    if (ws.readyState !== ws.OPEN) return;
    const queued = this.queued.get(ws);
    if (queued) {
      queued.behind = true;
      return;
    }
    // The usual case: the last write went straight to the kernel. No callback, no allocation.
    if (ws.bufferedAmount === 0) {
      ws.send(data, { binary: false });
      return;
    }
    // A queue is forming: send this one and hear when it leaves; skip the rest until then.
    const state = { behind: false };
    this.queued.set(ws, state);
    ws.send(data, { binary: false }, () => {
      this.queued.delete(ws);
      if (state.behind && this.latest) this.deliver(ws, this.latest);
    });
  }
}
