import { z } from 'zod';
import { loadKnowledge } from '../knowledge.js';

const schema = z.object({
  commitments: z.object({
    types: z.record(z.string(), z.object({ label: z.string(), fulfilledBy: z.array(z.string()) })),
    fulfillingStatuses: z.array(z.string()),
    fulfilmentHorizonDays: z.number().int().min(0),
  }),
  forcePosture: z.object({ units: z.array(z.string()), casualtyWords: z.array(z.string()), casualtyWindow: z.number().int().min(0) }),
  summary: z.object({ topActors: z.number().int().min(0), topPlaces: z.number().int().min(0), examplesPerLine: z.number().int().min(0) }),
});

/** knowledge/brief.json, read once and turned into the sets the sections look things up in. */
export interface BriefKnowledge {
  commitmentTypes: ReadonlyMap<string, { label: string; fulfilledBy: ReadonlySet<string> }>;
  fulfillingStatuses: ReadonlySet<string>;
  fulfilmentHorizonDays: number;
  forceUnits: ReadonlySet<string>;
  casualtyWords: ReadonlySet<string>;
  casualtyWindow: number;
  topActors: number;
  topPlaces: number;
  examplesPerLine: number;
}

let cached: BriefKnowledge | undefined;

export function briefKnowledge(): BriefKnowledge {
  if (cached) return cached;
  const k = schema.parse(loadKnowledge<unknown>('brief.json'));
  cached = {
    commitmentTypes: new Map(
      Object.entries(k.commitments.types)
        .filter(([type]) => !type.startsWith('$'))
        .map(([type, v]) => [type, { label: v.label, fulfilledBy: new Set(v.fulfilledBy) }]),
    ),
    fulfillingStatuses: new Set(k.commitments.fulfillingStatuses),
    fulfilmentHorizonDays: k.commitments.fulfilmentHorizonDays,
    forceUnits: new Set(k.forcePosture.units.map((u) => u.toLowerCase())),
    casualtyWords: new Set(k.forcePosture.casualtyWords.map((w) => w.toLowerCase())),
    casualtyWindow: k.forcePosture.casualtyWindow,
    topActors: k.summary.topActors,
    topPlaces: k.summary.topPlaces,
    examplesPerLine: k.summary.examplesPerLine,
  };
  return cached;
}
