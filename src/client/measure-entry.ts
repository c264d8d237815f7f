import { measureDiagramContrast } from './diagram-contrast';
import { measureDeck } from './measure-deck';
import { measureTextContrast } from './a11y-measure';

// `deckhand check` adds this bundle to the page it measures (see src/check/overflow-page.ts).
const w = window as unknown as { deckhandMeasureDeck: typeof measureDeck; deckhandDiagramContrast: typeof measureDiagramContrast; deckhandTextContrast: typeof measureTextContrast };
w.deckhandMeasureDeck = measureDeck;
w.deckhandDiagramContrast = measureDiagramContrast;
w.deckhandTextContrast = measureTextContrast;
