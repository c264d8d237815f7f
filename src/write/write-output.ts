import fs from 'node:fs';
import path from 'node:path';

/** One file of the output: given contents, or copied from a source on disk. */
export type OutputFile = { path: string; contents: string | Uint8Array } | { path: string; copyFrom: string };

/**
 * Write stage, the only writer of build output. Everything goes into a fresh sibling folder
 * which then replaces `outDir` with two renames, so a failed build leaves the old output
 * as it was and a reader never sees a half-written one.
 */
export function writeOutput(outDir: string, files: readonly OutputFile[]): void {
  const parent = path.dirname(outDir);
  fs.mkdirSync(parent, { recursive: true });
  const stamp = `${process.pid}-${Date.now().toString(36)}`;
  const staging = path.join(parent, `.${path.basename(outDir)}.tmp-${stamp}`);
  const retired = path.join(parent, `.${path.basename(outDir)}.old-${stamp}`);
  try {
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
    throw e;
  }
  fs.rmSync(retired, { recursive: true, force: true });
}
