import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULTS } from '../options';

/**
 * Where Deckhand keeps its caches for a project: in the project's `node_modules/.cache/deckhand`
 * when the project is a Node project (the convention bundlers follow, and `npm ci` clears it),
 * otherwise in the user's cache folder, one subfolder per project, so previewing a lone
 * `talk.md` never litters its folder with `node_modules/`.
 */
export function defaultCacheDir(root: string, env: Record<string, string | undefined> = process.env, platform: NodeJS.Platform = process.platform): string {
  if (fs.existsSync(path.join(root, 'package.json'))) return path.join(root, DEFAULTS.cacheDir);
  const project = `${path.basename(root).replace(/[^\w.-]+/g, '-') || 'root'}-${createHash('sha256').update(root).digest('hex').slice(0, 10)}`;
  return path.join(userCacheFolder(env, platform), 'deckhand', project);
}

/** The platform's place for caches: XDG on Linux, ~/Library/Caches on macOS, LocalAppData on Windows. */
export function userCacheFolder(env: Record<string, string | undefined>, platform: NodeJS.Platform): string {
  const home = env.HOME || os.homedir();
  if (platform === 'darwin') return path.join(home, 'Library', 'Caches');
  if (platform === 'win32') return env.LOCALAPPDATA || path.join(home, 'AppData', 'Local');
  return env.XDG_CACHE_HOME || path.join(home, '.cache');
}

/**
 * Where the diagram renderer's Chromium keeps its profile (mermaid's compiled code) between runs:
 * in the user's cache folder, shared by every project, because it holds nothing of any deck and
 * must survive a project's cache being cleared. `DECKHAND_RENDER_PROFILE=off` runs without one.
 */
export function renderProfileBase(env: Record<string, string | undefined> = process.env, platform: NodeJS.Platform = process.platform): string | undefined {
  return sharedCacheFolder(env.DECKHAND_RENDER_PROFILE, 'render-profile', env, platform);
}

/** A cache every project shares: `off` goes without, a folder moves it, else `deckhand/<name>` in the user's cache folder. */
function sharedCacheFolder(set: string | undefined, name: string, env: Record<string, string | undefined>, platform: NodeJS.Platform): string | undefined {
  if (set === 'off') return undefined;
  return set || path.join(userCacheFolder(env, platform), 'deckhand', name);
}

/**
 * Where V8's compiled code for Deckhand's large CommonJS dependencies (Playwright) is kept between
 * runs (see code-cache.ts): in the user's cache folder, one subfolder per V8 version, whose code
 * no other version can use. `DECKHAND_CODE_CACHE=off` runs without it; set to a folder, it is kept there.
 */
export function codeCacheDir(env: Record<string, string | undefined> = process.env, platform: NodeJS.Platform = process.platform): string | undefined {
  const base = sharedCacheFolder(env.DECKHAND_CODE_CACHE, 'code-cache', env, platform);
  return base && path.join(base, `v8-${process.versions.v8}-${process.arch}`);
}
