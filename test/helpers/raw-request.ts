import net from 'node:net';

/** Sends a request byte for byte: a client that normalises paths would prove nothing. */
export function rawRequest(port: number, lines: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(lines.join('\r\n') + '\r\n\r\n'));
    let data = '';
    socket.on('data', (d) => (data += d));
    socket.on('end', () => resolve(data));
    socket.on('error', reject);
    setTimeout(() => socket.destroy(), 3000);
  });
}

/** A WebSocket handshake on the deck channel from another site's page: must get 403. */
export function foreignOriginUpgrade(port: number): Promise<string> {
  return rawRequest(port, [
    'GET /_deckhand/ws HTTP/1.1',
    `Host: 127.0.0.1:${port}`,
    'Origin: http://evil.example',
    'Upgrade: websocket',
    'Connection: Upgrade',
    'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
    'Sec-WebSocket-Version: 13',
  ]);
}
