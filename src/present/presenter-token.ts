import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The presenter token: a random secret in the speaker and remote links (after `#`, so it is
 * never sent in a request line or a Referer) that a page must send with every command.
 */
export function createPresenterToken(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * Constant-time comparison. Both sides are hashed first so they have the same length:
 * `timingSafeEqual` throws on unequal lengths, and an early length check would leak the length.
 */
export function isPresenterToken(candidate: unknown, token: string): boolean {
  if (typeof candidate !== 'string' || !token) return false;
  return timingSafeEqual(digest(candidate), digest(token));
}

/** A token read back from a session file is used only if it still looks like one we made. */
export function isWellFormedToken(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{32}$/.test(value);
}

function digest(s: string): Buffer {
  return createHash('sha256').update(s).digest();
}
