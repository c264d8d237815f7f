import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { listen } from '../../src/server/listen';

describe('listen', () => {
  const servers: http.Server[] = [];
  const server = () => {
    const s = http.createServer();
    servers.push(s);
    return s;
  };
  afterEach(() => servers.splice(0).forEach((s) => s.close()));

  it('moves to the next free port when the default one is taken, leaving no error listener behind', async () => {
    const first = await listen(server(), 0, '127.0.0.1', false);
    const second = server();
    const port = await listen(second, first, '127.0.0.1', true);
    expect(port).toBeGreaterThan(first);
    expect(second.listenerCount('error')).toBe(0);
  });

  it('fails on a taken port the user asked for', async () => {
    const first = await listen(server(), 0, '127.0.0.1', false);
    const second = server();
    await expect(listen(second, first, '127.0.0.1', false)).rejects.toMatchObject({ code: 'EADDRINUSE' });
    expect(second.listenerCount('error')).toBe(0);
  });
});
