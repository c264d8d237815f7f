import { parse, wcagContrast } from 'culori';
import { describe, expect, it } from 'vitest';
import { deriveMermaidTheme, setsOwnTheme, withDerivedTheme } from '../../src/diagrams/palette';

const ratio = (a: unknown, b: unknown) => wcagContrast(parse(String(a))!, parse(String(b))!);

const LIGHT = { '--r-background-color': '#fff', '--r-main-color': '#222', '--r-heading-color': '#222', '--r-link-color': '#2a76dd', '--r-main-font': 'Source Sans Pro, sans-serif', '--r-main-font-size': '42px' };
// A theme whose colours would not read as they are: grey text and a dark accent on a dark ground.
const MURKY = { '--r-background-color': '#202020', '--r-main-color': '#555', '--r-heading-color': '#666', '--r-link-color': '#303a60' };

describe('deriveMermaidTheme', () => {
  it("uses Mermaid's base theme in the deck's font, at 0.7 × its body size", () => {
    const { theme, themeVariables: v } = deriveMermaidTheme(LIGHT);
    expect(theme).toBe('base');
    expect(v).toMatchObject({ fontFamily: 'Source Sans Pro, sans-serif', fontSize: '30px', darkMode: false, background: '#ffffff' });
    expect(deriveMermaidTheme({ '--r-main-font-size': '1.5em' }).themeVariables.fontSize).toBe('17px');
  });

  it('tints node fills with the accent and keeps the accent as the border', () => {
    const v = deriveMermaidTheme(LIGHT).themeVariables;
    expect(v.primaryBorderColor).toBe('#2a76dd');
    const fill = parse(String(v.primaryColor))! as { r: number; g: number; b: number };
    expect(fill.b).toBeGreaterThan(fill.r); // bluish, from the accent
    expect(ratio(v.primaryColor, '#fff')).toBeLessThan(1.5); // a light tint, not the accent itself
  });

  for (const [name, vars] of Object.entries({ light: LIGHT, murky: MURKY, empty: {} })) {
    it(`moves colours until they read (${name})`, () => {
      const v = deriveMermaidTheme(vars).themeVariables;
      const pairs: Array<[string, string]> = [
        ['primaryTextColor', 'primaryColor'], ['nodeTextColor', 'mainBkg'], ['actorTextColor', 'actorBkg'], ['noteTextColor', 'noteBkgColor'],
        ['textColor', 'background'], ['textColor', 'primaryColor'], ['textColor', 'clusterBkg'], ['signalTextColor', 'background'],
        ['labelTextColor', 'labelBoxBkgColor'], ['classText', 'primaryColor'], ['stateLabelColor', 'stateBkg'], ['transitionLabelColor', 'background'],
      ];
      for (const [fg, bg] of pairs) expect(ratio(v[fg], v[bg]), `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
      for (const line of ['lineColor', 'primaryBorderColor', 'clusterBorder', 'actorBorder', 'signalColor', 'noteBorderColor', 'transitionColor']) {
        expect(ratio(v[line], v.background), line).toBeGreaterThanOrEqual(3);
      }
    });
  }

  it('knows a dark theme', () => {
    expect(deriveMermaidTheme(MURKY).themeVariables.darkMode).toBe(true);
  });
});

describe('withDerivedTheme', () => {
  it("lets the author's themeVariables win, and leaves what Mermaid derives from them to Mermaid", () => {
    const config = withDerivedTheme({ securityLevel: 'strict', themeVariables: { primaryColor: '#ff0000' } }, LIGHT);
    const v = config.themeVariables as Record<string, unknown>;
    expect(config).toMatchObject({ theme: 'base', securityLevel: 'strict' });
    expect(v.primaryColor).toBe('#ff0000');
    expect(v.mainBkg).toBeUndefined();
    expect(v.lineColor).toBeDefined();
  });

  it("outlines sequence message labels in the slide's colour, before the deck's own themeCSS", () => {
    const css = String(withDerivedTheme({ themeCSS: '.messageText { stroke-width: 0 }' }, MURKY).themeCSS);
    expect(css).toMatch(/^\.messageText \{ paint-order: stroke; stroke: #202020;/);
    expect(css.endsWith('.messageText { stroke-width: 0 }')).toBe(true);
  });

  it('derives nothing when the deck names a theme other than base', () => {
    expect(withDerivedTheme({ theme: 'forest' }, LIGHT)).toEqual({ theme: 'forest' });
    expect(withDerivedTheme({ theme: 'base' }, LIGHT).themeVariables).toBeDefined();
  });
});

describe('setsOwnTheme', () => {
  it('sees a theme in an init directive or in front matter, and nothing else', () => {
    expect(setsOwnTheme("%%{init: {'theme': 'dark'}}%%\nflowchart LR\n  A --> B")).toBe(true);
    expect(setsOwnTheme('---\nconfig:\n  theme: forest\n---\nflowchart LR\n  A --> B')).toBe(true);
    expect(setsOwnTheme("%%{init: {'themeVariables': {'primaryColor': '#f00'}}}%%\nflowchart LR")).toBe(false);
    expect(setsOwnTheme('---\ntitle: theme: none\n---\nflowchart LR')).toBe(false);
    expect(setsOwnTheme('flowchart LR\n  theme --> B')).toBe(false);
  });
});
