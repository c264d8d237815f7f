import fs from 'node:fs';
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';

const RECHECK_MS = 60;

/** Size and modification time: enough to tell that a file was written again. */
function stamp(file: string): string {
  try {
    const s = fs.statSync(file);
    return `${s.size}:${s.mtimeMs}`;
  } catch {
    return 'missing';
  }
}

/** What chokidar reports when it cannot watch something; `path` when it says which. */
export type WatchError = Error & { code?: string; path?: string };

function realpathOr(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

export interface ChangeBatch {
  files: Set<string>;
  /** A file or folder appeared or went away (not just edited): caches keyed by existence are stale. */
  structural: boolean;
  /** Something appeared or went away, Markdown included: a new deck may have arrived. */
  appeared: boolean;
}

/**
 * Watches folders (chokidar 4+ has no globs) and hands over changes in batches: a burst of
 * saves, or an editor's write-temp-then-rename, arrives as one batch. Batches never overlap:
 * changes made while one is handled form the next.
 */
export class DeckWatcher {
  private readonly watcher: FSWatcher;
  private pending: ChangeBatch = { files: new Set(), structural: false, appeared: false };
  private timer?: NodeJS.Timeout;
  private running = false;

  private readonly root: string;
  private readonly added: Set<string>;

  constructor(
    paths: string[],
    private readonly ignoredRoots: string[],
    private readonly onBatch: (batch: ChangeBatch) => Promise<void>,
    private readonly options: { root: string; onError: (e: WatchError) => void; settleMs?: number },
  ) {
    this.root = realpathOr(options.root);
    this.added = new Set(paths);
    this.watcher = watch(paths, {
      ignoreInitial: true,
      ignored: (p: string) => this.isIgnored(p) || this.leavesProject(p),
    });
    this.watcher.on('all', (event, file) => this.record(event, path.resolve(file)));
    // Without a listener an 'error' event (an unreadable folder, a loop of links) ends the process.
    this.watcher.on('error', (e) => this.options.onError(e as WatchError));
  }

  ready(): Promise<void> {
    return new Promise((resolve) => this.watcher.once('ready', () => resolve()));
  }

  /**
   * Watches these folders too. Only new ones reach chokidar: adding a watched path again costs
   * a new watch helper each time, and the dev server asks after every save (~5 KiB each).
   */
  add(paths: string[]): void {
    const fresh = paths.filter((p) => !this.added.has(p));
    for (const p of fresh) this.added.add(p);
    if (fresh.length) this.watcher.add(fresh);
  }

  close(): Promise<void> {
    clearTimeout(this.timer);
    return this.watcher.close();
  }

  private isIgnored(p: string): boolean {
    const parts = p.split(path.sep);
    if (parts.includes('node_modules') || parts.includes('.git')) return true;
    const base = parts[parts.length - 1] ?? '';
    if (/^\.#|~$|\.sw[a-p]$|^4913$|\.tmp(\.|$)|\.crswap$/.test(base)) return true; // editors' lock, swap and temp files
    return this.ignoredRoots.some((r) => p === r || p.startsWith(r + path.sep));
  }

  /**
   * A symlinked folder is followed only while it stays inside the project and is not one of its
   * own ancestors: `ln -s . loop` would recurse forever and a link to `/` would watch the disk.
   */
  private leavesProject(p: string): boolean {
    try {
      if (!fs.lstatSync(p).isSymbolicLink()) return false;
      const real = fs.realpathSync(p);
      if (!fs.statSync(real).isDirectory()) return false;
      const parent = realpathOr(path.dirname(p));
      const inside = real === this.root || real.startsWith(this.root + path.sep);
      const ancestor = parent === real || parent.startsWith(real + path.sep);
      return !inside || ancestor;
    } catch {
      // Missing, or a link that resolves to nothing: chokidar reports what it cannot watch.
      return false;
    }
  }

  private record(event: string, file: string): void {
    if (event === 'unlinkDir') this.added.delete(file); // one made again is watched anew
    this.pending.files.add(file);
    // Markdown files are re-listed and re-read on every batch; other files appearing or going
    // away change what slides can resolve (images, diagrams), so cached renders are dropped.
    if (event === 'addDir' || event === 'unlinkDir' || (event !== 'change' && !file.endsWith('.md'))) this.pending.structural = true;
    if (event !== 'change') this.pending.appeared = true;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.options.settleMs ?? 8);
  }

  private async flush(): Promise<void> {
    if (this.running || !this.pending.files.size) return;
    this.running = true;
    const batch = this.pending;
    this.pending = { files: new Set(), structural: false, appeared: false };
    const seen = new Map([...batch.files].map((f) => [f, stamp(f)]));
    try {
      await this.onBatch(batch);
    } finally {
      this.running = false;
      if (this.pending.files.size) void this.flush();
      // chokidar drops a second "change" to the same file within 50 ms; look again after that window.
      const recheck = setTimeout(() => {
        for (const [file, before] of seen) if (stamp(file) !== before) this.record('change', file);
      }, RECHECK_MS);
      recheck.unref();
    }
  }
}
