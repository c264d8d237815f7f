import Reveal from 'reveal.js';
import Notes from 'reveal.js/plugin/notes/notes.esm.js';
import Search from 'reveal.js/plugin/search/search.esm.js';
import Zoom from 'reveal.js/plugin/zoom/zoom.esm.js';
import { DiagramsPlugin } from './diagrams-plugin';
import { readPageConfig } from './page-config';
import { ReadyPlugin } from './ready-plugin';

/**
 * The page's entry: reveal.js with its notes, search and zoom plugins, plus Deckhand's own.
 * `window.Reveal` is the deck, as in reveal.js's own build, so existing plugins keep working.
 */
const config = readPageConfig();
(window as unknown as { Reveal: typeof Reveal }).Reveal = Reveal;

const plugins: object[] = [Notes, Search, Zoom, DiagramsPlugin(config), ReadyPlugin()];
const extra = (window as unknown as { DeckhandPlugins?: object[] }).DeckhandPlugins;
if (Array.isArray(extra)) plugins.push(...extra);

Reveal.initialize({ ...config.reveal, plugins } as Reveal.Options);
