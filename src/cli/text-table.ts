/** Aligned plain-text tables for terminal listings. */

export interface Column {
  head: string;
  /** Numbers read better aligned right. */
  align?: 'left' | 'right';
  /** The widest a cell may be before it is cut with "…". */
  max?: number;
  /** This column takes the width left over (at least `min`), so a row fits the terminal. */
  flex?: boolean;
  min?: number;
}

const GAP = '  ';
const DEFAULT_WIDTH = 120;
/** Capped columns narrow down to this many characters before a row may overflow the width. */
const SHRINK_FLOOR = 12;

/** The width to lay tables out in: the terminal's, else 120 columns (pipes and files). */
export function outputWidth(stream: NodeJS.WriteStream = process.stdout): number {
  return stream.isTTY && stream.columns ? stream.columns : DEFAULT_WIDTH;
}

/** Cuts text to `width` characters, marking the cut with an ellipsis. */
export function clip(text: string, width: number): string {
  if (text.length <= width) return text;
  return width <= 1 ? text.slice(0, width) : `${text.slice(0, width - 1)}…`;
}

/** One cell's text on one line: line breaks and runs of spaces become single spaces. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

export function textTable(columns: readonly Column[], rows: readonly (readonly string[])[], width = DEFAULT_WIDTH): string {
  const cells = rows.map((r) => columns.map((_, i) => oneLine(r[i] ?? '')));
  const widths = columns.map((c, i) => Math.min(c.max ?? Infinity, Math.max(c.head.length, ...cells.map((r) => r[i]!.length))));
  const flex = columns.findIndex((c) => c.flex);
  if (flex >= 0) {
    const min = Math.max(columns[flex]!.min ?? 20, columns[flex]!.head.length);
    const others = () => widths.reduce((n, w, i) => (i === flex ? n : n + w), 0) + GAP.length * (columns.length - 1);
    // Too narrow a terminal: the capped text columns give up width first, widest first.
    while (others() + min > width) {
      let widest = -1;
      columns.forEach((c, i) => {
        if (c.max !== undefined && widths[i]! > SHRINK_FLOOR && (widest < 0 || widths[i]! > widths[widest]!)) widest = i;
      });
      if (widest < 0) break;
      widths[widest]!--;
    }
    widths[flex] = Math.max(min, Math.min(widths[flex]!, width - others()));
  }
  const line = (row: readonly string[]) =>
    row
      .map((cell, i) => {
        const text = clip(cell, widths[i]!);
        return columns[i]!.align === 'right' ? text.padStart(widths[i]!) : text.padEnd(widths[i]!);
      })
      .join(GAP)
      .trimEnd();
  return [line(columns.map((c) => c.head)), ...cells.map(line)].join('\n');
}

/** Breaks text into lines of at most `width` characters at spaces, each line starting with `indent`. */
export function wrap(text: string, width: number, indent: string): string {
  const room = Math.max(20, width - indent.length);
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > room) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map((l) => indent + l).join('\n');
}
