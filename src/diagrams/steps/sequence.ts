import { PlanBuilder, type StepLine } from './split-steps';

const PARTICIPANT = /^(?:create\s+)?(?:participant|actor)\s+(.+?)(?:\s+as\s+.*)?$/i;
const MESSAGE = /^(.+?)\s*(<<-->>|<<->>|-->>|->>|-->|->|--x|-x|--\)|-\))\s*([+-]?)\s*(.+?)\s*:/;
const NOTE = /^note\s+(?:left of|right of|over)\s+([^:]+):/i;
const ACTIVATE = /^activate\s+(.+)$/i;

/** Sequence diagram: participants, messages (ends included), notes and activations. */
export function planSequence(lines: StepLine[], plan: PlanBuilder): void {
  for (const { text, step } of lines) {
    const participant = PARTICIPANT.exec(text);
    if (participant) {
      plan.node(participant[1].replace(/@\{.*$/, '').trim(), step);
      continue;
    }
    const message = MESSAGE.exec(text);
    if (message) {
      const [, from, , sign, to] = message;
      plan.edge(from.trim(), to.trim(), step);
      const at = plan.edges[plan.edges.length - 1].step;
      // `A->>+B` starts an activation of B; `-` ends one, which declares nothing new.
      if (sign === '+') plan.activations.push({ of: to.trim(), step: at });
      continue;
    }
    const note = NOTE.exec(text);
    if (note) {
      const ends = note[1].split(',').map((s) => s.trim());
      plan.notes.push(Math.max(step, ...ends.map((e) => plan.node(e, step))));
      continue;
    }
    const activate = ACTIVATE.exec(text);
    if (activate) {
      const of = activate[1].trim();
      plan.activations.push({ of, step: Math.max(step, plan.node(of, step)) });
    }
  }
}
