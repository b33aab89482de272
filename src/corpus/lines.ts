import { createReadStream } from 'node:fs';

export interface Line {
  /** 1-based, counting blank lines too, as an editor shows it. */
  number: number;
  /** The line without its end (\n or \r\n); null when it is longer than the limit or not kept. */
  bytes: Buffer | null;
  size: number;
}

/**
 * The non-blank lines of a file, streamed: a huge file never sits in memory, and a line over
 * `maxLineBytes` is reported by its size instead of being buffered.
 * Splitting bytes on \n is safe in UTF-8, where that byte never occurs inside a character.
 */
export async function* nonBlankLines(file: string, maxLineBytes: number, keep = true): AsyncGenerator<Line> {
  let number = 1;
  let parts: Buffer[] = [];
  let size = 0;
  let blank = true;
  const take = (piece: Buffer) => {
    if (blank) blank = isBlank(piece);
    size += piece.length;
    if (keep && size <= maxLineBytes) parts.push(piece);
  };
  const finish = (): Line | null => {
    let line: Line | null = null;
    if (!blank) {
      let bytes = keep && size <= maxLineBytes ? Buffer.concat(parts, size) : null;
      if (bytes && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, bytes.length - 1);
      line = { number, bytes, size };
    }
    number++;
    parts = [];
    size = 0;
    blank = true;
    return line;
  };
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 16 })) {
    const buf = chunk as Buffer;
    let start = 0;
    for (let nl = buf.indexOf(0x0a); nl >= 0; nl = buf.indexOf(0x0a, start)) {
      take(buf.subarray(start, nl));
      const line = finish();
      if (line) yield line;
      start = nl + 1;
    }
    if (start < buf.length) take(buf.subarray(start));
  }
  const last = finish();
  if (last) yield last;
}

function isBlank(bytes: Buffer): boolean {
  for (const b of bytes) if (b !== 0x20 && b !== 0x09 && b !== 0x0d) return false;
  return true;
}
