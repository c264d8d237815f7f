/**
 * The mermaid bundle the render page is served, made faster at one spot.
 *
 * Mermaid's `getConfig()` returns a copy of its whole configuration, about 900 values (every
 * diagram type's settings, some 320 theme colours), made with its generic
 * `assignWithDepth({}, config)`: an `Object.entries` array, a closure and a `defineProperty`
 * per value, ~0.2 ms a call. Drawing calls it a few hundred times per diagram (every node label
 * asks for `htmlLabels`), which came to ~30 % of the render page's time on the flagship deck.
 * The render page's bundle makes the same copy with `copyConfig` below, ~0.045 ms a call.
 * Viewers' browsers, and exports, get mermaid's bundle as it ships.
 */

/**
 * What `assignWithDepth({}, source, { depth })` returns, for the object mermaid copies:
 * the same keys in the same order, objects copied `depth` levels down and then shallowly,
 * arrays copied without repeats, null-valued keys left out. Runs in the render page:
 * serialised into the bundle, so it refers to nothing outside itself.
 */
export function copyConfig(source: unknown, depth: number): unknown {
  if (Array.isArray(source)) {
    const list: unknown[] = [];
    source.forEach((item) => {
      if (!list.includes(item)) list.push(item);
    });
    return list;
  }
  if (depth <= 0) return Object.assign({}, source);
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(source as object)) {
    const value = (source as Record<string, unknown>)[key];
    if (value === null) continue;
    if (key === '__proto__') {
      // Kept as an own key, as mermaid's copy keeps it (and only when it holds an object).
      if (typeof value === 'object') Object.defineProperty(copy, key, { value: copyConfig(value, depth - 1), writable: true, enumerable: true, configurable: true });
      continue;
    }
    copy[key] = typeof value === 'object' ? copyConfig(value, depth - 1) : value;
  }
  return copy;
}

/** The one place mermaid's bundle defines getConfig (its name kept by the bundler): `X=s(()=>copy({},config),"getConfig")`. */
const GET_CONFIG = /=([\w$]+)\(\(\)=>[\w$]+\(\{\},([\w$]+)\),"getConfig"\)/g;

const COPY_NAME = '__deckhandCopyConfig';

/**
 * The bundle with getConfig copying through `copyConfig`; undefined when the bundle does not
 * define getConfig exactly as expected (another mermaid version): then it is served as it is.
 */
export function withFasterGetConfig(bundle: string): string | undefined {
  const found = [...bundle.matchAll(GET_CONFIG)];
  if (found.length !== 1) return undefined;
  const [match, keepName, config] = found[0];
  const at = found[0].index;
  // A named function expression: its recursive calls reach it under whatever name it was compiled with.
  const prelude = `var ${COPY_NAME}=(${copyConfig.toString()});\n`;
  return prelude + bundle.slice(0, at) + `=${keepName}(()=>${COPY_NAME}(${config},2),"getConfig")` + bundle.slice(at + match.length);
}
