import path from 'node:path';
import { refuseProjectFile } from '../project-files';

/** What the render stage may ask of the file system; tests pass an in-memory one. */
export interface ResolveContext {
  /** Project root: a reference starting with `/` is resolved from here. */
  root: string;
  exists(file: string): boolean;
  readText(file: string): string | undefined;
  /** When `exists` says no: why, if the file may be there but cannot be reached (a permission, a link loop). */
  unreachable?(file: string): string | undefined;
  /** The file with symlinks resolved; the identity when absent (in-memory tests). */
  realPath?(file: string): string | undefined;
  /** Real paths of the project root and cache, for the rule of what a deck may use; see project-files.ts. */
  bounds?: { root: string; cacheDir?: string };
}

export type Reference =
  | { kind: 'remote'; href: string }
  | { kind: 'local'; path: string }
  | { kind: 'missing'; href: string; tried: string }
  /** A file that exists but may not leave the machine inside a deck (outside the project, hidden, the cache). */
  | { kind: 'refused'; href: string; reason: string }
  /** A file that may be there but cannot be reached: a permission, a link loop. */
  | { kind: 'unreadable'; href: string; reason: string };

/**
 * Resolves an image or diagram reference: relative to the Markdown file that holds it,
 * or from the project root when it starts with `/`. URLs and data: URIs are left alone.
 */
export function resolveReference(href: string, fromFile: string, ctx: ResolveContext): Reference {
  if (/^([a-z][a-z0-9+.-]*:|\/\/|#)/i.test(href)) return { kind: 'remote', href };
  // A Windows-style path (`.\\assets\\pic.png`, as reveal-md decks written on Windows have) means the same file.
  const clean = decodeURIComponentSafe(href.replace(/[?#].*$/, '')).replace(/\\/g, '/');
  const file = clean.startsWith('/') ? path.join(ctx.root, clean) : path.resolve(path.dirname(fromFile), clean);
  if (ctx.exists(file)) {
    const real = ctx.realPath ? ctx.realPath(file) : file;
    const reason = real ? refuseProjectFile(real, ctx.bounds ?? { root: ctx.root }) : undefined;
    if (reason || !real) return { kind: 'refused', href, reason: reason ?? 'it cannot be read' };
    return { kind: 'local', path: file };
  }
  const why = ctx.unreachable?.(file);
  if (why) return { kind: 'unreadable', href, reason: why };
  return { kind: 'missing', href, tried: path.relative(ctx.root, file) || file };
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
