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
 * UTF-16LE (a printable byte then a NUL, at either alignment). `base` is
 * added to every offset: the position of `bytes` in its file when it is a
 * piece of a bigger one.
 *
 * One pass over the bytes for all three kinds of run. A pass each took 1.2x
 * as long on the shared libraries of `/usr/lib/python3`, and dropped a
 * UTF-16LE run that ended the buffer.
 */
export function printableRuns(bytes: Uint8Array, base = 0): PrintableRuns {
  const found: { start: number; end: number; width: number }[] = [];
  const n = bytes.length;
  let narrow = -1;
  // Where the UTF-16LE run whose characters start at even (0) or odd (1) offsets began.
  let wideEven = -1;
  let wideOdd = -1;
  // Position n is no character: it ends the runs still open (a UTF-16LE run of
  // the other alignment ended at n - 1, where no whole character fits).
  for (let i = 0; i <= n; i++) {
    const printable = i < n && PRINTABLE[bytes[i]!] === 1;
    if (printable) {
      if (narrow < 0) narrow = i;
    } else {
      if (narrow >= 0 && i - narrow >= MIN_RUN) found.push({ start: narrow, end: i, width: 1 });
      narrow = -1;
    }
    // A UTF-16LE character starting here, at this offset's alignment.
    const wideHere = printable && i + 1 < n && bytes[i + 1] === 0;
    const began = i & 1 ? wideOdd : wideEven;
    if (wideHere) {
      if (began < 0) {
        if (i & 1) wideOdd = i;
        else wideEven = i;
      }
      continue;
    }
    if (began >= 0 && (i - began) / 2 >= MIN_RUN) found.push({ start: began, end: i, width: 2 });
    if (i & 1) wideOdd = -1;
    else wideEven = -1;
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
