import { parseHTML } from 'linkedom';

/**
 * HTML the way a browser reads it, for assertions about structure: which elements exist, their
 * attributes and text. Parsing (htmlparser2, through linkedom) closes what HTML closes implicitly
 * and ends <script> and <style> where a browser would, so a test sees the page's real tree
 * rather than matching markup with regular expressions.
 */

/** A whole page (`<!doctype html>…`). */
export function parsePage(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

/** A piece of HTML (a slide's body, notes): the returned element holds it. */
export function parseFragment(html: string): HTMLElement {
  return parsePage(`<!doctype html><html><head></head><body>${html}</body></html>`).body;
}

/** Every element matching `selector`, in document order. */
export function all(root: ParentNode, selector: string): Element[] {
  return [...root.querySelectorAll(selector)];
}

/** The only element matching `selector`; fails, naming the selector and the count, otherwise. */
export function one(root: ParentNode, selector: string): Element {
  const found = all(root, selector);
  if (found.length !== 1) throw new Error(`expected one element matching ${selector}, found ${found.length}`);
  return found[0];
}

/** The trimmed text of every element matching `selector`. */
export function texts(root: ParentNode, selector: string): string[] {
  return all(root, selector).map((e) => (e.textContent ?? '').trim());
}

/** An element's attributes as a plain object, to compare with `toEqual`. */
export function attributes(element: Element): Record<string, string> {
  return Object.fromEntries([...element.attributes].map((a) => [a.name, a.value]));
}

/** The text of every comment under `root` (what the page keeps but never shows). */
export function comments(root: Node): string[] {
  const out: string[] = [];
  const walk = (node: Node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === 8) out.push((child as Comment).data);
      else walk(child);
    }
  };
  walk(root);
  return out;
}
