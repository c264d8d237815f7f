import { measureDiagramContrast } from './diagram-contrast';
import { measureSlide } from './measure-slide';

// `deckhand check` adds this bundle to the page it measures (see src/check/overflow-page.ts).
const w = window as unknown as { deckhandMeasureSlide: typeof measureSlide; deckhandDiagramContrast: typeof measureDiagramContrast };
w.deckhandMeasureSlide = measureSlide;
w.deckhandDiagramContrast = measureDiagramContrast;
