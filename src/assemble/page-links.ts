/** A file a deck page refers to. */
export type PageResource =
  /** In the shared runtime folder: the runtime and its plugins, the stylesheet, mermaid. */
  | { kind: 'runtime'; file: string }
  /** Copied next to the page by the render stage (`assets/…`): images, media, backgrounds. */
  | { kind: 'asset'; file: string };

/**
 * How a page refers to the files it uses. The assemble stage asks for every URL it writes, so a
 * page is never searched afterwards for the URLs in it: `build` and the dev server link to files
 * next to the page, the single-file export gives data: URLs made from its bundle.
 */
export interface PageLinks {
  url(resource: PageResource): string;
  /** The stylesheet's text, for a page that carries it in a <style> (its fonts as data: URLs); else it is linked. */
  styleText?(file: string): string | undefined;
  /** mermaid's browser build in base64, for a page without a runtime folder whose diagrams the browser draws. */
  mermaidBase64?(): string | undefined;
}

/** Relative URLs, as `build` writes them: the runtime folder at `runtime` (ending in `/`), assets beside the page. */
export function relativeLinks(runtime: string): PageLinks {
  return { url: (r) => (r.kind === 'runtime' ? runtime + r.file : r.file) };
}
