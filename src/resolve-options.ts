import path from 'node:path';
import { defaultCacheDir } from './cache/cache-location';
import { findChromium } from './diagrams/find-chromium';
import {
  DEFAULTS,
  defaultBuildFields,
  defaultCheckFields,
  defaultExportFields,
  defaultPresentFields,
  defaultServeFields,
  type BuildOptions,
  type CheckOptions,
  type CommonOptions,
  type DevOptions,
  type ExportOptions,
  type PresentOptions,
} from './options';

/**
 * The one way options are resolved, for every command and API call. Precedence, lowest first:
 * defaults (options.ts) < the environment (`DECKHAND_CHROMIUM` or `CHROME_PATH`, else an installed
 * Chrome, Chromium or Edge; `DECKHAND_CACHE_DIR`) < the
 * caller's values (CLI flags or API arguments); undefined values do not count. Paths are made
 * absolute against the root. Kept out of options.ts so that module stays pure: this one reads
 * the environment, and parse/ and render/ cannot reach it (a dependency-cruiser rule).
 */
export function commonDefaults(root = process.cwd()): CommonOptions {
  return {
    root,
    chromium: findChromium()?.path ?? DEFAULTS.chromium,
    cacheDir: process.env.DECKHAND_CACHE_DIR || defaultCacheDir(root),
    log: (line) => process.stderr.write(line + '\n'),
    deckOverrides: {},
  };
}

function resolveOptions<T extends CommonOptions>(fields: Omit<T, keyof CommonOptions>, overrides: Partial<T>, paths: ReadonlyArray<keyof T> = []): Readonly<T> {
  const root = path.resolve(overrides.root ?? process.cwd());
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) as Partial<T>;
  const merged = { ...commonDefaults(root), ...fields, ...defined, root } as T;
  for (const key of ['cacheDir', ...paths] as Array<keyof T>) {
    const value = merged[key];
    if (typeof value === 'string') (merged as Record<keyof T, unknown>)[key] = path.resolve(root, value);
  }
  return Object.freeze(merged);
}

export function resolveBuildOptions(overrides: Partial<BuildOptions> = {}): Readonly<BuildOptions> {
  return resolveOptions<BuildOptions>(defaultBuildFields(), overrides, ['outDir']);
}

export function resolveDevOptions(overrides: Partial<DevOptions> = {}): Readonly<DevOptions> & { portIsDefault: boolean } {
  return Object.freeze({ ...resolveOptions<DevOptions>({ ...defaultBuildFields(), ...defaultServeFields() }, overrides, ['outDir']), portIsDefault: overrides.port === undefined });
}

export function resolveExportOptions(overrides: Partial<ExportOptions> & { input: string }): Readonly<ExportOptions> {
  return resolveOptions<ExportOptions>({ ...defaultExportFields(), input: overrides.input }, overrides, ['out']);
}

export function resolveCheckOptions(overrides: Partial<CheckOptions> = {}): Readonly<CheckOptions> {
  return resolveOptions<CheckOptions>(defaultCheckFields(), overrides);
}

export function resolvePresentOptions(overrides: Partial<PresentOptions> = {}): Readonly<PresentOptions> & { portIsDefault: boolean } {
  return Object.freeze({ ...resolveOptions<PresentOptions>(defaultPresentFields(), overrides), portIsDefault: overrides.port === undefined });
}
