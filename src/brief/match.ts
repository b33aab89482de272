import { codesAgree, isSymmetricType } from '../corpus/same-event.js';
import type { ActorRef, EventRef, PlaceRef } from './types.js';

/** How two reports' facts compare: the same, unknown on one side, or in disagreement. */
export type Agreement = 'same' | 'unknown' | 'different';

/** Two actors are one when they are the same entity or their codes name one acting body (see codesAgree). */
export function actorsAgree(a: ActorRef | null, b: ActorRef | null): Agreement {
  if (a === null || b === null) return 'unknown';
  if (a.id === b.id) return 'same';
  return codesAgree(a, b) ? 'same' : 'different';
}

/** The same place, or a country and a place inside it; two places in one country are two places. */
export function placesAgree(a: PlaceRef | null, b: PlaceRef | null): Agreement {
  if (a === null || b === null) return 'unknown';
  if (a.id === b.id) return 'same';
  if (a.kind === 'country' && a.country !== null && a.country === b.country) return 'same';
  if (b.kind === 'country' && b.country !== null && b.country === a.country) return 'same';
  return 'different';
}

/**
 * Whether two events can be the same real-world event told differently: their actors agree
 * (at least one side named by both, none in disagreement, either way round for symmetric
 * types) and their places do not disagree. Types are compared by the caller.
 */
export function sameParties(a: EventRef, b: EventRef): boolean {
  if (placesAgree(a.place, b.place) === 'different') return false;
  const straight = rolesAgree(actorsAgree(a.source, b.source), actorsAgree(a.target, b.target));
  if (straight) return true;
  if (!isSymmetricType(a.type) || !isSymmetricType(b.type)) return false;
  return rolesAgree(actorsAgree(a.source, b.target), actorsAgree(a.target, b.source));
}

function rolesAgree(source: Agreement, target: Agreement): boolean {
  if (source === 'different' || target === 'different') return false;
  return source === 'same' || target === 'same';
}

/** Dates written in both texts must overlap; a date read off a publication day says little of a plan or a denial. */
export function datesAgree(a: EventRef, b: EventRef): boolean {
  if (a.dateSource !== 'text' || b.dateSource !== 'text' || !a.dateStart || !a.dateEnd || !b.dateStart || !b.dateEnd) return true;
  return a.dateStart <= b.dateEnd && b.dateStart <= a.dateEnd;
}
