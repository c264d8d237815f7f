import { PlanBuilder, type StepLine } from './split-steps';

const NAME = String.raw`[\p{L}\p{N}_$]+(?:~[^~]*~)?`;
const RELATION = new RegExp(String.raw`^(${NAME})\s*(?:"[^"]*"\s*)?(?:<\||\*|o|<)?(?:--|\.\.)(?:\|>|\*|o|>)?\s*(?:"[^"]*"\s*)?(${NAME})`, 'u');
const CLASS = new RegExp(String.raw`^class\s+(${NAME})`, 'u');
const MEMBER = new RegExp(String.raw`^(${NAME})\s*:`, 'u');
const CLASS_SKIP = /^(direction|classDef|cssClass|style|click|link|callback|note|accTitle|accDescr|title)\b/;

/** `Name~T~` is drawn under `Name`. */
const bare = (name: string) => name.replace(/~.*$/, '');

/** Class diagram: classes and relations (ends included). Class bodies declare no class. */
export function planClass(lines: StepLine[], plan: PlanBuilder): void {
  let inBody = false;
  for (const { text, step } of lines) {
    if (inBody) {
      if (text.startsWith('}')) inBody = false;
      continue;
    }
    if (text === '}' || CLASS_SKIP.test(text) || /^namespace\b/.test(text)) continue;
    const cls = CLASS.exec(text);
    if (cls) {
      plan.node(bare(cls[1]), step);
      inBody = text.endsWith('{');
      continue;
    }
    const relation = RELATION.exec(text);
    if (relation) {
      plan.edge(bare(relation[1]), bare(relation[2]), step);
      // Each quoted cardinality is drawn as its own label, in the order of the relations.
      const terminals = (relation[0].match(/"[^"]*"/g) ?? []).length;
      if (terminals) plan.edges[plan.edges.length - 1].terminals = terminals;
      continue;
    }
    const member = MEMBER.exec(text);
    if (member) plan.node(bare(member[1]), step);
  }
}

const STATE_ID = String.raw`\[\*\]|[\p{L}\p{N}_$]+`;
const TRANSITION = new RegExp(String.raw`^(${STATE_ID})\s*-->\s*(${STATE_ID})`, 'u');
const STATE = /^state\s+(?:"[^"]*"\s+as\s+)?([\p{L}\p{N}_$]+)/u;
const STATE_SKIP = /^(direction|classDef|class|style|accTitle|accDescr|title|--$)/;

/** State diagram: states, composite states and transitions; `[*]` is its parent's start or end. */
export function planState(lines: StepLine[], plan: PlanBuilder): void {
  const parents = ['root'];
  let inNote = false;
  for (const { text, step } of lines) {
    if (inNote) {
      if (/^end\s+note$/i.test(text)) inNote = false;
      continue;
    }
    if (/^note\b/i.test(text)) {
      inNote = !text.includes(':');
      continue;
    }
    if (text === '}') {
      if (parents.length > 1) parents.pop();
      continue;
    }
    if (STATE_SKIP.test(text)) continue;
    const state = STATE.exec(text);
    if (state) {
      plan.node(state[1], step);
      if (text.endsWith('{')) {
        plan.group(state[1], step);
        parents.push(state[1]);
      }
      continue;
    }
    const t = TRANSITION.exec(text);
    if (t) {
      const parent = parents[parents.length - 1];
      const end = (id: string, side: 'start' | 'end') => (id === '[*]' ? `${parent}_${side}` : id);
      plan.edge(end(t[1], 'start'), end(t[2], 'end'), step);
      continue;
    }
    const described = /^([\p{L}\p{N}_$]+)\s*(?::|:::|$)/u.exec(text);
    if (described) plan.node(described[1], step);
  }
}
