/** An error that becomes an HTTP status with a one-line message, never a stack trace. */
export class HttpError extends Error {
  constructor(readonly statusCode: number, message: string) {
    super(message);
  }
}

export const notFound = (what: string): HttpError => new HttpError(404, `${what} not found`);

/** A path id: a positive whole number, else 400. */
export function parseId(raw: string, what: string): number {
  const id = Number(raw);
  if (!/^\d{1,15}$/.test(raw) || !Number.isSafeInteger(id) || id < 1) throw new HttpError(400, `${what} id must be a positive whole number, not "${raw}"`);
  return id;
}
