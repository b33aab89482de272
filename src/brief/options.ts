import { z } from 'zod';
import { isRealDate } from '../article/article.js';
import type { BriefOptions } from './types.js';

/** Options a brief cannot be written with (or an --about naming nothing stored); one line naming the flag. */
export class BriefError extends Error {
  override name = 'BriefError';
}

const day = z
  .string()
  .refine(isRealDate, { message: 'must be a date written YYYY-MM-DD' });

const schema = z
  .object({
    about: z.string().trim().min(1, { message: 'must name an actor or a place' }).optional(),
    from: day.optional(),
    to: day.optional(),
    asOf: day,
  });

// The CLI's names for the fields, so a message says what the user typed.
const FLAG: Record<string, string> = { about: '--about', from: '--from', to: '--to', asOf: '--as-of' };

/**
 * Checks the options of a brief: real days, a window that is not upside down, a non-empty
 * --about. A missing as-of day (`asOf`, or `as-of` as a query string spells it) is `today`.
 */
export function parseBriefOptions(input: unknown, today: string = localToday()): BriefOptions {
  const given = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  const withDay = { ...given, asOf: given['asOf'] ?? given['as-of'] ?? today };
  const parsed = schema.safeParse(withDay);
  if (parsed.success) {
    const o = parsed.data;
    if (o.from !== undefined && o.to !== undefined && o.from > o.to) throw new BriefError(`--from ${o.from} is after --to ${o.to}`);
    return { asOf: o.asOf, ...(o.about !== undefined && { about: o.about }), ...(o.from !== undefined && { from: o.from }), ...(o.to !== undefined && { to: o.to }) };
  }
  const issue = parsed.error.issues[0]!;
  const field = String(issue.path[0] ?? 'options');
  const value = (withDay as Record<string, unknown>)[field];
  const shown = typeof value === 'string' ? `, not "${value}"` : '';
  throw new BriefError(`${FLAG[field] ?? field} ${issue.message}${shown}`);
}

/** The calendar day on this machine's clock, YYYY-MM-DD. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
