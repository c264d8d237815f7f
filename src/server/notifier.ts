import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ServerMessage } from '../protocol/dev-messages';

export const SOCKET_PATH = '/_deckhand/ws';

/**
 * Pushes typed messages to every open page over one WebSocket each. The dev server sends
 * `ServerMessage`s; the presenter server sends its own union over the same channel, and is
 * handed each socket on connect so it can listen to what drivers send back.
 */
export class Notifier<M = ServerMessage> {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  private readonly clients = new Set<WebSocket>();

  constructor(private readonly onConnect: (send: (m: M) => void, socket: WebSocket) => void) {}

  /** Takes over an HTTP upgrade already checked by the caller (path, Host and Origin). */
  accept(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      this.clients.add(ws);
      ws.on('close', () => this.clients.delete(ws));
      ws.on('error', () => this.clients.delete(ws));
      this.onConnect((m) => ws.send(JSON.stringify(m)), ws);
    });
  }

  broadcast(message: M): void {
    const data = JSON.stringify(message);
    for (const ws of this.clients) if (ws.readyState === ws.OPEN) ws.send(data);
  }

  get size(): number {
    return this.clients.size;
  }

  close(): void {
    for (const ws of this.clients) ws.terminate();
    this.wss.close();
  }
}
