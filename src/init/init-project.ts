import fs from 'node:fs';
import path from 'node:path';
import { DeckhandError } from '../diagnostics';
import { environmentError } from '../environment-error';
import { ownPackage } from '../package-root';
import { findCollision, writeNewFiles } from '../write/write-new-files';
import { projectName, scaffoldFiles } from './scaffold';

export interface InitResult {
  /** The project folder, absolute. */
  folder: string;
  /** Its npm name, which is also the deck's folder under slides/. */
  name: string;
  /** What was written, relative to the folder. */
  files: string[];
}

/**
 * `deckhand init`: a new talk in `folder` (made if missing): package.json, an example deck that
 * teaches the syntax, a diagram, an image, .gitignore and README. It never overwrites: when any
 * of its files exists, it writes nothing and names the first one (exit code 2).
 */
export function initProject(folder: string, version = ownVersion()): InitResult {
  const dir = path.resolve(folder);
  const stat = fs.statSync(dir, { throwIfNoEntry: false });
  if (stat && !stat.isDirectory()) throw new DeckhandError(`cannot create a project in ${folder}: it is a file, not a folder`, [], 2);
  const name = projectName(path.basename(dir));
  const files = scaffoldFiles(name, version);
  const collision = findCollision(dir, files);
  if (collision) throw refusal(dir, collision);
  try {
    writeNewFiles(dir, files);
  } catch (e) {
    // A file that appeared between the check and the write: still refused, still nothing written.
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EEXIST' && err.path) throw refusal(dir, path.relative(dir, err.path));
    throw environmentError(e, 'create the project in', dir) ?? e;
  }
  return { folder: dir, name, files: files.map((f) => f.path) };
}

function refusal(dir: string, existing: string): DeckhandError {
  const shown = path.relative(process.cwd(), path.join(dir, existing)) || existing;
  return new DeckhandError(`${shown} already exists; deckhand init never overwrites a file, so it wrote nothing (choose an empty or new folder)`, [], 2);
}

/** The running Deckhand's version, for the new project's devDependency. */
function ownVersion(): string {
  return ownPackage().version;
}
