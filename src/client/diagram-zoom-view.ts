/**
 * The zoom view: a modal `<dialog>` over the deck holding a copy of one diagram, fitted to the
 * window, zoomed by the wheel, pinch, the +/−/0 keys and its buttons, moved by dragging and the
 * arrow keys. While it is open no key reaches reveal.js or its plugins: a capturing listener on
 * `window` handles the view's keys and stops every key event there.
 */

/** Room kept free around the fitted diagram (for the buttons above it), in CSS pixels. */
const PADDING = 56;
const MIN_SCALE = 0.5;
const MAX_SCALE = 12;
/** One press of + or −, one click of a button. */
const STEP = 1.25;
/** How far one arrow key moves the diagram: a tenth of the window. */
const PAN_SHARE = 0.1;
/** Some of the diagram always stays on screen, however far it is dragged. */
const KEEP_VISIBLE = 48;
/** A press that moves less than this is a click (closes on the backdrop), not a drag. */
const DRAG_SLOP = 4;

interface Transform {
  scale: number;
  x: number;
  y: number;
}

export interface ZoomContent {
  svg: SVGSVGElement;
  /** The diagram's accessible name. */
  label: string;
  /** The slide's colours, so the view looks like the slide it came from. */
  background: string;
  color: string;
}

export class ZoomView {
  readonly dialog = document.createElement('dialog');
  private readonly stage = document.createElement('div');
  private readonly content = document.createElement('div');
  private readonly fitButton: HTMLButtonElement;
  private svg?: SVGSVGElement;
  private t: Transform = { scale: 1, x: 0, y: 0 };
  private base = { width: 0, height: 0 };
  private readonly pointers = new Map<number, { x: number; y: number }>();
  private travelled = 0;
  private returnFocus?: HTMLElement;

  private readonly onKey = (e: KeyboardEvent) => this.key(e);
  private readonly onResize = () => this.fit();

  constructor(private readonly host: HTMLElement) {
    const d = this.dialog;
    d.className = 'deck-zoom';
    d.setAttribute('aria-describedby', 'deck-zoom-hint');
    this.stage.className = 'deck-zoom-stage';
    this.stage.tabIndex = 0;
    this.stage.setAttribute('role', 'img');
    this.stage.autofocus = true;
    this.content.className = 'deck-zoom-content';
    this.stage.append(this.content);

    const toolbar = document.createElement('div');
    toolbar.className = 'deck-zoom-toolbar';
    toolbar.setAttribute('role', 'toolbar');
    toolbar.setAttribute('aria-label', 'Zoom');
    this.fitButton = button('100%', 'Fit to the window (0)', () => this.reset());
    toolbar.append(
      button('−', 'Zoom out (−)', () => this.zoomBy(1 / STEP)),
      this.fitButton,
      button('+', 'Zoom in (+)', () => this.zoomBy(STEP)),
      button('✕', 'Close (Escape)', () => this.close(), 'deck-zoom-close'),
    );
    const hint = document.createElement('div');
    hint.id = 'deck-zoom-hint';
    hint.className = 'deck-zoom-hint';
    hint.textContent = 'Scroll, pinch or press + and − to zoom; drag or use the arrow keys to move; Escape closes.';
    d.append(this.stage, toolbar, hint);

    // The close event comes a task later; `close()` tidies up at once, this covers any other way a dialog closes.
    // A close event that arrives after the view was opened again (Escape, then Space at once) is stale: the dialog is open.
    d.addEventListener('close', () => {
      if (this.svg && !this.dialog.open) this.closed();
    });
    this.bindPointer();
    // reveal.js (swipes, its zoom plugin, link previews) listens on the deck around this dialog.
    for (const type of ['pointerdown', 'pointermove', 'pointerup', 'mousedown', 'mouseup', 'click', 'touchstart', 'touchmove', 'touchend', 'wheel']) {
      d.addEventListener(type, (e) => e.stopPropagation());
    }
  }

  get isOpen(): boolean {
    return this.dialog.open;
  }

  open(c: ZoomContent, opener: HTMLElement): void {
    if (!this.dialog.isConnected) this.host.append(this.dialog);
    this.dialog.setAttribute('aria-label', `Diagram, enlarged${c.label ? `: ${c.label}` : ''}`);
    this.stage.setAttribute('aria-label', c.label || 'Diagram');
    this.dialog.style.setProperty('--deck-zoom-bg', c.background);
    this.dialog.style.setProperty('--deck-zoom-fg', c.color);
    this.returnFocus = opener;
    this.show(c.svg);
    for (const type of ['keydown', 'keyup', 'keypress']) window.addEventListener(type, this.onKey as EventListener, true);
    window.addEventListener('resize', this.onResize);
    this.dialog.showModal();
    this.fit();
    this.stage.focus({ preventScroll: true });
  }

  /** Shows a fresh copy of the same diagram (a fragment step changed under the view), keeping the zoom. */
  replace(svg: SVGSVGElement): void {
    if (this.isOpen) this.show(svg);
  }

  close(): void {
    if (!this.dialog.open) return;
    this.dialog.close();
    this.closed();
  }

  destroy(): void {
    this.close();
    this.dialog.remove();
  }

  private show(svg: SVGSVGElement): void {
    // The slide caps a diagram's width and height; here it fills the box the view gives it.
    svg.removeAttribute('style');
    svg.setAttribute('width', '100%');
    svg.setAttribute('height', '100%');
    svg.setAttribute('aria-hidden', 'true');
    this.svg = svg;
    this.content.replaceChildren(svg);
  }

  /** Every way the dialog closes (Escape, the button, the backdrop) ends here, once. */
  private closed(): void {
    for (const type of ['keydown', 'keyup', 'keypress']) window.removeEventListener(type, this.onKey as EventListener, true);
    window.removeEventListener('resize', this.onResize);
    this.pointers.clear();
    this.content.replaceChildren();
    this.svg = undefined;
    const back = this.returnFocus;
    this.returnFocus = undefined;
    if (back?.isConnected) back.focus({ preventScroll: true });
  }

  /** Scale 1: the whole diagram as large as the window allows, centred. */
  private fit(): void {
    const svg = this.svg;
    if (!svg) return;
    const box = svg.viewBox.baseVal;
    const width = box?.width || svg.getBBox().width || 1;
    const height = box?.height || svg.getBBox().height || 1;
    const room = { width: Math.max(1, this.stage.clientWidth - 2 * PADDING), height: Math.max(1, this.stage.clientHeight - 2 * PADDING) };
    const k = Math.min(room.width / width, room.height / height);
    this.base = { width: width * k, height: height * k };
    this.content.style.width = `${this.base.width}px`;
    this.content.style.height = `${this.base.height}px`;
    this.reset();
  }

  private reset(): void {
    this.apply({ scale: 1, x: (this.stage.clientWidth - this.base.width) / 2, y: (this.stage.clientHeight - this.base.height) / 2 });
  }

  /** Zooms by `factor` keeping the point (px, py) of the stage where it is (the centre by default). */
  private zoomBy(factor: number, px = this.stage.clientWidth / 2, py = this.stage.clientHeight / 2): void {
    const { scale, x, y } = this.t;
    const next = Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale * factor));
    const k = next / scale;
    this.apply({ scale: next, x: px - (px - x) * k, y: py - (py - y) * k });
  }

  private panBy(dx: number, dy: number): void {
    this.apply({ ...this.t, x: this.t.x + dx, y: this.t.y + dy });
  }

  private apply(t: Transform): void {
    const w = this.base.width * t.scale;
    const h = this.base.height * t.scale;
    const W = this.stage.clientWidth;
    const H = this.stage.clientHeight;
    const keepX = Math.min(KEEP_VISIBLE, w);
    const keepY = Math.min(KEEP_VISIBLE, h);
    this.t = { scale: t.scale, x: Math.min(W - keepX, Math.max(keepX - w, t.x)), y: Math.min(H - keepY, Math.max(keepY - h, t.y)) };
    this.content.style.transform = `translate(${this.t.x}px, ${this.t.y}px) scale(${this.t.scale})`;
    this.fitButton.textContent = `${Math.round(this.t.scale * 100)}%`;
  }

  /** Keys while open: the view's own, and none of them reaches the deck. */
  private key(e: KeyboardEvent): void {
    e.stopPropagation();
    if (e.type !== 'keydown' || e.ctrlKey || e.metaKey || e.altKey) return;
    const panX = this.stage.clientWidth * PAN_SHARE;
    const panY = this.stage.clientHeight * PAN_SHARE;
    const actions: Record<string, () => void> = {
      Escape: () => this.close(),
      '+': () => this.zoomBy(STEP),
      '=': () => this.zoomBy(STEP),
      '-': () => this.zoomBy(1 / STEP),
      _: () => this.zoomBy(1 / STEP),
      '0': () => this.reset(),
      // The arrow says which way to look: the diagram moves the other way.
      ArrowLeft: () => this.panBy(panX, 0),
      ArrowRight: () => this.panBy(-panX, 0),
      ArrowUp: () => this.panBy(0, panY),
      ArrowDown: () => this.panBy(0, -panY),
    };
    const action = actions[e.key];
    if (!action) return;
    e.preventDefault();
    action();
  }

  /** Wheel and trackpad pinch (a wheel with ctrlKey) zoom at the pointer; one finger or the mouse drags, two fingers pinch. */
  private bindPointer(): void {
    const stage = this.stage;
    stage.addEventListener(
      'wheel',
      (e) => {
        e.preventDefault();
        const lines = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? stage.clientHeight : 1;
        const at = this.local(e);
        this.zoomBy(Math.exp(-e.deltaY * lines * (e.ctrlKey ? 0.01 : 0.002)), at.x, at.y);
      },
      { passive: false },
    );
    stage.addEventListener('pointerdown', (e) => {
      if (e.button !== 0) return;
      stage.setPointerCapture(e.pointerId);
      if (!this.pointers.size) this.travelled = 0;
      this.pointers.set(e.pointerId, this.local(e));
    });
    stage.addEventListener('pointermove', (e) => {
      const before = this.pointers.get(e.pointerId);
      if (!before) return;
      const now = this.local(e);
      if (this.pointers.size === 1) {
        this.travelled += Math.hypot(now.x - before.x, now.y - before.y);
        this.panBy(now.x - before.x, now.y - before.y);
      } else {
        const [a, b] = [...this.pointers.entries()].map(([id, p]) => (id === e.pointerId ? now : p));
        const [pa, pb] = [...this.pointers.values()];
        const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
        const midBefore = { x: (pa.x + pb.x) / 2, y: (pa.y + pb.y) / 2 };
        this.travelled += DRAG_SLOP;
        this.panBy(mid.x - midBefore.x, mid.y - midBefore.y);
        this.zoomBy(Math.hypot(a.x - b.x, a.y - b.y) / (Math.hypot(pa.x - pb.x, pa.y - pb.y) || 1), mid.x, mid.y);
      }
      this.pointers.set(e.pointerId, now);
    });
    const lift = (e: PointerEvent) => this.pointers.delete(e.pointerId);
    stage.addEventListener('pointerup', lift);
    stage.addEventListener('pointercancel', lift);
    // A click on the empty room around the diagram is a click on the backdrop.
    stage.addEventListener('click', (e) => {
      if (e.target === stage && this.travelled < DRAG_SLOP) this.close();
    });
  }

  private local(e: MouseEvent): { x: number; y: number } {
    const r = this.stage.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  }
}

function button(text: string, label: string, action: () => void, className = ''): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = `deck-zoom-button ${className}`.trim();
  b.textContent = text;
  b.setAttribute('aria-label', label);
  b.title = label;
  b.addEventListener('click', action);
  return b;
}
