import { measureSlide } from './measure-slide';

// `deckhand check` adds this bundle to the page it measures (see src/check/overflow-page.ts).
(window as unknown as { deckhandMeasureSlide: typeof measureSlide }).deckhandMeasureSlide = measureSlide;
