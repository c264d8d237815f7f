import { createHash } from 'node:crypto';
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { writeCacheFile } from './cache-files';

/** The two members of Node's CommonJS `Module` this loader uses; not in @types/node's public API. */
interface CommonJsModule {
  exports: unknown;
  _compile(content: string, filename: string): unknown;
}
type ModulePrototype = { _compile: CommonJsModule['_compile'] };

/** A loaded package's scripts whose code V8 has no cache for yet: written by `save`. */
export interface CodeCached<T> {
  exports: T;
  /**
   * Writes V8's code for the package's files, as compiled so far, for the next run. Called once the
   * package has done its usual work (Playwright: launched Chromium), the cache then holds the
   * functions that work compiled too: made right after loading, it would hold little more than
   * the files' top level, and save almost nothing. Answers how many files' code it wrote: none
   * when every file's came from the cache, or on a second call.
   */
  save(): number;
}

/**
 * Requires a CommonJS package with V8's code cache for its files, kept in `cacheDir` between
 * runs (Node 22's `module.enableCompileCache` does this; Node 20 has only `vm.Script`'s
 * `cachedData`). Playwright's 3.6 MB takes ~260 ms to load and ~180 ms from the cache.
 * Each entry is named by its file's content hash: V8 checks only a source's length, so a changed
 * file of the same size must not find the old code. Without a usable cache, this is `require`.
 */
export function requireWithCodeCache<T>(id: string, from: string, cacheDir: string | undefined): CodeCached<T> {
  const load = createRequire(from);
  if (!cacheDir) return { exports: load(id) as T, save: () => 0 };
  const packageDir = path.dirname(load.resolve(`${id}/package.json`));
  const unsaved: Array<{ file: string; script: vm.Script }> = [];
  const proto = Module.prototype as unknown as ModulePrototype;
  const compile = proto._compile;
  // Only while this package loads, and only its own files: the hook is gone when `require` returns.
  proto._compile = function (this: CommonJsModule, content: string, filename: string) {
    if (!filename.startsWith(packageDir + path.sep)) return compile.call(this, content, filename);
    const file = path.join(cacheDir, `${createHash('sha1').update(content).digest('hex')}.v8`);
    const cachedData = readOptional(file);
    // `import()` inside the package resolves as it would under `require`, not with an error.
    const script = new vm.Script(Module.wrap(content), { filename, cachedData, importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER });
    if (!cachedData || script.cachedDataRejected) unsaved.push({ file, script });
    const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    return wrapper.call(this.exports, this.exports, createRequire(filename), this, filename, path.dirname(filename));
  };
  try {
    const save = () => {
      const now = unsaved.splice(0);
      for (const { file, script } of now) writeCacheFile(file, script.createCachedData());
      return now.length;
    };
    return { exports: load(id) as T, save };
  } finally {
    proto._compile = compile;
  }
}

function readOptional(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}
