import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { packageRoot } from '../package-root';
import type { PageJob, PageResult } from './mermaid-page';
import type { ThemeAssets } from './render-assets';

/** What the render thread is started with (its `workerData`). */
export interface RenderThreadData {
  mermaidFile: string;
  mermaidVersion: string;
}

/** The calls the render thread answers, with their arguments and results. */
export interface RenderThreadCalls {
  /** Starts Chromium (with a render profile under `profileBase`, when one is free). */
  launch: { args: { chromium: string; profileBase?: string }; result: void };
  /** Opens a page with mermaid loaded; answers its number. */
  openPage: { args: Record<string, never>; result: number };
  /** Makes a theme's stylesheet and files available to pages; answers the stylesheet's path. */
  addTheme: { args: { id: string; assets: ThemeAssets }; result: string };
  /** Forgets a theme no deck uses any more. */
  dropTheme: { args: { id: string }; result: void };
  /** Styles a page with a theme; answers the font diagrams are measured with. */
  useTheme: { args: { page: number; href: string }; result: string };
  render: { args: { page: number; jobs: PageJob[]; config: Record<string, unknown> }; result: PageResult[] };
  closePage: { args: { page: number }; result: void };
  /** Closes Chromium and the assets server. */
  close: { args: Record<string, never>; result: void };
}

export type RenderThreadRequest = { [K in keyof RenderThreadCalls]: { id: number; op: K; args: RenderThreadCalls[K]['args'] } }[keyof RenderThreadCalls];
export type RenderThreadReply = { id: number; result?: unknown; error?: string };

// Built by scripts/bundle.mjs from render-worker.ts; tests running from src/ use the same built file.
const WORKER_FILE = (): string => path.join(packageRoot(), 'lib', 'render-worker.js');

/**
 * Chromium, driven from a thread of its own. Loading Playwright takes 0.3–0.5 s of the main
 * thread, and Chromium cannot start before it is loaded: in a worker it loads beside the
 * deck's parse, render and theme compile (on another core), and a dev server's main thread keeps
 * answering while it does. The thread starts loading Playwright as soon as it exists.
 */
export class RenderThread {
  private readonly worker: Worker;
  private readonly calls = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private next = 0;
  private failure?: Error;

  constructor(data: RenderThreadData) {
    // None of the process's own Node flags: `--input-type`, say, makes a worker fail to start.
    this.worker = new Worker(WORKER_FILE(), { workerData: data, execArgv: [] });
    this.worker.on('message', (reply: RenderThreadReply) => {
      const call = this.calls.get(reply.id);
      this.calls.delete(reply.id);
      if (!this.calls.size) this.worker.unref();
      if (reply.error !== undefined) call?.reject(new Error(reply.error));
      else call?.resolve(reply.result);
    });
    const fail = (e: Error) => {
      this.failure ??= e;
      for (const call of this.calls.values()) call.reject(this.failure);
      this.calls.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', () => fail(new Error('the render thread has stopped')));
    // The thread keeps the process alive only while a call is under way: started on a guess and
    // never used, or left open by an API caller, it does not hold the process (Chromium quits with it).
    this.worker.unref();
  }

  /** `holdProcess: false`: the call does not keep the process alive (see `close`). */
  call<K extends keyof RenderThreadCalls>(op: K, args: RenderThreadCalls[K]['args'], { holdProcess = true } = {}): Promise<RenderThreadCalls[K]['result']> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.calls.set(id, { resolve: resolve as (v: unknown) => void, reject });
      if (holdProcess) this.worker.ref();
      this.worker.postMessage({ id, op, args } as RenderThreadRequest);
    });
  }

  /**
   * Closes Chromium (if started) and stops the thread. `wait: false` returns at once and does not
   * keep the process alive meanwhile (a build that has written its output need not wait the
   * 0.1 s Chromium takes to quit): told to close, or finding its pipe closed when the process
   * ends, Chromium quits by itself.
   */
  close({ wait = true } = {}): Promise<void> {
    const closed = this.call('close', {}, { holdProcess: wait })
      .catch(() => {})
      .then(() => this.worker.terminate())
      .then(() => {});
    return wait ? closed : Promise.resolve();
  }
}

/** A render page in the render thread, used like a `MermaidPage`. */
export class RemotePage {
  font = '';
  private constructor(
    private readonly thread: RenderThread,
    private readonly id: number,
  ) {}

  static async open(thread: RenderThread): Promise<RemotePage> {
    return new RemotePage(thread, await thread.call('openPage', {}));
  }

  async useTheme(href: string): Promise<this> {
    this.font = await this.thread.call('useTheme', { page: this.id, href });
    return this;
  }

  render(jobs: PageJob[], config: Record<string, unknown>): Promise<PageResult[]> {
    return this.thread.call('render', { page: this.id, jobs, config });
  }

  close(): Promise<void> {
    return this.thread.call('closePage', { page: this.id });
  }
}
