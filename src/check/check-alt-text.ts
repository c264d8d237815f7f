import { diagnostic, type Diagnostic } from '../diagnostics';
import type { RenderedSlide } from '../types';

/**
 * Images and diagrams a screen reader cannot name: `![](x.png)`, `<img>` without `alt`
 * (`alt=""` is HTML's way to mark a decorative image, so it passes), `![](x.mmd)` and
 * mermaid fences with neither alt text nor mermaid's `accTitle:` / `accDescr:`.
 */
export function checkAltText(slide: RenderedSlide): Diagnostic[] {
  return slide.outline.images
    .filter((image) => !image.named)
    .map((image) => diagnostic('missing-alt', message(image), image.at, 'warning'));
}

function message(image: RenderedSlide['outline']['images'][number]): string {
  switch (image.kind) {
    case 'image':
      return `image has no alt text: write what it shows in ![…](${image.src})`;
    case 'diagram-file':
      return `diagram has no alt text: write what it shows in ![…](${image.src}), or add accTitle: to the diagram`;
    case 'diagram-fence':
      return 'diagram has no alt text: add an `accTitle: …` line (and `accDescr: …`) to the Mermaid code';
    case 'html-img':
      return `image has no alt attribute: <img src="${image.src}"> (alt="" marks a decorative image)`;
  }
}
