import { resolveBuildOptions } from '../build-options';
import type { BuildOptions } from '../options';

/** How `deckhand present` runs; every field has its default in `defaultPresentOptions`. */
export interface PresentOptions extends Pick<BuildOptions, 'root' | 'chromium' | 'cacheDir' | 'log'> {
  /** The deck: a `.md` file or a folder of chapter files; empty means the only deck under `slides/`. */
  input?: string;
  /** Port to listen on; when it is the default and taken, the next free one is used. */
  port: number;
  /** Address to listen on. Loopback keeps the talk on this machine; `0.0.0.0` or a LAN address lets the room join. */
  host: string;
  /** Pick up the saved session (token, slide, timer) when it was last used less than this long ago. 0: always start anew. */
  resumeWithinMs: number;
}

export const DEFAULT_PRESENT_PORT = 3030;

export function defaultPresentOptions(root = process.cwd()): PresentOptions {
  const build = resolveBuildOptions({ root });
  return {
    root: build.root,
    chromium: build.chromium,
    cacheDir: build.cacheDir,
    log: build.log,
    port: DEFAULT_PRESENT_PORT,
    host: '127.0.0.1',
    // A crash or a restart mid-talk comes back within minutes; a rehearsal this morning is another talk.
    resumeWithinMs: 60 * 60 * 1000,
  };
}

/** Precedence, lowest first: these defaults < the caller's (CLI flags or API) options. */
export function resolvePresentOptions(overrides: Partial<PresentOptions> = {}): Readonly<PresentOptions> & { portIsDefault: boolean } {
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) as Partial<PresentOptions>;
  const base = defaultPresentOptions(overrides.root);
  const merged = { ...base, ...defined, root: base.root, portIsDefault: defined.port === undefined };
  merged.cacheDir = resolveBuildOptions({ root: base.root, cacheDir: merged.cacheDir }).cacheDir;
  return Object.freeze(merged);
}
