import path from 'node:path';
import { DeckhandError } from './diagnostics';

/**
 * File-system failures are the user's environment (a deleted file, a permission, a full disk),
 * not Deckhand's bugs: they become one line naming the path and what to do, and exit code 2.
 * Every stage that touches the disk (load, write, export, the dev server) classifies with this
 * one function, so the same errno always reads the same way.
 */

interface Explanation {
  /** What went wrong, in words. */
  reason: string;
  /** What the user can do about it. */
  hint: string;
}

const EXPLANATIONS: Record<string, Explanation> = {
  ENOENT: { reason: 'it does not exist', hint: 'check the path; if it was moved or deleted while Deckhand ran, run again' },
  EACCES: { reason: 'permission denied', hint: 'give your user access to it (see `ls -l`, `chmod`) and run again' },
  EPERM: { reason: 'operation not permitted', hint: 'check its permissions and whether another program holds it, then run again' },
  ELOOP: { reason: 'too many symbolic links (a link that leads back to itself?)', hint: 'fix or remove the symbolic link' },
  EISDIR: { reason: 'it is a folder where a file was expected', hint: 'name a file, or rename the folder (a folder whose name ends in .md looks like a chapter file)' },
  ENOTDIR: { reason: 'part of the path is a file where a folder was expected', hint: 'check the path' },
  ENOSPC: { reason: 'no space left on the device', hint: 'free some disk space and run again' },
  EDQUOT: { reason: 'disk quota exceeded', hint: 'free some space within your quota and run again' },
  EROFS: { reason: 'the file system is read-only', hint: 'choose a folder on a writable disk (for output: --out)' },
  EMFILE: { reason: 'too many open files', hint: 'raise the limit (`ulimit -n`) or close other programs, and run again' },
  ENFILE: { reason: 'too many open files on this system', hint: 'close other programs and run again' },
};

/** What the failed system call was doing, when the caller did not say. */
const SYSCALL_ACTIONS: Record<string, string> = {
  open: 'open',
  read: 'read',
  readlink: 'read the link',
  scandir: 'list the folder',
  opendir: 'list the folder',
  stat: 'access',
  lstat: 'access',
  access: 'access',
  write: 'write',
  mkdir: 'create the folder',
  mkdtemp: 'create a folder in',
  rename: 'rename',
  copyfile: 'copy',
  cp: 'copy',
  unlink: 'remove',
  rmdir: 'remove',
  rm: 'remove',
  watch: 'watch',
};

/** An errno failure explained: the path, what went wrong and what to do, in one line. */
export class EnvironmentError extends DeckhandError {
  constructor(
    readonly code: string,
    readonly path: string | undefined,
    readonly reason: string,
    readonly hint: string,
    action: string,
  ) {
    super(`cannot ${action}${path ? ` ${displayPath(path)}` : ''}: ${reason} (${code}); ${hint}`, [], 2);
    this.name = 'EnvironmentError';
  }
}

/**
 * Turns a Node errno error into an EnvironmentError, or returns undefined when `e` is not one
 * of the environment failures above (then it is a real bug and keeps its stack).
 * `action` says what Deckhand was doing, e.g. 'read the deck file' or 'write the output to';
 * without it, the failed system call decides. `file` names the path when the error has none
 * (a read through a file descriptor).
 */
export function environmentError(e: unknown, action?: string, file?: string): EnvironmentError | undefined {
  if (e instanceof EnvironmentError) return e;
  const err = e as NodeJS.ErrnoException | undefined;
  const code = typeof err?.code === 'string' ? err.code : undefined;
  const explained = code ? EXPLANATIONS[code] : undefined;
  if (!code || !explained) return undefined;
  const doing = action ?? SYSCALL_ACTIONS[err?.syscall ?? ''] ?? 'access';
  return new EnvironmentError(code, err?.path ?? file, explained.reason, explained.hint, doing);
}

/** Paths under the current folder are shown relative to it, as diagnostics are. */
function displayPath(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
}
