import { isLoopbackHost, isWildcardHost } from '../server/host-names';

/** The links of a talk: one for the room, two (with the token) for the presenter. */
export interface PresentUrls {
  audience: string;
  speaker: string;
  remote: string;
  /** Whether other devices can reach the audience link (the server is not on loopback only). */
  shared: boolean;
}

export const SPEAKER_PATH = '/_deckhand/speaker';
export const REMOTE_PATH = '/_deckhand/remote';
/** The deck inside the speaker view and the remote: sandboxed, self-contained (see frame-page.ts). */
export const FRAME_PATH = '/_deckhand/frame.html';

/**
 * The links for a server on `host`. The speaker view runs on this machine, so it uses loopback
 * when it can; the audience and the phone need an address of this machine on the network:
 * the one given, or for a wildcard host the first of `lanAddresses`.
 */
export function presentUrls(host: string, port: number, deck: string, token: string, lanAddresses: readonly string[]): PresentUrls {
  const origin = (h: string) => `http://${h.includes(':') && !h.startsWith('[') ? `[${h}]` : h}:${port}`;
  const local = isLoopbackHost(host) || isWildcardHost(host) ? origin(isLoopbackHost(host) ? host : '127.0.0.1') : origin(host);
  const roomHost = isWildcardHost(host) ? lanAddresses[0] : isLoopbackHost(host) ? undefined : host;
  const room = roomHost ? origin(roomHost) : local;
  return {
    audience: `${room}/${encodeURIComponent(deck)}/`,
    speaker: `${local}${SPEAKER_PATH}#token=${token}`,
    remote: `${room}${REMOTE_PATH}#token=${token}`,
    shared: !!roomHost,
  };
}
