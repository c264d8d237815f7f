/**
 * Code evaluated inside the headless page that renders diagrams. Kept free of imports:
 * it is serialised into the page and runs against the page's global `mermaid`.
 */
import type { StepPlan } from '../protocol/diagram-steps';

export interface PageJob {
  renderId: string;
  code: string;
  /** A stepped diagram's plan: its SVG elements are marked with their steps before serialising. */
  plan?: StepPlan;
}

export type PageResult = { renderId: string; svg?: string; error?: string };

export async function renderInPage(args: { jobs: PageJob[]; config: Record<string, unknown> }): Promise<PageResult[]> {
  const w = window as unknown as {
    mermaid: Pick<typeof import('mermaid').default, 'initialize' | 'render'>;
    /** lib/runtime/diagram-steps.js, which the render page loads. */
    deckAnnotateSteps: (svg: Element, plan: StepPlan) => void;
  };
  const out: PageResult[] = [];
  w.mermaid.initialize({ startOnLoad: false, ...args.config });
  const random = Math.random;
  for (const job of args.jobs) {
    // Mermaid jitters some shapes with Math.random: seeded from the render id (from the diagram's
    // cache key), a diagram's SVG is the same whichever page draws it, in whatever order.
    let seed = 0;
    for (const ch of job.renderId) seed = (Math.imul(seed, 31) + ch.charCodeAt(0)) | 0;
    Math.random = () => {
      // mulberry32: small, and good enough for jitter
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    try {
      const { svg } = await w.mermaid.render(job.renderId, job.code);
      const holder = document.createElement('template');
      holder.innerHTML = svg;
      const el = holder.content.querySelector('svg');
      if (!el) throw new Error('mermaid returned no <svg>');
      if (job.plan) w.deckAnnotateSteps(el, job.plan);
      // mermaid's string can hold HTML-only markup such as <br>; serialising the parsed tree makes it valid XML.
      out.push({ renderId: job.renderId, svg: new XMLSerializer().serializeToString(el) });
    } catch (e) {
      const err = e as { message?: string; str?: string };
      out.push({ renderId: job.renderId, error: String(err?.message ?? err?.str ?? e) });
    } finally {
      Math.random = random;
      document.getElementById(job.renderId)?.remove();
      document.getElementById('d' + job.renderId)?.remove();
    }
  }
  return out;
}

/** Reads the font the deck's theme gives slide text, so diagrams are measured with it. */
export async function themeFontInPage(): Promise<string> {
  const probe = document.querySelector('.reveal .slides section') as HTMLElement;
  const family = getComputedStyle(probe).fontFamily;
  await document.fonts.load(`16px ${family}`);
  await document.fonts.load(`bold 16px ${family}`);
  await document.fonts.ready;
  return family;
}
