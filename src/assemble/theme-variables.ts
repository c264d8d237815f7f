import postcss from 'postcss';

/** Rules whose custom properties are the deck's theme: what every slide inherits. */
const THEME_SELECTORS = new Set([':root', 'html', '.reveal', '.reveal-viewport']);

/**
 * The custom properties a compiled stylesheet sets on the page as a whole (`:root`, `.reveal`,
 * `.reveal-viewport`), later rules winning as in the cascade, with `var()` references resolved.
 * Read with postcss, so comments, strings and nested at-rules never confuse it; rules inside
 * `@media` (print, say) are left out: they are not what the slide shows on screen.
 */
export function readThemeVariables(css: string): Record<string, string> {
  const raw = new Map<string, string>();
  const root = postcss.parse(css);
  root.walkRules((rule) => {
    if (rule.parent?.type !== 'root') return;
    if (!rule.selectors.some((s) => THEME_SELECTORS.has(s.trim()))) return;
    for (const node of rule.nodes) {
      if (node.type === 'decl' && node.prop.startsWith('--')) raw.set(node.prop, node.value.trim());
    }
  });
  const out: Record<string, string> = {};
  for (const name of [...raw.keys()].sort()) {
    const value = resolve(raw.get(name)!, raw, new Set([name]));
    if (value !== undefined) out[name] = value;
  }
  return out;
}

/** `value` with each `var(--x, fallback)` replaced; undefined when a reference cannot be resolved (or loops). */
function resolve(value: string, raw: Map<string, string>, seen: Set<string>): string | undefined {
  let out = '';
  let i = 0;
  for (;;) {
    const at = value.indexOf('var(', i);
    if (at < 0) return out + value.slice(i);
    out += value.slice(i, at);
    const close = matchingParen(value, at + 3);
    if (close < 0) return undefined;
    const inner = value.slice(at + 4, close);
    const comma = inner.indexOf(',');
    const name = (comma < 0 ? inner : inner.slice(0, comma)).trim();
    const fallback = comma < 0 ? undefined : inner.slice(comma + 1).trim();
    let replaced: string | undefined;
    if (raw.has(name) && !seen.has(name)) replaced = resolve(raw.get(name)!, raw, new Set([...seen, name]));
    if (replaced === undefined && fallback !== undefined) replaced = resolve(fallback, raw, seen);
    if (replaced === undefined) return undefined;
    out += replaced;
    i = close + 1;
  }
}

function matchingParen(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '(') depth++;
    else if (s[i] === ')' && --depth === 0) return i;
  }
  return -1;
}
