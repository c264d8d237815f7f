import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { SOCKET_PATH } from './notifier';
import { isAllowedHost, isAllowedOrigin } from './security';

/**
 * Hands WebSocket upgrades to `accept` only on the channel's path, from a page of this server
 * (Host and Origin checked, against DNS rebinding and other sites' pages); refuses the rest.
 */
export function acceptSocketUpgrades(
  server: http.Server,
  hosts: readonly string[],
  port: () => number,
  accept: (req: http.IncomingMessage, socket: Duplex, head: Buffer) => void,
): void {
  server.on('upgrade', (req, socket, head) => {
    const ok = req.url === SOCKET_PATH && isAllowedHost(req.headers.host, hosts, port()) && isAllowedOrigin(req.headers.origin, hosts, port());
    if (ok) accept(req, socket, head);
    else socket.end('HTTP/1.1 403 Forbidden\r\nconnection: close\r\n\r\n');
  });
}
