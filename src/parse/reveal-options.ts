/**
 * The reveal.js 5.2 options a deck may set under `revealOptions:`, with the values reveal.js
 * documents for each (node_modules/reveal.js/js/config.js). A wrongly typed value does not fail
 * in reveal.js: `width: wide` or `transition: 7` gives a blank or broken deck in the browser,
 * so the build reports it instead. This is the only list of reveal.js options in Deckhand.
 */

/** One accepted form of a value, and how to name it in a message. */
interface Form {
  accepts(value: unknown): boolean;
  name: string;
}

const boolean: Form = { accepts: (v) => typeof v === 'boolean', name: 'true or false' };
const number: Form = { accepts: (v) => typeof v === 'number' && !Number.isNaN(v), name: 'a number' };
const text: Form = { accepts: (v) => typeof v === 'string', name: 'text' };
const unset: Form = { accepts: (v) => v === null, name: 'null' };
const falseOnly: Form = { accepts: (v) => v === false, name: 'false' };
const percent: Form = { accepts: (v) => typeof v === 'string' && /^\d+(\.\d+)?%$/.test(v.trim()), name: 'a percentage such as "100%"' };
const mapping: Form = { accepts: (v) => typeof v === 'object' && v !== null && !Array.isArray(v), name: 'a mapping' };
const texts: Form = { accepts: (v) => Array.isArray(v) && v.every((x) => typeof x === 'string'), name: 'a list of CSS property names' };
/** Set from YAML these can only be wrong (they take functions or plugin objects); reveal.js's own checks apply. */
const anything: Form = { accepts: () => true, name: 'anything' };
const oneOf = (...values: string[]): Form => ({
  accepts: (v) => typeof v === 'string' && values.includes(v),
  name: `${values.length > 1 ? 'one of ' : ''}${values.map((v) => `"${v}"`).join(', ')}`,
});

const TRANSITIONS = oneOf('none', 'fade', 'slide', 'convex', 'concave', 'zoom');

export const REVEAL_OPTIONS: Record<string, Form[]> = {
  width: [number, percent],
  height: [number, percent],
  margin: [number],
  minScale: [number],
  maxScale: [number],
  controls: [boolean, oneOf('speaker-only')],
  controlsTutorial: [boolean],
  controlsLayout: [oneOf('edges', 'bottom-right')],
  controlsBackArrows: [oneOf('faded', 'hidden', 'visible')],
  progress: [boolean],
  slideNumber: [boolean, oneOf('h.v', 'h/v', 'c', 'c/t')],
  showSlideNumber: [oneOf('all', 'print', 'speaker')],
  hashOneBasedIndex: [boolean],
  hash: [boolean],
  respondToHashChanges: [boolean],
  jumpToSlide: [boolean],
  history: [boolean],
  keyboard: [boolean, mapping],
  keyboardCondition: [unset, oneOf('focused')],
  disableLayout: [boolean],
  overview: [boolean],
  center: [boolean],
  touch: [boolean],
  loop: [boolean],
  rtl: [boolean],
  navigationMode: [oneOf('default', 'linear', 'grid')],
  shuffle: [boolean],
  fragments: [boolean],
  fragmentInURL: [boolean],
  embedded: [boolean],
  help: [boolean],
  pause: [boolean],
  showNotes: [boolean],
  showHiddenSlides: [boolean],
  autoPlayMedia: [unset, boolean],
  preloadIframes: [unset, boolean],
  autoAnimate: [boolean],
  autoAnimateMatcher: [anything],
  autoAnimateEasing: [text],
  autoAnimateDuration: [number],
  autoAnimateUnmatched: [boolean],
  autoAnimateStyles: [texts],
  autoSlide: [number, falseOnly],
  autoSlideStoppable: [boolean],
  autoSlideMethod: [anything],
  defaultTiming: [unset, number],
  mouseWheel: [boolean],
  previewLinks: [boolean],
  postMessage: [boolean],
  postMessageEvents: [boolean],
  focusBodyOnPageVisibilityChange: [boolean],
  transition: [TRANSITIONS],
  transitionSpeed: [oneOf('default', 'fast', 'slow')],
  backgroundTransition: [TRANSITIONS],
  parallaxBackgroundImage: [text],
  parallaxBackgroundSize: [text],
  parallaxBackgroundRepeat: [text],
  parallaxBackgroundPosition: [text],
  parallaxBackgroundHorizontal: [unset, number],
  parallaxBackgroundVertical: [unset, number],
  view: [unset, oneOf('print', 'scroll')],
  scrollLayout: [oneOf('full', 'compact')],
  scrollSnap: [falseOnly, oneOf('proximity', 'mandatory')],
  scrollProgress: [boolean, oneOf('auto')],
  scrollActivationWidth: [unset, number],
  pdfMaxPagesPerSlide: [number],
  pdfSeparateFragments: [boolean],
  pdfPageHeightOffset: [number],
  viewDistance: [number],
  mobileViewDistance: [number],
  display: [text],
  hideInactiveCursor: [boolean],
  hideCursorTime: [number],
  sortFragmentsOnSync: [boolean],
  dependencies: [anything],
  plugins: [anything],
};

/**
 * Keys that plugins read from the same config (the notes plugin's pacing, which Deckhand's
 * speaker view uses too, and the configuration blocks of common plugins): passed on silently.
 * Any other key is passed on as well, with a warning, since it is more often a typo than a plugin.
 */
export const PLUGIN_OPTIONS: Record<string, Form[]> = {
  totalTime: [number],
  minimumTimePerSlide: [number],
  url: [text],
  menu: [mapping],
  chalkboard: [mapping],
  customcontrols: [mapping],
  math: [mapping],
  katex: [mapping],
  mathjax2: [mapping],
  mathjax3: [mapping],
  highlight: [mapping],
  markdown: [mapping],
  multiplex: [mapping],
  pointer: [mapping],
  spotlight: [mapping],
  toolbar: [mapping],
  verticator: [mapping],
  audio: [mapping],
};

export type OptionCheck = { kind: 'ok' } | { kind: 'unknown' } | { kind: 'wrong-type'; expected: string };

/** Whether one `revealOptions` entry is a known option with a value reveal.js accepts. */
export function checkRevealOption(key: string, value: unknown): OptionCheck {
  const forms = Object.hasOwn(REVEAL_OPTIONS, key) ? REVEAL_OPTIONS[key] : Object.hasOwn(PLUGIN_OPTIONS, key) ? PLUGIN_OPTIONS[key] : undefined;
  if (!forms) return { kind: 'unknown' };
  if (forms.some((f) => f.accepts(value))) return { kind: 'ok' };
  return { kind: 'wrong-type', expected: joinOr(forms.map((f) => f.name)) };
}

function joinOr(names: string[]): string {
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}
