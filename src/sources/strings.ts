import type { Finding, ScanResult, Suppressed } from '../core/types.js';

/** Shortest printable run kept (`strings` keeps 4 by default; keys and tokens are longer, and short runs in binaries are mostly noise). */
export const MIN_RUN = 8;

/**
 * The printable runs of a binary file, as `strings -a` (ASCII) and
 * `strings -el` (UTF-16LE, as Windows executables store strings) would list
 * them, as one text to scan: one run a line, in order of their place in the
 * file. `runs` maps each line back to bytes.
 */
export interface PrintableRuns {
  text: string;
  /** Per line of `text`: [byte offset of the run's first character, bytes per character (1 or 2)], flat. */
  runs: Int32Array;
}

/** Per byte: 1 for printable ASCII and tab (the characters of keys and tokens; line breaks end a run). */
const PRINTABLE = new Uint8Array(256);
for (let c = 0x20; c < 0x7f; c++) PRINTABLE[c] = 1;
PRINTABLE[9] = 1;

/**
 * Runs of at least {@link MIN_RUN} printable characters, one byte each or
 * UTF-16LE (a printable byte then a NUL). `base` is added to every offset:
 * the position of `bytes` in its file when it is a piece of a bigger one.
 */
export function printableRuns(bytes: Uint8Array, base = 0): PrintableRuns {
  const found: { start: number; end: number; width: number }[] = [];
  const n = bytes.length;
  let start = -1;
  for (let i = 0; i <= n; i++) {
    if (i < n && PRINTABLE[bytes[i]!] === 1) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0 && i - start >= MIN_RUN) found.push({ start, end: i, width: 1 });
    start = -1;
  }
  // UTF-16LE runs, at both alignments.
  for (let parity = 0; parity < 2; parity++) {
    let wide = -1;
    for (let i = parity; i + 1 <= n; i += 2) {
      const printable = i + 1 < n && PRINTABLE[bytes[i]!] === 1 && bytes[i + 1] === 0;
      if (printable) {
        if (wide < 0) wide = i;
        continue;
      }
      if (wide >= 0 && (i - wide) / 2 >= MIN_RUN) found.push({ start: wide, end: i, width: 2 });
      wide = -1;
    }
  }
  found.sort((a, b) => a.start - b.start);
  const lines: string[] = [];
  const runs = new Int32Array(found.length * 2);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  found.forEach((run, k) => {
    lines.push(run.width === 1 ? buffer.toString('latin1', run.start, run.end) : buffer.toString('utf16le', run.start, run.end));
    runs[k * 2] = base + run.start;
    runs[k * 2 + 1] = run.width;
  });
  return { text: lines.join('\n'), runs };
}

/**
 * Findings and dropped candidates of a scan of {@link PrintableRuns}, located
 * in the binary file: line 1, columns are byte offsets plus one (the column
 * just past the secret's last byte ends it), `offset` the byte offset. A
 * binary file has no lines, and a byte offset is what `xxd`, `dd` or a hex
 * editor needs to find the secret. Snippets stay the masked run.
 */
export function locateInBinary(result: ScanResult, strings: PrintableRuns): ScanResult {
  const byteAt = (line: number, column: number): number => {
    const run = line - 1;
    return strings.runs[run * 2]! + (column - 1) * strings.runs[run * 2 + 1]!;
  };
  const findings = result.findings.map((f): Finding => {
    const start = byteAt(f.line, f.column);
    const end = byteAt(f.endLine, f.endColumn);
    return { ...f, line: 1, column: start + 1, endLine: 1, endColumn: end + 1, offset: start };
  });
  const suppressed = result.suppressed.map((s): Suppressed => ({ ...s, line: 1, column: byteAt(s.line, s.column) + 1 }));
  return { ...result, findings, suppressed };
}
