/**
 * Which step of a stepped diagram (`%% step` lines in its source) each logical element is first
 * declared in: computed on the Node side from the source (src/diagrams/steps/), applied to the
 * rendered SVG in the render page or, without Chromium, in the viewer's browser
 * (src/client/diagram-steps-annotate.ts). Plain JSON: it travels into both pages.
 */
export interface StepPlan {
  type: 'flowchart' | 'sequence' | 'class' | 'state';
  /** Number of `%% step` lines: the diagram has steps 0 (always shown) to `count`. */
  count: number;
  /** Steps opened by `%% step focus`: while one is current, earlier steps are dimmed. */
  focus: number[];
  /** Node, participant, class or state id → its step. */
  nodes: Record<string, number>;
  /** Flowchart subgraph and composite state id → its step. */
  groups: Record<string, number>;
  /** Edges, relations, transitions or messages in source order, each no earlier than its ends. */
  edges: Array<{ from: string; to: string; step: number; /** Class relation cardinalities ("1", "*"), drawn apart. */ terminals?: number }>;
  /** Sequence diagram notes in source order. */
  notes: number[];
  /** Sequence diagram activations in source order of their start. */
  activations: Array<{ of: string; step: number }>;
}
