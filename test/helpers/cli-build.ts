import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';

export const CLI = path.resolve(__dirname, '..', '..', 'bin', 'deckhand.js');

/** `deckhand <args>` in a project folder, without Chromium (diagrams are not what these tests are about). */
export function deckhand(cwd: string, ...args: string[]) {
  return runDeckhand(cwd, args, { DECKHAND_CHROMIUM: '/nonexistent' });
}

export function runDeckhand(cwd: string, args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
}

/**
 * Runs a `deckhand build` that must fail, and proves it changed nothing: `dist/` (from an
 * earlier good build) and the sources are byte-identical afterwards. Returns the CLI's result.
 */
export function failingBuild(root: string, ...args: string[]) {
  const dist = treeBytes(path.join(root, 'dist'));
  const sources = treeBytes(path.join(root, 'slides'));
  const result = deckhand(root, 'build', '--no-chromium', ...args);
  expect(treeBytes(path.join(root, 'dist'))).toEqual(dist);
  expect(treeBytes(path.join(root, 'slides'))).toEqual(sources);
  // One line per problem and a summary; never a stack trace.
  expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
  return result;
}

/** Every entry under a folder: file bytes, link targets (loops and dangling links included), folders. */
export function treeBytes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      const rel = path.relative(dir, p);
      if (e.isSymbolicLink()) out[rel] = `-> ${fs.readlinkSync(p)}`;
      else if (e.isDirectory()) {
        out[rel] = 'folder';
        walk(p);
      } else out[rel] = readable(p) ? fs.readFileSync(p, 'base64') : `mode ${fs.statSync(p).mode.toString(8)}`;
    }
  };
  walk(dir);
  return out;
}

function readable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.R_OK);
    return true;
  } catch {
    return false;
  }
}
