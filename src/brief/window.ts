import type { EventRef } from './types.js';

/** The days a brief covers; either end may be open. */
export class Window {
  constructor(readonly from: string | undefined, readonly to: string | undefined) {}

  /** True when the inclusive span [start, end] shares a day with the window. */
  overlaps(start: string, end: string = start): boolean {
    return (this.from === undefined || end >= this.from) && (this.to === undefined || start <= this.to);
  }

  /** An event is in the window by the days it is dated to, else by the days it was reported. */
  holdsEvent(e: EventRef): boolean {
    if (e.dateStart && e.dateEnd) return this.overlaps(e.dateStart, e.dateEnd);
    return this.overlaps(e.firstReported, e.lastReported);
  }

  /** A plan is in the window by its deadline or by when it was reported. */
  holdsPlan(e: EventRef): boolean {
    return this.holdsEvent(e) || this.overlaps(e.firstReported, e.lastReported);
  }
}
