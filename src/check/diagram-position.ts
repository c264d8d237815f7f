import type { RenderedSlide, SourcePosition } from '../types';

/**
 * Where the author wrote a diagram: the line of its ```` ```mermaid ```` fence or of its
 * `![…](x.mmd)` image, found from the slot id the page measured. The slide's body diagrams
 * are listed first and in the order its outline lists diagram images (both come from the same
 * walk over its tokens), so the n-th diagram is the n-th diagram image.
 */
export function diagramPosition(slide: RenderedSlide, id: string): SourcePosition {
  const index = slide.diagrams.findIndex((d) => d.id === id);
  const written = slide.outline.images.filter((i) => i.kind === 'diagram-fence' || i.kind === 'diagram-file');
  return written[index]?.at ?? { file: slide.file, line: slide.line, column: 1 };
}
