import fs from 'node:fs';
import path from 'node:path';
import type { SourceFile } from '../types';
import { readSourceText } from './file-context';

/** reveal-md's settings file, and reveal.js's options file, as reveal-md reads them. */
export const CONFIG_FILE_NAMES = ['reveal-md.json', 'reveal.json'] as const;

/**
 * The reveal-md config files that apply to a deck: each found in the deck's folder (beside a
 * one-file deck), else in the project root (reveal-md reads them from the current folder,
 * which is where Deckhand's root defaults to). Read here because they are sources.
 */
export function readConfigFiles(deckTarget: string, projectRoot?: string): SourceFile[] {
  const deckDir = isFolder(deckTarget) ? deckTarget : path.dirname(deckTarget);
  const dirs = [deckDir, ...(projectRoot ? [path.resolve(projectRoot)] : [])];
  const found: SourceFile[] = [];
  for (const name of CONFIG_FILE_NAMES) {
    for (const dir of dirs) {
      const file = path.join(dir, name);
      const text = readSourceText(file);
      if (text === undefined) continue;
      found.push({ path: file, text });
      break;
    }
  }
  return found;
}

function isFolder(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
