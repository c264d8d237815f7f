import { stderrLines } from './terminal';
import path from 'node:path';
import { initProject } from '../init/init-project';
import { reportFailure } from './failure';

/**
 * `deckhand init [folder]`: scaffolds a new talk, then prints the commands that start it.
 * Exit 0 when written, 2 when a file is in the way (nothing is written) or the disk refuses.
 */
export function runInit(folder: string | undefined): number {
  const log = stderrLines();
  try {
    const result = initProject(folder ?? '.');
    const where = path.relative(process.cwd(), result.folder);
    log(`deckhand: created a new talk in ${where || 'this folder'} (deck: slides/${result.name}/)`);
    for (const f of result.files) log(`  ${f}`);
    log('Next:');
    if (where) log(`  cd ${shellQuote(where)}`);
    log('  npm install');
    log('  npm run dev');
    return 0;
  } catch (e) {
    return reportFailure(e, log);
  }
}

/** A path as the user can paste it into a POSIX shell. */
function shellQuote(p: string): string {
  return /^[\w@%+=:,./-]+$/.test(p) ? p : `'${p.replace(/'/g, `'\\''`)}'`;
}
