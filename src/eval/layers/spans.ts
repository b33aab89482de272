import type { Offsets } from '../../doc/span.js';
import type { SystemRecord } from '../system.js';

/** Whether a system record's span overlaps a gold span; records without numeric offsets overlap nothing. */
export function overlapsRecord(gold: Offsets, record: SystemRecord): boolean {
  const { start, end } = record;
  return typeof start === 'number' && typeof end === 'number' && gold.start < end && start < gold.end;
}

/** Whether an offset falls inside a record's [start, end) range. */
export function recordContains(record: unknown, offset: number): boolean {
  if (record === null || typeof record !== 'object') return false;
  const { start, end } = record as SystemRecord;
  return typeof start === 'number' && typeof end === 'number' && start <= offset && offset < end;
}

/** The words of a system record: its `text` when it has one, else what its offsets cover. */
export function recordText(record: SystemRecord, articleText: string): string {
  if (typeof record.text === 'string') return record.text;
  if (typeof record.start === 'number' && typeof record.end === 'number') return articleText.slice(record.start, record.end);
  return '(no text)';
}
