import { z } from 'zod';

/** An ISO calendar date, checked for existence (2024-02-30 is refused). */
export const isoDate = z.string().refine(isRealDate, { message: 'must be a date written YYYY-MM-DD' });

export function isRealDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * The article JSON shape of spec §1. `published` may carry a time of day in the wild
 * ("2024-09-27T10:00:00Z"); only its date part is the document creation time.
 */
export const articleSchema = z.object({
  id: z.string().min(1).optional(),
  url: z.string().nullable().optional(),
  source: z.string().nullable().optional(),
  published: z.string().nullable().optional(),
  title: z.string().nullable().optional(),
  text: z.string({ message: 'has no "text" string' }),
}).passthrough();

export interface Article {
  id: string;
  url: string | null;
  source: string | null;
  /** Document creation time as YYYY-MM-DD, or null when unknown. */
  published: string | null;
  title: string | null;
  text: string;
}

/** Reduces a timestamp to its calendar date; null when it is not a date at all. */
export function normalizePublished(value: string | null | undefined): string | null {
  if (value == null || value.trim() === '') return null;
  const m = /^(\d{4}-\d{2}-\d{2})(?:$|[T ])/.exec(value.trim());
  if (m && isRealDate(m[1]!)) return m[1]!;
  const parsed = Date.parse(value);
  if (Number.isNaN(parsed)) return null;
  return new Date(parsed).toISOString().slice(0, 10);
}
