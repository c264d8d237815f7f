import type { StepPlan } from '../protocol/diagram-steps';

/**
 * Marks every element of a rendered Mermaid SVG with the step it belongs to (`data-deck-step`),
 * from the plan computed from the source. Runs on a parsed, not laid-out SVG (the render page
 * annotates before serialising; the browser fallback right after drawing): it reads ids,
 * `data-id`/`data-et` and position attributes only, never layout. Element names follow
 * mermaid 11's output (see test/diagrams/steps-render.test.ts).
 */
export function annotateSteps(svg: Element, plan: StepPlan): void {
  svg.setAttribute('data-deck-steps', String(plan.count));
  if (plan.focus.length) svg.setAttribute('data-deck-step-focus', plan.focus.join(' '));
  if (plan.type === 'sequence') annotateSequence(svg, plan);
  else annotateGraph(svg, plan);
}

function mark(el: Element | null | undefined, step: number | undefined): void {
  if (el && step !== undefined) el.setAttribute('data-deck-step', String(step));
}

/** Flowchart, class and state diagrams: mermaid's graph renderer (nodes, clusters, edgePaths, edgeLabels). */
function annotateGraph(svg: Element, plan: StepPlan): void {
  const prefix = svg.id + '-';
  const local = (id: string) => (id.startsWith(prefix) ? id.slice(prefix.length) : id);
  for (const node of Array.from(svg.querySelectorAll('g.node[id]'))) {
    const name = /^(?:flowchart|classId|state)-(.+)-\d+$/.exec(local(node.id))?.[1];
    if (name !== undefined) mark(node, plan.nodes[name]);
  }
  for (const cluster of Array.from(svg.querySelectorAll('g.cluster, g.statediagram-cluster'))) {
    const name = cluster.getAttribute('data-id') ?? local(cluster.id);
    mark(cluster, plan.groups[name] ?? plan.nodes[name]);
  }
  const stepOfEdge = new Map<string, number>();
  const paths = Array.from(svg.querySelectorAll('.edgePaths > path[data-id]'));
  const used = new Set<Element>();
  plan.edges.forEach((edge, i) => {
    let path: Element | undefined;
    if (plan.type === 'state') path = paths.find((p) => p.getAttribute('data-id') === `edge${i}`);
    else {
      // `L_from_to_n` (flowchart) or `id_from_to_n` (class): the first unused one in drawing order.
      const start = `${plan.type === 'class' ? 'id' : 'L'}_${edge.from}_${edge.to}_`;
      path = paths.find((p) => !used.has(p) && (p.getAttribute('data-id') ?? '').startsWith(start));
    }
    if (!path) return;
    used.add(path);
    mark(path, edge.step);
    stepOfEdge.set(path.getAttribute('data-id')!, edge.step);
  });
  for (const label of Array.from(svg.querySelectorAll('.edgeLabels .label[data-id]'))) {
    const step = stepOfEdge.get(label.getAttribute('data-id')!);
    mark(label.closest('.edgeLabel') ?? label, step);
  }
  // A class relation's cardinalities ("1", "*") are drawn apart, unnamed, in the order of the relations.
  const terminals = Array.from(svg.querySelectorAll('.edgeLabels > .edgeTerminals'));
  for (const edge of plan.edges) for (let k = 0; k < (edge.terminals ?? 0); k++) mark(terminals.shift(), edge.step);
}

const num = (el: Element | null, name: string) => parseFloat(el?.getAttribute(name) ?? '') || 0;

/** Sequence diagrams: participants (boxes at both ends and lifeline), messages, notes, activations. */
function annotateSequence(svg: Element, plan: StepPlan): void {
  const lifelines = Array.from(svg.querySelectorAll('[data-et="life-line"]')).map((line) => ({ id: line.getAttribute('data-id') ?? '', x: num(line, 'x1') }));
  const nearest = (x: number) => lifelines.reduce((best, l) => (Math.abs(l.x - x) < Math.abs(best.x - x) ? l : best), lifelines[0])?.id;
  for (const el of Array.from(svg.querySelectorAll('[data-et="life-line"], [data-et="participant"]'))) mark(el, plan.nodes[el.getAttribute('data-id') ?? '']);
  // The bottom boxes carry no id: they sit under their lifeline.
  for (const rect of Array.from(svg.querySelectorAll('rect.actor-bottom'))) mark(rect.parentElement, plan.nodes[nearest(num(rect, 'x') + num(rect, 'width') / 2) ?? '']);
  for (const man of Array.from(svg.querySelectorAll('g.actor-man.actor-bottom'))) mark(man, plan.nodes[nearest(num(man.querySelector('circle'), 'cx')) ?? '']);

  const byOrdinal = (selector: string) =>
    Array.from(svg.querySelectorAll(selector)).sort((a, b) => Number(a.getAttribute('data-id')?.slice(1)) - Number(b.getAttribute('data-id')?.slice(1)));
  byOrdinal('[data-et="message"]').forEach((line, i) => {
    const step = plan.edges[i]?.step;
    mark(line, step);
    // The message's text lines come right before its line, its autonumber right after.
    for (let t = line.previousElementSibling; t?.classList.contains('messageText'); t = t.previousElementSibling) mark(t, step);
    for (let t = line.nextElementSibling; t && /sequenceNumber/.test(t.getAttribute('class') ?? ''); t = t.nextElementSibling) mark(t, step);
  });
  byOrdinal('[data-et="note"]').forEach((note, i) => mark(note, plan.notes[i]));

  // Activations are drawn when they end; per participant, their order from the top is the order they start.
  const rects = Array.from(svg.querySelectorAll('rect[class^="activation"]')).map((r) => ({ r, of: nearest(num(r, 'x') + num(r, 'width') / 2), y: num(r, 'y') }));
  rects.sort((a, b) => a.y - b.y);
  const next = new Map<string, number>();
  for (const { r, of } of rects) {
    if (of === undefined) continue;
    const k = next.get(of) ?? 0;
    next.set(of, k + 1);
    const mine = plan.activations.filter((a) => a.of === of)[k];
    mark(r.parentElement?.tagName === 'g' && r.parentElement.childElementCount === 1 ? r.parentElement : r, mine?.step);
  }
}
