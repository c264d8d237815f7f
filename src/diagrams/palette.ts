// Only CSS's colour spaces (what a theme can write), not all of culori's: 45 fewer modules to compile at each start.
import 'culori/css';
import { formatHex, interpolate, parse, wcagContrast, wcagLuminance, type Color } from 'culori/fn';

/**
 * A deck theme's colours and type → Mermaid's `base` theme variables. Pure: it sees only the
 * custom properties the compiled stylesheet sets (`--r-*` from reveal.js themes, `--deck-*` from
 * Deckhand's), computes what the theme does not say (node fills as a tint of the accent over the
 * background, …) and then moves colours until they read: label text against its fill at least
 * 4.5:1, lines and borders against the slide background at least 3:1 (WCAG 2 ratios).
 */

export const TEXT_CONTRAST = 4.5;
export const LINE_CONTRAST = 3;
/** Diagram labels are drawn at this share of the deck's body text, so they read from the back row. */
export const LABEL_SCALE = 0.7;

export interface MermaidThemeConfig {
  theme: 'base';
  themeVariables: Record<string, string | boolean>;
}

/** Mermaid's `base` theme and the variables derived from the theme's custom properties. */
export function deriveMermaidTheme(vars: Readonly<Record<string, string>>): MermaidThemeConfig {
  const bg = color(vars['--r-background-color']) ?? WHITE;
  const dark = wcagLuminance(bg) < 0.18;
  const main = color(vars['--r-main-color']) ?? (dark ? WHITE : BLACK);
  const heading = color(vars['--r-heading-color']) ?? main;
  const accent = color(vars['--deck-accent']) ?? color(vars['--r-link-color']) ?? heading;
  const second = color(vars['--r-link-color']) ?? accent;

  const tint = (c: Color, amount: number) => mix(bg, c, amount);
  const nodeFill = tint(accent, dark ? 0.28 : 0.14);
  const altFill = tint(second === accent ? heading : second, dark ? 0.22 : 0.1);
  const clusterFill = tint(main, dark ? 0.08 : 0.05);
  const noteFill = tint(heading, dark ? 0.2 : 0.1);

  const border = readable(accent, [bg], LINE_CONTRAST);
  const line = readable(mix(main, bg, 0.2), [bg], LINE_CONTRAST);
  // One ink for every label: Mermaid draws some labels with `textColor` inside shapes, some with their own colour.
  const text = readable(main, [bg, nodeFill, altFill, clusterFill, noteFill], TEXT_CONTRAST);
  const on = (fill: Color) => hex(readable(text, [fill], TEXT_CONTRAST));
  const title = hex(readable(heading, [bg], TEXT_CONTRAST));
  const fontSize = mainFontSize(vars['--r-main-font-size']);

  const v = {
    darkMode: dark,
    background: hex(bg),
    fontFamily: vars['--r-main-font'] || 'sans-serif',
    fontSize: `${Math.ceil(fontSize * LABEL_SCALE)}px`,
    textColor: hex(text),
    titleColor: title,
    lineColor: hex(line),
    // Flowcharts and the defaults of every other diagram.
    primaryColor: hex(nodeFill),
    primaryTextColor: on(nodeFill),
    primaryBorderColor: hex(border),
    secondaryColor: hex(altFill),
    secondaryTextColor: on(altFill),
    secondaryBorderColor: hex(border),
    tertiaryColor: hex(clusterFill),
    tertiaryTextColor: on(clusterFill),
    tertiaryBorderColor: hex(border),
    mainBkg: hex(nodeFill),
    nodeBorder: hex(border),
    nodeTextColor: on(nodeFill),
    clusterBkg: hex(clusterFill),
    clusterBorder: hex(border),
    // An opaque label background keeps edge labels readable where they cross a line.
    edgeLabelBackground: hex(bg),
    // Sequence diagrams.
    actorBkg: hex(nodeFill),
    actorBorder: hex(border),
    actorTextColor: on(nodeFill),
    actorLineColor: hex(line),
    signalColor: hex(line),
    signalTextColor: hex(text),
    labelBoxBkgColor: hex(nodeFill),
    labelBoxBorderColor: hex(border),
    labelTextColor: on(nodeFill),
    loopTextColor: hex(text),
    noteBkgColor: hex(noteFill),
    noteBorderColor: hex(border),
    noteTextColor: on(noteFill),
    activationBkgColor: hex(altFill),
    activationBorderColor: hex(border),
    sequenceNumberColor: hex(readable(bg, [line], TEXT_CONTRAST)),
    // Class and state diagrams.
    classText: on(nodeFill),
    labelColor: on(nodeFill),
    stateLabelColor: on(nodeFill),
    stateBkg: hex(nodeFill),
    labelBackgroundColor: hex(bg),
    compositeBackground: hex(clusterFill),
    compositeTitleBackground: hex(nodeFill),
    altBackground: hex(clusterFill),
    transitionColor: hex(line),
    transitionLabelColor: hex(text),
    specialStateColor: hex(line),
    innerEndBackground: hex(border),
    errorBkgColor: hex(tint(color('#d32f2f')!, 0.2)),
    errorTextColor: on(tint(color('#d32f2f')!, 0.2)),
  };
  return { theme: 'base', themeVariables: v };
}

const WHITE = parse('#ffffff')!;
const BLACK = parse('#000000')!;

function color(value: string | undefined): Color | undefined {
  if (!value) return undefined;
  const c = parse(value.trim());
  if (!c) return undefined;
  // A translucent theme colour is what it shows over white; Mermaid wants opaque colours.
  const alpha = c.alpha ?? 1;
  return alpha < 1 ? mix(WHITE, { ...c, alpha: 1 }, alpha) : c;
}

function mix(a: Color, b: Color, amount: number): Color {
  return interpolate([a, b], 'rgb')(amount);
}

/**
 * `fg` moved toward black or white (whichever the backgrounds are farther from) until it reads on
 * every one of them. The margin covers rounding to hex and the browser's own rounding.
 */
export function readable(fg: Color, backgrounds: Color[], min: number): Color {
  const target = min + 0.05;
  const reads = (c: Color) => backgrounds.every((b) => wcagContrast(opaque(c), b) >= target);
  if (reads(fg)) return fg;
  const worst = (c: Color) => Math.min(...backgrounds.map((b) => wcagContrast(c, b)));
  const away = worst(BLACK) >= worst(WHITE) ? BLACK : WHITE;
  for (let t = 0.04; t < 1; t += 0.04) {
    const c = mix(fg, away, t);
    if (reads(c)) return c;
  }
  return away;
}

/** As it will be written: hex, so what is checked is what is drawn. */
const opaque = (c: Color): Color => parse(formatHex(c))!;

function hex(c: Color): string {
  return formatHex(c);
}

/** `--r-main-font-size` in px (reveal.js themes use px; an em or rem counts from 16 px). */
function mainFontSize(value: string | undefined): number {
  const m = /^\s*([\d.]+)\s*(px|em|rem|pt)?\s*$/.exec(value ?? '');
  if (!m) return 30;
  const n = parseFloat(m[1]);
  return m[2] === 'em' || m[2] === 'rem' ? n * 16 : m[2] === 'pt' ? (n * 4) / 3 : n;
}

/**
 * The deck's mermaid config with the derived theme under it: the author's `themeVariables` win
 * over the derived ones, and a `theme` other than `base` turns derivation off.
 */
export function withDerivedTheme(config: Readonly<Record<string, unknown>>, vars: Readonly<Record<string, string>>): Readonly<Record<string, unknown>> {
  if (config.theme !== undefined && config.theme !== 'base') return config;
  // Deriving takes milliseconds; a warm rebuild, which draws nothing, must not pay them on every compile.
  let byConfig = memo.get(vars);
  if (!byConfig) memo.set(vars, (byConfig = new Map()));
  const id = JSON.stringify(config);
  let out = byConfig.get(id);
  if (!out) {
    if (byConfig.size > 20) byConfig.clear();
    byConfig.set(id, (out = Object.freeze(mergeDerived(config, vars))));
  }
  return out;
}

/** Per theme (the compiled style's variables object, kept while the style is), per deck config. */
const memo = new WeakMap<object, Map<string, Readonly<Record<string, unknown>>>>();

function mergeDerived(config: Readonly<Record<string, unknown>>, vars: Readonly<Record<string, string>>): Record<string, unknown> {
  const derived = deriveMermaidTheme(vars);
  const own = (config.themeVariables ?? {}) as Record<string, unknown>;
  const merged: Record<string, unknown> = { ...derived.themeVariables };
  // An author's `primaryColor` must reach the nodes: what Mermaid derives from it is left to Mermaid.
  for (const key of Object.keys(own)) for (const dependent of DEPENDENTS[key] ?? []) delete merged[dependent];
  const background = String(merged.background ?? own.background ?? '#ffffff');
  return { ...config, theme: 'base', themeVariables: { ...merged, ...own }, themeCSS: labelHalo(background) + String(config.themeCSS ?? '') };
}

/**
 * A sequence diagram's message labels sit on the lifelines they cross, with nothing behind them:
 * an outline of the slide's colour, painted under each letter, keeps them readable. The deck's
 * own `themeCSS` comes after, so it can change this.
 */
function labelHalo(background: string): string {
  return `.messageText { paint-order: stroke; stroke: ${background}; stroke-width: 0.6em; stroke-linejoin: round; }`;
}

/** Variables Mermaid's base theme computes from another one when it is not given. */
const DEPENDENTS: Record<string, string[]> = {
  background: ['edgeLabelBackground', 'labelBackgroundColor'],
  primaryColor: ['mainBkg', 'actorBkg', 'labelBoxBkgColor', 'stateBkg', 'compositeTitleBackground', 'primaryTextColor', 'nodeTextColor', 'actorTextColor', 'labelTextColor', 'classText', 'labelColor', 'stateLabelColor', 'secondaryColor', 'tertiaryColor', 'primaryBorderColor'],
  primaryTextColor: ['nodeTextColor', 'actorTextColor', 'labelTextColor', 'classText', 'labelColor', 'stateLabelColor'],
  primaryBorderColor: ['nodeBorder', 'actorBorder', 'labelBoxBorderColor', 'clusterBorder', 'noteBorderColor', 'activationBorderColor'],
  secondaryColor: ['activationBkgColor', 'secondaryTextColor'],
  tertiaryColor: ['clusterBkg', 'compositeBackground', 'altBackground', 'tertiaryTextColor'],
  lineColor: ['actorLineColor', 'signalColor', 'transitionColor', 'specialStateColor'],
  textColor: ['signalTextColor', 'loopTextColor', 'transitionLabelColor'],
  noteBkgColor: ['noteTextColor'],
};

/** A diagram that picks its own theme (`%%{init: {theme: …}}%%` or `config: theme:` front matter) is left to it. */
export function setsOwnTheme(code: string): boolean {
  const head = code.trimStart();
  if (/%%\{[\s\S]*?['"]?\btheme['"]?\s*:[\s\S]*?\}%%/.test(code)) return true;
  if (!head.startsWith('---')) return false;
  const end = head.indexOf('\n---', 3);
  return end > 0 && /^\s+['"]?theme['"]?\s*:/m.test(head.slice(3, end));
}
