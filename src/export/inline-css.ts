/**
 * Stylesheet rewriting for single-file exports: every relative `url()` becomes a data: URI.
 * Pure: the caller says how a URL turns into a data: URI (or leaves it, returning undefined).
 */
export function inlineCssUrls(css: string, toDataUri: (url: string) => string | undefined): string {
  return css.replace(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)/g, (all, dq?: string, sq?: string, bare?: string) => {
    const url = dq ?? sq ?? bare ?? '';
    if (!url || /^(data|blob|https?):/i.test(url) || url.startsWith('#')) return all;
    const inlined = toDataUri(url);
    return inlined ? `url("${inlined}")` : all;
  });
}

/**
 * Keeps only the woff2 source of each @font-face that has one. Every browser that runs
 * reveal.js 5 reads woff2, and inlining the woff fallbacks as well would double the file.
 */
export function keepWoff2Sources(css: string): string {
  return css.replace(/(@font-face\s*\{[^}]*?src\s*:\s*)([^;}]+)/g, (all, head: string, list: string) => {
    const sources = splitSources(list);
    const woff2 = sources.filter((s) => /format\(\s*["']?woff2["']?\s*\)|\.woff2["')?#]/i.test(s));
    return woff2.length && woff2.length < sources.length ? head + woff2.join(',') : all;
  });
}

/** Splits a `src:` list on top-level commas (commas inside url() or format() stay). */
function splitSources(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      out.push(list.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(list.slice(start).trim());
  return out.filter(Boolean);
}
