import { diagnostic, type Diagnostic } from '../../diagnostics';
import type { StepPlan } from '../../protocol/diagram-steps';
import type { DiagramRef } from '../../types';
import { planSteps, type StepPlanResult } from './plan-steps';

// The dev server plans every diagram of a deck on every save: remember plans by source.
const memo = new Map<string, StepPlanResult>();

/** A diagram's step plan; a `%% step` in a type without steps is a warning at that line, and it is drawn whole. */
export function stepPlanOf(ref: DiagramRef, diagnostics: Diagnostic[]): StepPlan | undefined {
  if (!ref.code.includes('%%')) return undefined;
  let result = memo.get(ref.code);
  if (!result) {
    if (memo.size > 2000) memo.clear();
    result = planSteps(ref.code);
    memo.set(ref.code, result);
  }
  if (result.kind === 'plan') return result.plan;
  if (result.kind === 'unsupported') {
    const what = result.keyword ? `a ${result.keyword} diagram` : 'this diagram';
    diagnostics.push(
      diagnostic(
        'diagram-steps-unsupported',
        `\`%% step\` has no effect in ${what}: steps work in flowchart, sequence, class and state diagrams; it is drawn whole`,
        { file: ref.origin.file, line: ref.origin.line + result.line - 1, column: 1 },
        'warning',
      ),
    );
  }
  return undefined;
}
