import { measureDeck } from './measure-deck';

// `deckhand check` adds this bundle to the page it measures (see src/check/overflow-page.ts).
(window as unknown as { deckhandMeasureDeck: typeof measureDeck }).deckhandMeasureDeck = measureDeck;
