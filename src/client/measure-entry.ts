import { measureDiagramContrast } from './diagram-contrast';
import { measureDeck } from './measure-deck';

// `deckhand check` adds this bundle to the page it measures (see src/check/overflow-page.ts).
const w = window as unknown as { deckhandMeasureDeck: typeof measureDeck; deckhandDiagramContrast: typeof measureDiagramContrast };
w.deckhandMeasureDeck = measureDeck;
w.deckhandDiagramContrast = measureDiagramContrast;
