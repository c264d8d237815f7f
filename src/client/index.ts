import Reveal from 'reveal.js';
import Notes from 'reveal.js/plugin/notes/notes.esm.js';
import Search from 'reveal.js/plugin/search/search.esm.js';
import Zoom from 'reveal.js/plugin/zoom/zoom.esm.js';
import { A11yPlugin, motionOptions } from './a11y-plugin';
import { DiagramStepsPlugin } from './diagram-steps-plugin';
import { DiagramsPlugin } from './diagrams-plugin';
import { DiagramZoomPlugin } from './diagram-zoom';
import { readPageConfig } from './page-config';
import { collectPlugins } from './plugin-registry';
import { ReadyPlugin } from './ready-plugin';

/**
 * The page's entry: reveal.js with its notes, search and zoom plugins, plus Deckhand's own and
 * those of the bundles loaded before this one (dev client, audience follow, frame bridge; see
 * plugin-registry.ts). `window.Reveal` is the deck, as in reveal.js's own build, so existing
 * plugins keep working; Deckhand's code finds its plugins with `deck.getPlugin(id)`.
 */
const config = readPageConfig();
(window as unknown as { Reveal: typeof Reveal }).Reveal = Reveal;

const plugins: object[] = [Notes, Search, Zoom, new DiagramStepsPlugin(), new DiagramsPlugin(config), new DiagramZoomPlugin(), new ReadyPlugin(), new A11yPlugin(config.reveal), ...collectPlugins()];

Reveal.initialize({ ...motionOptions(config.reveal), plugins } as Reveal.Options);
