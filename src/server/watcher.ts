import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';

/**
 * chokidar drops a second "change" to the same file within 50 ms of the first; the raw events
 * below see it, and this look at every handled file after that window is the safety net.
 */
const RECHECK_MS = 60;
/**
 * Events that arrive together (an editor's write-temp-then-rename, a checkout) form one batch.
 * Short: a save is one write, and a change that comes later still gets its own batch at once.
 */
const SETTLE_MS = 2;
/**
 * A Markdown file found empty or missing is most likely half saved (truncate, then write; or
 * delete, then create): it is looked at again this often, for up to MID_SAVE_MAX_MS (chokidar
 * holds an unlink for 100 ms to tell a rename-over save), before the deck is shown that way.
 */
const MID_SAVE_POLL_MS = 10;
const MID_SAVE_MAX_MS = 150;

/** Size and modification time: enough to tell that a file was written again. */
function stamp(file: string): string {
  try {
    const s = fs.statSync(file);
    return `${s.size}:${s.mtimeMs}`;
  } catch {
    return 'missing';
  }
}

/** Files up to this size are compared by content when their size and time did not change. */
const DIGEST_MAX_BYTES = 4 * 1024 * 1024;

/** The file's content, hashed; undefined when it is gone or too large to compare cheaply. */
function digest(file: string): string | undefined {
  try {
    if (fs.statSync(file).size > DIGEST_MAX_BYTES) return undefined;
    return createHash('sha1').update(fs.readFileSync(file)).digest('base64');
  } catch {
    return undefined;
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

/**
 * The file a raw "change" is about: a watched file reports its own name, a watched folder the
 * name of its child. The folder's case is the one whose child exists.
 */
function changedFile(watched: string | undefined, name: string | null): string | undefined {
  if (!watched) return undefined;
  if (!name) return path.resolve(watched);
  const child = path.resolve(watched, name);
  try {
    if (fs.statSync(child).isFile()) return child;
  } catch {
    // Not a folder's child: the watched path is the file itself (or it is gone: chokidar says so).
  }
  return path.basename(watched) === name && fs.existsSync(watched) ? path.resolve(watched) : undefined;
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
  /**
   * Each file's size, time and content when a batch last took it. A look later tells whether it
   * was written since; the content decides when size and time are the same (the file system's
   * clock ticks in milliseconds, so two saves of the same size can share a time).
   */
  private readonly handled = new Map<string, { stamp: string; digest?: string }>();
  /** When the batch waiting now first found a Markdown file empty or missing. */
  private midSaveSince?: number;
  /** Files of the waiting batch that chokidar saw removed (after its rename-over window): no save is coming. */
  private removed = new Set<string>();

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
    // chokidar reports one "change" per file per 50 ms: a save soon after another would wait
    // for the recheck. The file system's own events (a file's, or its folder's for a child)
    // arrive for every write.
    this.watcher.on('raw', (event, name, details) => {
      if (event !== 'change') return;
      const file = changedFile((details as { watchedPath?: string } | undefined)?.watchedPath, name as string | null);
      if (file && !this.isIgnored(file)) this.record('change', file);
    });
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
    if (event === 'unlink') this.removed.add(file);
    else this.removed.delete(file);
    this.pending.files.add(file);
    // Markdown files are re-listed and re-read on every batch; other files appearing or going
    // away change what slides can resolve (images, diagrams), so cached renders are dropped.
    if (event === 'addDir' || event === 'unlinkDir' || (event !== 'change' && !file.endsWith('.md'))) this.pending.structural = true;
    if (event !== 'change') this.pending.appeared = true;
    this.schedule(this.options.settleMs ?? SETTLE_MS);
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), ms);
  }

  private async flush(): Promise<void> {
    if (this.running || !this.pending.files.size) return;
    const seen = new Map([...this.pending.files].map((f) => [f, stamp(f)]));
    // Wait for the second step of a two-step save rather than show an empty deck in between.
    const midSave = [...seen].some(([f, s]) => f.endsWith('.md') && !this.removed.has(f) && (s === 'missing' || s.startsWith('0:')));
    if (midSave) {
      const now = performance.now();
      this.midSaveSince ??= now;
      if (now - this.midSaveSince < MID_SAVE_MAX_MS) return this.schedule(MID_SAVE_POLL_MS);
    }
    this.midSaveSince = undefined;
    // The same save reported twice (the raw event, then chokidar's own after its stat; or the
    // recheck) is handled once: a second update would hold up the next save in the lane.
    const taken = new Map([...seen].map(([f, s]) => [f, { stamp: s, digest: digest(f) }]));
    const same = (f: string) => {
      const before = this.handled.get(f);
      const now = taken.get(f)!;
      return before?.stamp === now.stamp && before.digest !== undefined && before.digest === now.digest;
    };
    if (!this.pending.structural && !this.pending.appeared && [...seen.keys()].every(same)) {
      this.pending = { files: new Set(), structural: false, appeared: false };
      this.removed = new Set();
      return;
    }
    this.running = true;
    const batch = this.pending;
    this.pending = { files: new Set(), structural: false, appeared: false };
    this.removed = new Set();
    for (const [file, t] of taken) this.handled.set(file, t);
    try {
      await this.onBatch(batch);
    } finally {
      this.running = false;
      if (this.pending.files.size) void this.flush();
      // Compared with what the newest batch took, so a write a later batch already handled is not handled again.
      const recheck = setTimeout(() => {
        for (const file of seen.keys()) if (stamp(file) !== this.handled.get(file)?.stamp) this.record('change', file);
      }, RECHECK_MS);
      recheck.unref();
    }
  }
}
