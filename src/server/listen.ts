import type http from 'node:http';

/** Listens on `port`, or when `tryNext` is set and it is taken, on one of the next 20; resolves to the port. */
export function listen(server: http.Server, port: number, host: string, tryNext: boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    let current = port;
    const onError = (e: NodeJS.ErrnoException) => {
      if (e.code === 'EADDRINUSE' && tryNext && current < port + 20) server.listen(++current, host);
      else {
        server.off('error', onError);
        reject(e);
      }
    };
    // One listener for every attempt, removed once listening: later server errors are the caller's.
    server.on('error', onError);
    server.once('listening', () => {
      server.off('error', onError);
      resolve((server.address() as { port: number }).port);
    });
    server.listen(current, host);
  });
}
