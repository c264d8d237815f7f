import fs from 'node:fs';
import path from 'node:path';

export interface NewFile {
  /** Relative to the folder the files are written into, with `/` separators. */
  path: string;
  data: string | Uint8Array;
}

/**
 * The first of `files` that is already there under `dir` (or a parent of one that exists and is
 * not a folder), as a path relative to `dir`; undefined when every file can be created.
 */
export function findCollision(dir: string, files: readonly NewFile[]): string | undefined {
  for (const f of files) {
    const parts = f.path.split('/');
    for (let i = 1; i <= parts.length; i++) {
      const rel = parts.slice(0, i).join('/');
      const stat = fs.lstatSync(path.join(dir, rel), { throwIfNoEntry: false });
      if (!stat) break;
      if (i === parts.length || !stat.isDirectory()) return rel;
    }
  }
  return undefined;
}

/**
 * Creates new files under `dir`, each one whole (written beside its place, then linked in), and
 * never over an existing one, even one that appeared after `findCollision` looked: linking onto
 * an existing name fails. If any write fails, the files and folders made so far are removed
 * again, so the folder is left as it was found.
 */
export function writeNewFiles(dir: string, files: readonly NewFile[]): void {
  const made: { path: string; folder: boolean }[] = [];
  try {
    for (const f of files) {
      const file = path.join(dir, f.path);
      makeFolders(path.dirname(file), made);
      createFileAtomic(file, f.data);
      made.push({ path: file, folder: false });
    }
  } catch (e) {
    for (const m of made.reverse()) {
      try {
        if (m.folder) fs.rmdirSync(m.path); // only if still empty: never someone else's file
        else fs.rmSync(m.path, { force: true });
      } catch {
        // Undoing is best effort; the error that stopped the writing is the one to report.
      }
    }
    throw e;
  }
}

/** mkdir -p, remembering each folder it made (outermost first) so a failure can remove them. */
function makeFolders(folder: string, made: { path: string; folder: boolean }[]): void {
  if (fs.existsSync(folder)) return;
  makeFolders(path.dirname(folder), made);
  fs.mkdirSync(folder);
  made.push({ path: folder, folder: true });
}

function createFileAtomic(file: string, data: string | Uint8Array): void {
  const temp = `${file}.tmp-${process.pid}-${Date.now().toString(36)}`;
  try {
    fs.writeFileSync(temp, data, { flag: 'wx' });
    try {
      // link() refuses an existing target (EEXIST), where rename() would replace it.
      fs.linkSync(temp, file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // File systems without hard links (FAT, some network shares): check, then rename.
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EXDEV') throw e;
      if (fs.existsSync(file)) throw Object.assign(new Error(`EEXIST: file already exists, '${file}'`), { code: 'EEXIST', path: file });
      fs.renameSync(temp, file);
    }
  } finally {
    fs.rmSync(temp, { force: true });
  }
}
