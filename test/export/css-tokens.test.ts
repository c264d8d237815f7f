import { describe, expect, it } from 'vitest';
import { tokenizeCss } from '../../src/export/css-tokens';
import { inlineCssUrls, keepWoff2Sources } from '../../src/export/inline-css';

describe('the stylesheet tokenizer of the single-file export', () => {
  it('reads url() in both forms, with escapes, and nothing inside comments or strings', () => {
    const css = `/* url(a.png) */ a{content:"url(b.png)";background:url( "c\\"d.png" ) , url(e\\ f.png)}`;
    expect(tokenizeCss(css).flatMap((t) => (t.type === 'url' ? [t.url] : []))).toEqual(['c"d.png', 'e f.png']);
    const out = inlineCssUrls(css, (u) => `data:t,${u.length}`);
    expect(out).toBe(`/* url(a.png) */ a{content:"url(b.png)";background:url("data:t,7") , url("data:t,7")}`);
  });

  it('keeps only woff2 sources, in @font-face rules only, whatever the case and spacing', () => {
    const css = `@font-face { SRC : url(a.woff) format('woff'), url(a.woff2?v=1) ; font-family: a }
@supports (x: y) { @font-face{src:url(b.ttf),url(b.woff2)} .src{src:url(c.woff),url(c.woff2)} }`;
    expect(keepWoff2Sources(css)).toBe(`@font-face { SRC : url(a.woff2?v=1); font-family: a }
@supports (x: y) { @font-face{src:url(b.woff2)} .src{src:url(c.woff),url(c.woff2)} }`);
  });
});
