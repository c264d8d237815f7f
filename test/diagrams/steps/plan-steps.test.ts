import { describe, expect, it } from 'vitest';
import { planSteps } from '../../../src/diagrams/steps/plan-steps';
import type { StepPlan } from '../../../src/protocol/diagram-steps';

function plan(code: string): StepPlan {
  const r = planSteps(code);
  if (r.kind !== 'plan') throw new Error(`no plan: ${JSON.stringify(r)}`);
  return r.plan;
}

describe('planSteps: which step each element is first declared in', () => {
  it('leaves diagrams without `%% step` alone', () => {
    expect(planSteps('flowchart LR\n  A --> B').kind).toBe('none');
    // Only a line holding just the marker counts.
    expect(planSteps('flowchart LR\n  A --> B %% step').kind).toBe('none');
  });

  it('flowchart: nodes, chained and grouped edges, labels, subgraphs; an edge never before its ends', () => {
    const p = plan(`---
config:
  look: classic
---
flowchart LR
  A[Client] -->|HTTP| B(API)
%% step
  B -- calls --> C{{Daemon}} --> D[(Store)]
  subgraph S [Host]
    E & F --> G
  end
%% step focus
  A -.-> D
  D --> H
  subgraph "no id"
    I
  end
`);
    expect(p.type).toBe('flowchart');
    expect(p.count).toBe(2);
    expect(p.focus).toEqual([2]);
    expect(p.nodes).toEqual({ A: 0, B: 0, C: 1, D: 1, E: 1, F: 1, G: 1, H: 2, I: 2 });
    expect(p.groups).toEqual({ S: 1, subGraph1: 2 });
    expect(p.edges).toEqual([
      { from: 'A', to: 'B', step: 0 },
      { from: 'B', to: 'C', step: 1 },
      { from: 'C', to: 'D', step: 1 },
      { from: 'E', to: 'G', step: 1 },
      { from: 'F', to: 'G', step: 1 },
      { from: 'A', to: 'D', step: 2 },
      { from: 'D', to: 'H', step: 2 },
    ]);
  });

  it('an edge declared early waits for an end declared later', () => {
    const p = plan('graph TD\n  A\n%% step\n  B\n%% step\n  A --> B\n');
    expect(p.edges).toEqual([{ from: 'A', to: 'B', step: 2 }]);
  });

  it('sequence: participants on first use, messages, notes, activations', () => {
    const p = plan(`sequenceDiagram
  participant C as Client
  actor U
  C->>+D: run
%% step
  D-->>-C: done
  Note over C,E: spans a new one
  activate C
  C->>C: self
`);
    expect(p.type).toBe('sequence');
    expect(p.nodes).toEqual({ C: 0, U: 0, D: 0, E: 1 });
    expect(p.edges.map((e) => e.step)).toEqual([0, 1, 1]);
    expect(p.notes).toEqual([1]);
    expect(p.activations).toEqual([{ of: 'D', step: 0 }, { of: 'C', step: 1 }]);
  });

  it('class: classes, members, bodies and relations', () => {
    const p = plan(`classDiagram
  class Animal {
    +String name
    Legs --> Ignored
  }
%% step
  Animal <|-- Duck : is
  Duck : +swim()
  class List~T~
  Animal "1" --> "*" Food
`);
    expect(p.nodes).toEqual({ Animal: 0, Duck: 1, List: 1, Food: 1 });
    expect(p.edges).toEqual([
      { from: 'Animal', to: 'Duck', step: 1 },
      { from: 'Animal', to: 'Food', step: 1, terminals: 2 },
    ]);
  });

  it('state: [*] is the start or end of the enclosing state, composites are groups', () => {
    const p = plan(`stateDiagram-v2
  [*] --> Still
%% step
  Still --> Moving : push
  state Moving {
    [*] --> Fast
  }
%% step
  Moving --> [*]
  Crash : boom
`);
    expect(p.nodes).toEqual({ root_start: 0, Still: 0, Moving: 1, Moving_start: 1, Fast: 1, root_end: 2, Crash: 2 });
    expect(p.groups).toEqual({ Moving: 1 });
    expect(p.edges.map((e) => [e.from, e.to, e.step])).toEqual([
      ['root_start', 'Still', 0],
      ['Still', 'Moving', 1],
      ['Moving_start', 'Fast', 1],
      ['Moving', 'root_end', 2],
    ]);
  });

  it('other diagram types: no plan, the first marker line is named', () => {
    expect(planSteps('pie title Pets\n  "Dogs" : 3\n%% step\n  "Cats" : 2\n')).toEqual({ kind: 'unsupported', keyword: 'pie', line: 3 });
  });
});
