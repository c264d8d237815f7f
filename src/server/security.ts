/**
 * Request checks for the dev and presenter servers. They serve only files they have named
 * themselves (a lookup, never a path join), and on top of that refuse anything that looks
 * like an attempt to walk out of that set, so no guess can reach an author's other files.
 */

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/**
 * Host header check against DNS rebinding: only the names this server was started for.
 * `bound` may list several names: a server on every interface answers to each of its addresses.
 */
export function isAllowedHost(hostHeader: string | undefined, bound: string | readonly string[], port: number): boolean {
  if (!hostHeader) return false;
  const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(hostHeader.trim().toLowerCase());
  if (!m) return false;
  const [, name, p] = m;
  if (p !== undefined && Number(p) !== port) return false;
  if (LOOPBACK.has(name)) return true;
  const names = typeof bound === 'string' ? [bound] : bound;
  return names.some((b) => name === b.toLowerCase() || `[${b.toLowerCase()}]` === name);
}

/** WebSocket Origin check: a page of this server, nothing else (not even `null`). */
export function isAllowedOrigin(origin: string | undefined, bound: string | readonly string[], port: number): boolean {
  if (!origin) return false;
  try {
    const url = new URL(origin);
    if (url.protocol !== 'http:') return false;
    return isAllowedHost(url.host, bound, port);
  } catch {
    return false;
  }
}

/**
 * The raw request path, refused if it holds traversal in any spelling: `..`, encoded dots or
 * slashes (once or twice), backslashes, or NUL. Returns the decoded path, or null.
 */
export function safeRequestPath(rawUrl: string | undefined): string | null {
  // A fragment never belongs in a request line; a client that sends one is not a browser following a link.
  if (!rawUrl || !rawUrl.startsWith('/') || rawUrl.includes('#')) return null;
  const rawPath = rawUrl.split(/[?#]/)[0];
  if (/%(2e|2f|5c|00|25)/i.test(rawPath)) return null;
  if (/[\\\0]/.test(rawPath)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (decoded.split('/').some((part) => part === '..' || part === '.')) return null;
  if (/[\\\0]/.test(decoded) || decoded.includes('//')) return null;
  return decoded;
}
