import type { StepPlan } from '../../protocol/diagram-steps';
import { planClass, planState } from './class-state';
import { planFlowchart } from './flowchart';
import { planSequence } from './sequence';
import { PlanBuilder, splitSteps } from './split-steps';

export type StepPlanResult =
  | { kind: 'none' }
  | { kind: 'plan'; plan: StepPlan }
  /** `%% step` in a diagram type the steps do not know: drawn whole. `line`: the first marker. */
  | { kind: 'unsupported'; keyword: string; line: number };

const PLANNERS = {
  flowchart: planFlowchart,
  sequence: planSequence,
  class: planClass,
  state: planState,
} as const;

function typeOf(keyword: string): StepPlan['type'] | undefined {
  if (keyword === 'flowchart' || keyword === 'graph' || keyword === 'flowchart-elk') return 'flowchart';
  if (keyword === 'sequenceDiagram') return 'sequence';
  if (keyword === 'classDiagram' || keyword === 'classDiagram-v2') return 'class';
  if (keyword === 'stateDiagram' || keyword === 'stateDiagram-v2') return 'state';
  return undefined;
}

/** Diagrams stage, pure: which step each element of a diagram's source is first declared in. */
export function planSteps(code: string): StepPlanResult {
  // Most diagrams have no steps: skip them without splitting their lines.
  if (!/%%\s*step/.test(code)) return { kind: 'none' };
  const split = splitSteps(code);
  if (!split.count) return { kind: 'none' };
  const type = typeOf(split.keyword);
  if (!type) return { kind: 'unsupported', keyword: split.keyword, line: split.markers[0] };
  const b = new PlanBuilder();
  PLANNERS[type](split.lines, b);
  return {
    kind: 'plan',
    plan: { type, count: split.count, focus: split.focus, nodes: b.nodes, groups: b.groups, edges: b.edges, notes: b.notes, activations: b.activations },
  };
}
