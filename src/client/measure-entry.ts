import { measureDiagramContrast } from './diagram-contrast';
import { measureSlide } from './measure-slide';
import { measureTextContrast } from './a11y-measure';

// `deckhand check` adds this bundle to the page it measures (see src/check/overflow-page.ts).
const w = window as unknown as { deckhandMeasureSlide: typeof measureSlide; deckhandDiagramContrast: typeof measureDiagramContrast; deckhandTextContrast: typeof measureTextContrast };
w.deckhandMeasureSlide = measureSlide;
w.deckhandDiagramContrast = measureDiagramContrast;
w.deckhandTextContrast = measureTextContrast;
