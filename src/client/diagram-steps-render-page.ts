import { annotateSteps } from './diagram-steps-annotate';

/**
 * Bundled as lib/runtime/diagram-steps.js and loaded by the page that renders diagrams in
 * Chromium (src/diagrams/browser.ts): the same annotation the viewer's browser runs in the
 * fallback, so both paths mark the SVG identically.
 */
(window as unknown as { deckAnnotateSteps: typeof annotateSteps }).deckAnnotateSteps = annotateSteps;
