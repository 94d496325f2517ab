import type { Location } from './types.js';

/**
 * Maps UTF-16 offsets in a text to 1-based lines and columns and back. A line
 * ends at `\n`, `\r\n` or a lone `\r` (old Mac files), so CRLF files report the
 * same lines as LF files. Columns count UTF-16 code units, SARIF's default
 * `columnKind`, so an astral character takes two columns.
 */
export class LineIndex {
  /** Offset of the first character of each line; found on first use. */
  private lineStarts: number[] | undefined;

  /**
   * `firstLine`: the line number of the text's first line; `firstColumn`: the
   * column of its first character, when the text is a piece that starts in the
   * middle of a line of a bigger file (scan/task.ts).
   *
   * The lines are found only when first asked for: every chunk with a
   * candidate gets an index, and most never use it (on node_modules 17 of
   * 1,039, which hold 70 MB of text).
   */
  constructor(
    private readonly text: string,
    private readonly firstLine = 1,
    private readonly firstColumn = 1,
  ) {}

  private get starts(): number[] {
    return (this.lineStarts ??= lineStartsOf(this.text));
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** 0-based index of the line holding `offset` (an offset past the end maps to the last line). */
  private lineIndexOf(offset: number): number {
    const starts = this.starts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  /** 1-based line and column of `offset`. */
  position(offset: number): { line: number; column: number } {
    const index = this.lineIndexOf(offset);
    return { line: index + this.firstLine, column: offset - this.starts[index]! + (index === 0 ? this.firstColumn : 1) };
  }

  /** Offset of a 1-based line and column; the inverse of {@link position}. */
  offset(line: number, column: number): number {
    const start = this.starts[line - this.firstLine];
    if (start === undefined) throw new RangeError(`line ${line} is outside the text`);
    return start + column - (line === this.firstLine ? this.firstColumn : 1);
  }

  /** The location of the span [start, end). `endColumn` is exclusive, as SARIF wants. */
  span(start: number, end: number): Location {
    const from = this.position(start);
    // The end position is that of the last character plus one, so a span that
    // ends with a newline still ends on its own line.
    const last = this.position(Math.max(start, end - 1));
    return { line: from.line, column: from.column, endLine: last.line, endColumn: last.column + (end > start ? 1 : 0) };
  }

  /** Offsets [start, end) of a 1-based line, without its line break. */
  lineBounds(line: number): { start: number; end: number } {
    const starts = this.starts;
    const index = Math.min(Math.max(line - this.firstLine, 0), starts.length - 1);
    const start = starts[index]!;
    let end = index + 1 < starts.length ? starts[index + 1]! : this.text.length;
    while (end > start && (this.text.charCodeAt(end - 1) === 10 || this.text.charCodeAt(end - 1) === 13)) end--;
    return { start, end };
  }

  /** The text of a 1-based line, without its line break. */
  lineText(line: number): string {
    const { start, end } = this.lineBounds(line);
    return this.text.slice(start, end);
  }
}

/** Offset of the first character of each line of `text`. */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  if (text.indexOf('\r') === -1) {
    // The common case, LF only: let the native search find the breaks.
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) starts.push(i + 1);
    else if (code === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}
