import { PlanBuilder, type StepLine } from './split-steps';

const ID = /^[\p{L}\p{N}_$]+(?:[-.][\p{L}\p{N}_$]+)*/u;
// A link with text in it (`-- text -->`, `== text ==>`, `-. text .->`), then the plain ones.
const TEXT_LINK = /^\s*[<ox]?(?:--|==|-\.)\s*[^-=.>\s|][^]*?\s*(?:-{2,}[>ox]?|={2,}[>ox]?|\.-+[>ox]?)(?=\s*[\p{L}\p{N}_$])/u;
const LINK = /^\s*[<ox]?(?:-{2,}[>ox]?|={2,}[>ox]?|-\.+-[>ox]?|~{3,})/;
const EDGE_ID = /^\s*[\p{L}\p{N}_$]+@(?=[-=~<ox.])/u;
const SKIP = /^(direction|classDef|class|style|linkStyle|click|accTitle|accDescr|title)\b/;

/** Flowchart (`flowchart`/`graph`): nodes, edges (ends included) and subgraphs by their first step. */
export function planFlowchart(lines: StepLine[], plan: PlanBuilder): void {
  let anonymous = 0;
  for (const { text, step } of lines.flatMap(splitStatements)) {
    if (text === 'end' || SKIP.test(text)) continue;
    const sub = /^subgraph\b\s*(.*)$/.exec(text);
    if (sub) {
      // `subgraph id[title]` or `subgraph id`; a title alone gets mermaid's own `subGraphN` id.
      const id = /^([\p{L}\p{N}_$-]+)\s*(?:\[.*)?$/u.exec(sub[1].trim());
      plan.group(id ? id[1] : `subGraph${anonymous}`, step);
      anonymous++;
      continue;
    }
    planChain(text, step, plan);
  }
}

function splitStatements(l: StepLine): StepLine[] {
  const out: StepLine[] = [];
  let depth = 0;
  let quote = false;
  let start = 0;
  for (let i = 0; i < l.text.length; i++) {
    const c = l.text[i];
    if (c === '"') quote = !quote;
    else if (quote) continue;
    else if ('[({'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth = Math.max(0, depth - 1);
    else if (c === ';' && depth === 0) {
      out.push({ ...l, text: l.text.slice(start, i).trim() });
      start = i + 1;
    }
  }
  out.push({ ...l, text: l.text.slice(start).trim() });
  return out.filter((s) => s.text);
}

/** `A & B --> C -- text --> D`: every node of a group links to every node of the next. */
function planChain(text: string, step: number, plan: PlanBuilder): void {
  let rest = text;
  let previous: string[] = [];
  for (;;) {
    const group: string[] = [];
    for (;;) {
      const node = readNode(rest);
      if (!node) return;
      group.push(node.id);
      plan.node(node.id, step);
      rest = node.rest;
      const amp = /^\s*&\s*/.exec(rest);
      if (!amp) break;
      rest = rest.slice(amp[0].length);
    }
    for (const from of previous) for (const to of group) plan.edge(from, to, step);
    previous = group;
    rest = rest.replace(EDGE_ID, '');
    const link = TEXT_LINK.exec(rest) ?? LINK.exec(rest);
    if (!link) return;
    rest = rest.slice(link[0].length).replace(/^\s*\|[^|]*\|/, '');
  }
}

/** A node id, then its shape and text (`[…]`, `(…)`, `{…}`, `>…]`, `@{…}`) and `:::class`. */
function readNode(text: string): { id: string; rest: string } | undefined {
  const s = text.trimStart();
  const id = ID.exec(s);
  if (!id) return undefined;
  let i = id[0].length;
  if (s.startsWith('@{', i)) i = closeOf(s, i + 1);
  else if (s[i] === '>') i = s.indexOf(']', i) + 1 || s.length;
  else if (s[i] && '[({'.includes(s[i])) i = closeOf(s, i);
  const cls = /^:::[\w-]+/.exec(s.slice(i));
  if (cls) i += cls[0].length;
  return { id: id[0], rest: s.slice(i) };
}

/** Index just past the bracket that closes the one at `open`, skipping quoted text. */
function closeOf(s: string, open: number): number {
  let depth = 0;
  let quote = false;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (c === '"') quote = !quote;
    else if (quote) continue;
    else if ('[({'.includes(c)) depth++;
    else if (')]}'.includes(c) && --depth === 0) return i + 1;
  }
  return s.length;
}
