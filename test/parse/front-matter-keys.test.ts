import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance } from '../../src/parse/did-you-mean';
import { parseFrontMatter } from '../../src/parse/front-matter';
import { checkRevealOption } from '../../src/parse/reveal-options';

const found = (yaml: string) =>
  parseFrontMatter(`---\n${yaml}---\n# A\n`, 'd.md').diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.code}: ${d.message}`);

describe('front matter keys', () => {
  it('warns about an unknown key at its line, with the key it resembles', () => {
    expect(found('title: T\nthem: black\n')).toEqual(['3:1 warning front-matter-unknown-key: unknown front matter key "them" (ignored); did you mean "theme"?']);
    expect(found('highlighttheme: x\n')[0]).toContain('did you mean "highlightTheme"?');
  });

  it('says where a reveal.js option belongs, and lists the known keys when nothing is close', () => {
    expect(found('transition: fade\n')[0]).toContain('reveal.js options go under revealOptions:');
    expect(found('author: me\n')[0]).toMatch(/"author" \(ignored\); Deckhand reads title, theme, highlightTheme, .*revealOptions, mermaid, css, math$/);
  });

  it('warns about an unknown reveal.js option at its own line, not its parent\'s, and passes it on', () => {
    const fm = parseFrontMatter('---\ntitle: T\nrevealOptions:\n  hash: true\n  transitoin: fade\n---\n', 'd.md');
    expect(fm.diagnostics.map((d) => [d.line, d.column, d.severity, d.message])).toEqual([
      [5, 3, 'warning', 'unknown reveal.js option "transitoin" (passed on as it is, in case a plugin reads it); did you mean "transition"?'],
    ]);
    expect(fm.data.revealOptions).toEqual({ hash: true, transitoin: 'fade' });
  });

  it('reports a wrongly typed reveal.js option as an error at its value, and drops it', () => {
    const fm = parseFrontMatter('---\nrevealOptions:\n  width: wide\n  controls: "yes"\n  transition: 7\n  height: 90%\n  margin: 0.1\n---\n', 'd.md');
    expect(fm.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.code}: ${d.message}`)).toEqual([
      '3:10 error reveal-option-type: reveal.js option "width" must be a number or a percentage such as "100%", not "wide"',
      '4:13 error reveal-option-type: reveal.js option "controls" must be true or false or "speaker-only", not "yes"',
      '5:15 error reveal-option-type: reveal.js option "transition" must be one of "none", "fade", "slide", "convex", "concave", "zoom", not 7',
    ]);
    expect(fm.data.revealOptions).toEqual({ height: '90%', margin: 0.1 });
  });

  it('leaves plugin settings alone and inline mappings point at their own keys', () => {
    expect(found('revealOptions:\n  totalTime: 1800\n  defaultTiming: 120\n  menu:\n    side: left\n  chalkboard: {theme: whiteboard}\n')).toEqual([]);
    expect(found('revealOptions: {hash: true, loopp: true}\n')).toEqual([
      '2:29 warning reveal-option-unknown: unknown reveal.js option "loopp" (passed on as it is, in case a plugin reads it); did you mean "loop"?',
    ]);
    expect(found('mermaid:\n  theme: neutral\n  anything: 1\n')).toEqual([]);
  });
});

describe('reveal.js option types', () => {
  it('accepts what reveal.js documents', () => {
    const ok: Array<[string, unknown]> = [
      ['width', 1280], ['width', '100%'], ['controls', 'speaker-only'], ['slideNumber', 'c/t'], ['slideNumber', false],
      ['autoSlide', false], ['autoSlide', 5000], ['scrollSnap', false], ['view', 'scroll'], ['keyboard', { 13: 'next' }],
      ['autoPlayMedia', null], ['pdfMaxPagesPerSlide', Infinity], ['autoAnimateStyles', ['opacity']],
    ];
    for (const [key, value] of ok) expect(checkRevealOption(key, value), `${key}: ${String(value)}`).toEqual({ kind: 'ok' });
  });

  it('refuses the rest', () => {
    const bad: Array<[string, unknown]> = [['width', '960px'], ['height', 'tall'], ['hash', 'true'], ['autoSlide', true], ['navigationMode', 'free'], ['margin', '4%']];
    for (const [key, value] of bad) expect(checkRevealOption(key, value).kind, `${key}: ${String(value)}`).toBe('wrong-type');
  });
});

describe('didYouMean', () => {
  it('suggests close names only', () => {
    expect(didYouMean('tile', ['title', 'theme'])).toBe('title');
    expect(didYouMean('foo', ['title', 'theme'])).toBeUndefined();
    expect(didYouMean('chalkbord', ['chalkboard', 'controls'])).toBe('chalkboard');
    expect(editDistance('transitoin', 'transition')).toBe(1);
  });
});
