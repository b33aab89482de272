import { z } from 'zod';
import { PLOVER_TYPES, STATUSES } from '../layers/events/types.js';

/** A query the user can fix (a bad filter value); the message is one line naming the field. */
export class QueryError extends Error {
  override name = 'QueryError';
}

export const MAX_LIMIT = 1000;
export const DEFAULT_LIMIT = 100;

// Query strings and CLI flags arrive as strings; an empty value means the filter is not set.
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
/** Longest value a text filter takes: names and search words, not documents. */
const MAX_TEXT = 500;
const text = z.preprocess(blankToUndefined, z.string().trim().max(MAX_TEXT, `must be at most ${MAX_TEXT} characters`).optional());

const isRealDay = (s: string): boolean => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};
const day = z.preprocess(
  blankToUndefined,
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
    .refine(isRealDay, 'is not a real calendar date')
    .optional(),
);

const ploverType = z.preprocess(
  blankToUndefined,
  z
    .string()
    .trim()
    .transform((s) => s.toUpperCase())
    .refine((s) => (PLOVER_TYPES as readonly string[]).includes(s), {
      message: `must be a PLOVER event type: ${PLOVER_TYPES.join(', ')}`,
    })
    .optional(),
);

const status = z.preprocess(
  (v) => (typeof v === 'string' ? blankToUndefined(v.trim().toLowerCase()) : v),
  z.enum(STATUSES, { message: `must be one of ${STATUSES.join(', ')}` }).optional(),
);

const wholeNumber = (min: number, max: number, fallback: number, what: string) =>
  z.preprocess(
    (v) => {
      const b = blankToUndefined(v);
      return typeof b === 'string' && /^\s*\d+\s*$/.test(b) ? Number(b) : b;
    },
    z
      .number({ message: what })
      .int({ message: what })
      .min(min, { message: what })
      .max(max, { message: what })
      .default(fallback),
  );

/**
 * The event filters shared by `sitrep events`, `sitrep export` and the HTTP API. Everything
 * is optional; limit and offset page through the results.
 */
export const eventFilterSchema = z
  .object({
    actor: text,
    type: ploverType,
    status,
    from: day,
    to: day,
    place: text,
    text,
    limit: wholeNumber(1, MAX_LIMIT, DEFAULT_LIMIT, `must be a whole number from 1 to ${MAX_LIMIT}`),
    offset: wholeNumber(0, Number.MAX_SAFE_INTEGER, 0, 'must be a whole number of at least 0'),
  })
  .superRefine((f, ctx) => {
    if (f.from !== undefined && f.to !== undefined && f.from > f.to) {
      ctx.addIssue({ code: 'custom', message: `from (${f.from}) is after to (${f.to})` });
    }
  });

export type EventFilter = z.infer<typeof eventFilterSchema>;

/** The filters alone, without paging: what selects the events. */
export type EventCriteria = Omit<EventFilter, 'limit' | 'offset'>;

/** Validates filter input (CLI flags, a query string, a JSON body); throws QueryError with one line. */
export function parseEventFilter(input: unknown): EventFilter {
  const parsed = eventFilterSchema.safeParse(input ?? {});
  // Filters not set are left out, not kept as undefined keys: the result reads like the request.
  if (parsed.success) return Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined)) as EventFilter;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.map(String).join('.');
  const given = field ? valueAt(input, issue.path) : undefined;
  const shown = typeof given === 'string' || typeof given === 'number' ? ` (got "${clipValue(String(given).trim())}")` : '';
  throw new QueryError(`${field ? `${field}: ` : ''}${issue.message}${shown}`);
}

const clipValue = (s: string) => (s.length > 40 ? `${s.slice(0, 39)}…` : s);

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const p of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[p] : undefined;
  return v;
}

/** Paging for the listings (actors, places, articles): same bounds as events. */
export function parsePaging(opts: { limit?: unknown; offset?: unknown }): { limit: number; offset: number } {
  const { limit, offset } = parseEventFilter({ limit: opts.limit, offset: opts.offset });
  return { limit, offset };
}
