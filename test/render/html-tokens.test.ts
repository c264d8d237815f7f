import { describe, expect, it } from 'vitest';
import { addAttributes, decodeHtmlText, encodeAttribute, rewriteMediaUrls, scanHtml } from '../../src/render/html-tokens';

const tag = (html: string, name: string, n = 0) => scanHtml(html).tags.filter((t) => t.name === name)[n];

describe('scanHtml', () => {
  it('decodes entities as a browser does: every named one, numeric ones, legacy forms without ;', () => {
    const html = `<img src="a&amp;b&eacute;&#x27;&#39;&hellip;.png" alt='&quot;q&quot; &lt;3' title="&notit; &copy 2026">`;
    expect(tag(html, 'img').attributes).toEqual({ src: `a&bé''….png`, alt: '"q" <3', title: '&notit; © 2026' });
  });

  it('keeps SVG names in their case, reads <style> as raw text and gives each tag its source range', () => {
    const svg = '<svg viewBox="0 0 1 1"><style>#a > b { fill: red }</style><foreignObject><div>t</div></foreignObject><path d="M0"/></svg>';
    const { tags, texts } = scanHtml(svg);
    expect(tags.map((t) => t.name)).toEqual(['svg', 'style', 'foreignObject', 'div', 'path']);
    expect(tags[0].attributes).toHaveProperty('viewBox', '0 0 1 1');
    expect(texts.find((t) => t.parent === 'style')?.text).toBe('#a > b { fill: red }');
    expect(tags.map((t) => svg.slice(t.start, t.end))).toEqual(['<svg viewBox="0 0 1 1">', '<style>', '<foreignObject>', '<div>', '<path d="M0"/>']);
    expect(tags[4].selfClosing).toBe(true);
  });
});

describe('rewriteMediaUrls', () => {
  const rewrite = (html: string) => {
    const seen: string[] = [];
    const out = rewriteMediaUrls(html, (url) => (seen.push(url), url.startsWith('http') ? url : `assets/${url.replace(/\W/g, '_')}`));
    return { out, seen };
  };

  it('rewrites img, video, audio and source src and video poster, with decoded URLs', () => {
    const html = `<p>Hi</p>\n<IMG SRC='cat&amp;dog.png' alt="A &eacute;"><video poster="p.jpg" controls><source src="v.mp4" type="video/mp4"></video><audio src="s.mp3"></audio><img src="https://e.x/y.png">`;
    const { out, seen } = rewrite(html);
    expect(seen).toEqual(['cat&dog.png', 'p.jpg', 'v.mp4', 's.mp3', 'https://e.x/y.png']);
    const { tags } = scanHtml(out);
    expect(tags.find((t) => t.name === 'img')?.attributes).toEqual({ src: 'assets/cat_dog_png', alt: 'A é' });
    expect(tags.find((t) => t.name === 'video')?.attributes).toEqual({ poster: 'assets/p_jpg', controls: '' });
    expect(tags.find((t) => t.name === 'source')?.attributes.src).toBe('assets/v_mp4');
    expect(tags.find((t) => t.name === 'audio')?.attributes.src).toBe('assets/s_mp3');
    // Untouched tags and text keep their bytes.
    expect(out.startsWith('<p>Hi</p>\n<img ')).toBe(true);
    expect(out.endsWith('<img src="https://e.x/y.png">')).toBe(true);
  });

  it('leaves text that only looks like a tag alone: script contents, comments, attribute values', () => {
    const html = `<script>const s = '<img src="x.png">';</script><!-- <img src="y.png"> --><a title='<img src="z.png">'>z</a>`;
    const { out, seen } = rewrite(html);
    expect(seen).toEqual([]);
    expect(out).toBe(html);
  });

  it('re-encodes what it writes, so a URL with quotes or ampersands cannot break out of its attribute', () => {
    const out = rewriteMediaUrls('<img src="a.png" alt="x">', () => 'b.png?x="1"&y=<2>');
    expect(tag(out, 'img').attributes).toEqual({ src: 'b.png?x="1"&y=<2>', alt: 'x' });
    expect(encodeAttribute('"&<>')).toBe('&quot;&amp;&lt;&gt;');
  });
});

describe('addAttributes', () => {
  it('adds to the first element, joining classes and replacing other values', () => {
    const out = addAttributes('<h2 class="a" id="x" title="T &amp; U">Hi <em class="e">there</em></h2>', { class: 'fragment', id: 'y', 'data-n': '"2"' });
    const [h2, em] = scanHtml(out).tags;
    expect(h2.attributes).toEqual({ id: 'y', title: 'T & U', class: 'a fragment', 'data-n': '"2"' });
    expect(em.attributes).toEqual({ class: 'e' });
    expect(out.endsWith('>Hi <em class="e">there</em></h2>')).toBe(true);
  });

  it('keeps a self-closing element self-closing, and leaves HTML that starts with text alone', () => {
    expect(tag(addAttributes('<img src="x.png" />', { class: 'r' }), 'img')).toMatchObject({ selfClosing: true, attributes: { src: 'x.png', class: 'r' } });
    expect(addAttributes('text <b>bold</b>', { class: 'r' })).toBe('text <b>bold</b>');
    expect(addAttributes('\n<p>x</p>', {})).toBe('\n<p>x</p>');
  });
});

describe('scanHtml comments', () => {
  it('places each comment after its previous element sibling or in its parent, and finds end tags', () => {
    const html = '<div><p>a</p><br><!-- one --><span><!-- two --></span></div><!--three-->';
    const { tags, comments } = scanHtml(html);
    const name = (i?: number) => (i === undefined ? undefined : tags[i].name);
    expect(comments.map((c) => [c.text.trim(), name(c.previous), name(c.parent), html.slice(c.start, c.end)])).toEqual([
      ['one', 'p', 'div', '<!-- one -->'],
      ['two', undefined, 'span', '<!-- two -->'],
      ['three', 'div', undefined, '<!--three-->'],
    ]);
    const div = tags[0];
    expect(div.close && html.slice(div.close.start, div.close.end)).toBe('</div>');
  });

  it('decodes entities in text where a < stays as written', () => {
    expect(decodeHtmlText('a &lt; b <i>&amp;&#65;')).toBe('a < b <i>&A');
  });
});

