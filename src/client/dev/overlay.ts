import type { Diagnostic } from '../../protocol/diagnostic';
import { keepActivationKeys } from './keys';

/** The in-page error panel: the same diagnostics the terminal prints, with their code frames. */
export class Overlay {
  private el?: HTMLElement;

  show(diagnostics: Diagnostic[]): void {
    this.hide();
    const el = document.createElement('div');
    el.className = 'deck-dev-overlay';
    el.setAttribute('role', 'alert');
    el.setAttribute('style', 'position:fixed;left:0;right:0;top:0;max-height:70vh;overflow:auto;z-index:2147483647;background:rgba(24,10,10,.96);color:#fde8e8;font:14px/1.45 ui-monospace,Menlo,Consolas,monospace;padding:16px 20px;box-shadow:0 6px 24px rgba(0,0,0,.5)');
    const title = document.createElement('div');
    title.setAttribute('style', 'font-weight:700;color:#ff8a80;margin-bottom:8px');
    title.textContent = `Deckhand: ${diagnostics.length} problem${diagnostics.length === 1 ? '' : 's'} — showing the last good slides`;
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'deck-dev-overlay-close';
    close.textContent = 'Hide (Esc)';
    close.title = 'Hide this panel until the next problem; fixing the source clears it too';
    close.setAttribute('style', 'float:right;font:13px system-ui,sans-serif;padding:4px 10px;border-radius:14px;border:1px solid #ff8a80;background:transparent;color:#fde8e8;cursor:pointer');
    close.addEventListener('click', () => this.hide());
    keepActivationKeys(close);
    el.append(close, title);
    for (const d of diagnostics) {
      const item = document.createElement('div');
      item.className = 'deck-dev-diagnostic';
      item.setAttribute('style', 'margin:10px 0');
      const head = document.createElement('div');
      head.textContent = `${d.file ?? ''}${d.file ? `:${d.line ?? 1}:${d.column ?? 1}` : ''} ${d.severity}: ${d.message} [${d.code}]`;
      item.appendChild(head);
      if (d.frame) {
        const pre = document.createElement('pre');
        pre.setAttribute('style', 'margin:6px 0 0;padding:8px;background:#000;color:#ddd;white-space:pre;overflow:auto');
        pre.textContent = d.frame;
        item.appendChild(pre);
      }
      el.appendChild(item);
    }
    // First in the page, as it is first on screen: Tab reaches its button before the deck's.
    document.body.prepend(el);
    this.el = el;
    document.addEventListener('keydown', this.onEscape, true);
  }

  hide(): void {
    document.removeEventListener('keydown', this.onEscape, true);
    this.el?.remove();
    this.el = undefined;
  }

  // Escape hides the overlay before reveal.js reads it as "overview".
  private readonly onEscape = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    e.stopPropagation();
    e.preventDefault();
    const hadFocus = this.el?.contains(document.activeElement);
    this.hide();
    if (hadFocus) document.body.focus();
  };
}
