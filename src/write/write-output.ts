import fs from 'node:fs';
import path from 'node:path';
import { EnvironmentError, environmentError } from '../environment-error';

/** One file of the output: given contents, or copied from a source on disk. */
export type OutputFile = { path: string; contents: string | Uint8Array } | { path: string; copyFrom: string };

/**
 * Write stage, the only writer of build output. Everything goes into a fresh sibling folder
 * which then replaces `outDir` with two renames, so a failed build leaves the old output
 * as it was and a reader never sees a half-written one. A full disk, a read-only folder or a
 * missing permission is reported as one line naming the path (exit 2), with nothing changed.
 */
export function writeOutput(outDir: string, files: readonly OutputFile[]): void {
  const parent = path.dirname(outDir);
  const stamp = `${process.pid}-${Date.now().toString(36)}`;
  const staging = path.join(parent, `.${path.basename(outDir)}.tmp-${stamp}`);
  const retired = path.join(parent, `.${path.basename(outDir)}.old-${stamp}`);
  // Found before writing: an old output that cannot be removed would be half-replaced.
  assertRemovable(outDir);
  try {
    fs.mkdirSync(parent, { recursive: true });
    const made = new Set<string>();
    for (const f of files) {
      const target = path.join(staging, f.path);
      const dir = path.dirname(target);
      if (!made.has(dir)) {
        fs.mkdirSync(dir, { recursive: true });
        made.add(dir);
      }
      if ('copyFrom' in f) fs.copyFileSync(f.copyFrom, target);
      else fs.writeFileSync(target, f.contents);
    }
    if (fs.existsSync(outDir)) fs.renameSync(outDir, retired);
    fs.renameSync(staging, outDir);
  } catch (e) {
    fs.rmSync(staging, { recursive: true, force: true });
    if (!fs.existsSync(outDir) && fs.existsSync(retired)) fs.renameSync(retired, outDir);
    throw explain(e, outDir, staging);
  }
  fs.rmSync(retired, { recursive: true, force: true });
}

/** Every folder of the old output must be writable, or its files could not be removed after the swap. */
function assertRemovable(outDir: string): void {
  const walk = (dir: string) => {
    fs.accessSync(dir, fs.constants.W_OK | fs.constants.X_OK);
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) if (e.isDirectory()) walk(path.join(dir, e.name));
  };
  try {
    if (fs.existsSync(outDir)) walk(outDir);
    fs.accessSync(fs.existsSync(path.dirname(outDir)) ? path.dirname(outDir) : nearestExisting(outDir), fs.constants.W_OK);
  } catch (e) {
    throw explain(e, outDir);
  }
}

function nearestExisting(p: string): string {
  let dir = path.dirname(p);
  while (!fs.existsSync(dir) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

/**
 * A failure is the output folder's (a full or read-only disk, a permission) unless it names a
 * file outside it, such as an image deleted while the build ran. The staging folder's name
 * means nothing to the user, so the output folder is named instead.
 */
function explain(e: unknown, outDir: string, staging = ''): unknown {
  const env = environmentError(e);
  if (!env) return e;
  const outputs = [outDir, staging, path.dirname(outDir)].filter(Boolean);
  const aboutOutput = ['ENOSPC', 'EDQUOT', 'EROFS'].includes(env.code) || !env.path || outputs.some((o) => env.path === o || env.path!.startsWith(o + path.sep));
  if (!aboutOutput) return env;
  const kept = fs.existsSync(outDir) ? 'the previous output is unchanged' : 'nothing was written';
  return new EnvironmentError(env.code, outDir, env.reason, `${env.hint}; ${kept}`, 'write the build to');
}
