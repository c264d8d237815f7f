import path from 'node:path';
import { checkContent } from '../check/check-decks';
import { formatDiagnostic, type Diagnostic } from '../diagnostics';
import type { DevDeck } from './dev-deck';
import type { ServerMessage } from '../protocol/dev-messages';

/**
 * Runs `deckhand check`'s source checks (links, alt text, empty slides, slide ids) for the dev
 * server, a moment after the page was updated so they never delay a reload. Pages and the
 * terminal hear about the result only when it changed.
 */
export class ContentChecks {
  private readonly last = new Map<string, { lines: string[]; message: ServerMessage }>();
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly root: string,
    private readonly publish: (m: ServerMessage) => void,
    private readonly log: (line: string) => void,
    private readonly delayMs = 120,
  ) {}

  schedule(deck: DevDeck): void {
    clearTimeout(this.timers.get(deck.name));
    const timer = setTimeout(() => this.run(deck), this.delayMs);
    timer.unref();
    this.timers.set(deck.name, timer);
  }

  /** For a page that connects now: the findings of every deck that has any. */
  current(): ServerMessage[] {
    return [...this.last.values()].map((l) => l.message);
  }

  close(): void {
    for (const t of this.timers.values()) clearTimeout(t);
  }

  private run(deck: DevDeck): void {
    const checkable = deck.checkable;
    if (!checkable) return;
    let found: Diagnostic[];
    try {
      found = checkContent(checkable, this.root);
    } catch (e) {
      this.log(`deckhand: internal error while checking ${deck.name}: ${(e as Error).stack ?? e}`);
      return;
    }
    // The terminal form (with code frames) identifies a finding; it is also what gets printed.
    const lines = found.map((d) => formatDiagnostic(d, this.root));
    const before = this.last.get(deck.name);
    if ((before?.lines ?? []).join('\n') === lines.join('\n')) return;
    const previously = new Set(before?.lines);
    for (const line of lines) if (!previously.has(line)) this.log(line);
    if (before && !found.length) this.log(`deckhand: ${deck.name}: check finds no more problems`);
    const message: ServerMessage = { type: 'checks', deck: deck.name, diagnostics: found.map((d) => relativeFile(d, this.root)) };
    this.last.set(deck.name, { lines, message });
    this.publish(message);
  }
}

/** Pages show paths from the project root: shorter, and no home folder on a projected screen. */
export function relativeFile(d: Diagnostic, root: string): Diagnostic {
  return d.file && path.isAbsolute(d.file) ? { ...d, file: path.relative(root, d.file) || d.file } : d;
}
