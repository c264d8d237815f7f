import type { StepPlan } from '../../protocol/diagram-steps';

/** A diagram's source cut at its `%% step` lines. */
export interface StepLine {
  /** The statement, trimmed, without a trailing `;`. */
  text: string;
  /** 1-based line in the diagram's source. */
  line: number;
  step: number;
}

export interface SplitSource {
  /** The diagram type word (`flowchart`, `sequenceDiagram`, …); '' when there is none. */
  keyword: string;
  lines: StepLine[];
  count: number;
  focus: number[];
  /** 1-based source line of each `%% step` marker, in order. */
  markers: number[];
}

// Only this exact comment marks a step, so a deck's source stays portable to any Mermaid tool.
const MARKER = /^\s*%%\s*step(\s+focus)?\s*$/;

/** The first line after a YAML front matter block (`---` … `---`): it configures mermaid and declares nothing. */
function bodyStart(all: string[]): number {
  if (all[0]?.trim() !== '---') return 0;
  const close = all.findIndex((l, n) => n > 0 && l.trim() === '---');
  return close > 0 ? close + 1 : 0;
}

/** A line's statement: trimmed, without trailing `;`; undefined for a blank line or a `%%` comment. */
function statement(raw: string): string | undefined {
  const text = raw.trim().replace(/;+$/, '');
  return text && !text.startsWith('%%') ? text : undefined;
}

/** The diagram type word (`flowchart`, `block-beta`, …): the first word after front matter and `%%` lines. */
export function diagramKeyword(code: string): string {
  const all = code.split(/\r?\n/);
  for (let i = bodyStart(all); i < all.length; i++) {
    const text = statement(all[i]);
    if (text) return text.split(/\s+/)[0];
  }
  return '';
}

export function splitSteps(code: string): SplitSource {
  const out: SplitSource = { keyword: '', lines: [], count: 0, focus: [], markers: [] };
  const all = code.split(/\r?\n/);
  for (let i = bodyStart(all); i < all.length; i++) {
    const raw = all[i];
    const marker = MARKER.exec(raw);
    if (marker) {
      out.count++;
      out.markers.push(i + 1);
      if (marker[1]) out.focus.push(out.count);
      continue;
    }
    const text = statement(raw);
    if (!text) continue;
    if (!out.keyword) {
      out.keyword = text.split(/\s+/)[0];
      // `flowchart LR; A-->B` declares on its first line too.
      const rest = text.slice(out.keyword.length).replace(/^\s*(TB|TD|BT|RL|LR)\b/, '').replace(/^\s*;/, '').trim();
      if (rest) out.lines.push({ text: rest, line: i + 1, step: out.count });
      continue;
    }
    out.lines.push({ text, line: i + 1, step: out.count });
  }
  return out;
}

/** A plan being filled in: first declaration wins, edges wait until both ends exist. */
export class PlanBuilder {
  readonly nodes: Record<string, number> = {};
  readonly groups: Record<string, number> = {};
  readonly edges: StepPlan['edges'] = [];
  readonly notes: number[] = [];
  readonly activations: Array<{ of: string; step: number }> = [];

  node(id: string, step: number): number {
    if (!(id in this.nodes)) this.nodes[id] = step;
    return this.nodes[id];
  }

  group(id: string, step: number): void {
    if (!(id in this.groups)) this.groups[id] = step;
  }

  /** An edge shows no earlier than both its ends: a half-drawn arrow would point at nothing. */
  edge(from: string, to: string, step: number): void {
    this.edges.push({ from, to, step: Math.max(step, this.node(from, step), this.node(to, step)) });
  }
}
