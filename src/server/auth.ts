import { timingSafeEqual } from 'node:crypto';

/**
 * Whether a request's "Authorization: Bearer T" (or "X-Sitrep-Token: T") header carries the
 * server's token. Compared in constant time, so the token cannot be guessed byte by byte.
 */
export function hasToken(expected: string, authorization: string | undefined, headerToken: string | undefined): boolean {
  const given = bearer(authorization) ?? headerToken;
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function bearer(header: string | undefined): string | undefined {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return m?.[1];
}
