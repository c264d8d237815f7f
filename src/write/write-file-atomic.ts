import fs from 'node:fs';
import path from 'node:path';

/**
 * Writes a file whole: into a temporary file beside it, then renamed over it, so a reader
 * (another build, a restarted server, a student opening the export) never sees half of one.
 * The one way Deckhand writes a single file: exports, caches and the presenter session.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array, options: { mode?: number } = {}): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.tmp-${process.pid}-${Date.now().toString(36)}`;
  try {
    fs.writeFileSync(temp, data, { mode: options.mode });
    fs.renameSync(temp, file);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw e;
  }
}
