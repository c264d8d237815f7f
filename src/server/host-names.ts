import os from 'node:os';

/** Which addresses a server binds and answers to; shared by `deckhand dev` and `deckhand present`. */

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export function isWildcardHost(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '[::]' || host === '';
}

/** This machine's network addresses, IPv4 first: what a phone in the room can reach. */
export function lanAddresses(): string[] {
  const all = Object.values(os.networkInterfaces()).flatMap((list) => list ?? []);
  const external = all.filter((a) => !a.internal && !(a.family === 'IPv6' && a.address.startsWith('fe80:')));
  return [...external.filter((a) => a.family === 'IPv4'), ...external.filter((a) => a.family === 'IPv6')].map((a) => a.address);
}

/** Names the server answers to (besides loopback): on a wildcard host, each of its addresses and its host name. */
export function allowedHostNames(host: string): string[] {
  if (!isWildcardHost(host)) return [host];
  const name = os.hostname().toLowerCase();
  return [...lanAddresses(), name, `${name}.local`];
}

/** The address to show for a server on `host`: a wildcard bind is reached on loopback from this machine. */
export function browsableOrigin(host: string, port: number): string {
  const h = isWildcardHost(host) ? '127.0.0.1' : host;
  return `http://${h.includes(':') && !h.startsWith('[') ? `[${h}]` : h}:${port}`;
}
