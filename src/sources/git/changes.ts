/**
 * Which lines of a file version are new, measured against the version it
 * replaced (its "base"), on raw bytes. Equal stretches are skipped with native
 * `Buffer.compare` (memcmp speed, galloping); where the two differ, a short
 * search for the nearest line they share again (hashes, each match confirmed
 * byte for byte) resynchronises them. Work grows with the size of the changes,
 * not of the file, which is what makes re-reading every version of a big file
 * cheap. A line is "old" only when it equals a line of the base byte for
 * byte, so nothing new is ever skipped; a line that merely moved counts as
 * old (it was there), like a diff that detects moves.
 *
 * Line breaks follow {@link LineIndex}: `\n`, `\r\n` and a lone `\r` each end a
 * line, so line numbers computed here agree with the engine's.
 */

/** A run of whole lines, as byte offsets `[start, end)`; `end` is just past a `\n` or the end of the file. */
export interface ByteSpan {
  start: number;
  end: number;
}

const LF = 0x0a;
const CR = 0x0d;
/** Lines looked at on each side for a line the two versions share again, before comparing the rest as sets. */
const RESYNC_LINES = 1024;

/** Number of equal bytes at `a[aStart..]` and `b[bStart..]`, at most `limit`. */
export function matchLength(a: Buffer, aStart: number, b: Buffer, bStart: number, limit: number): number {
  let matched = 0;
  let step = 64;
  while (matched < limit) {
    const size = Math.min(step, limit - matched);
    const from = matched;
    if (a.compare(b, bStart + from, bStart + from + size, aStart + from, aStart + from + size) === 0) {
      matched += size;
      if (step < 1 << 16) step <<= 1;
      continue;
    }
    // The first difference is inside this block: halve it down natively, finish by hand.
    let low = 0;
    let high = size;
    while (high - low > 32) {
      const mid = (low + high) >>> 1;
      if (a.compare(b, bStart + from + low, bStart + from + mid, aStart + from + low, aStart + from + mid) === 0) low = mid;
      else high = mid;
    }
    let at = from + low;
    while (at < from + high && a[aStart + at] === b[bStart + at]) at++;
    return at;
  }
  return matched;
}

/** Number of equal bytes at the ends of `a` and `b`, at most `limit`. */
export function matchLengthFromEnd(a: Buffer, b: Buffer, limit: number): number {
  let matched = 0;
  let step = 64;
  while (matched < limit) {
    const size = Math.min(step, limit - matched);
    const aEnd = a.length - matched;
    const bEnd = b.length - matched;
    if (a.compare(b, bEnd - size, bEnd, aEnd - size, aEnd) === 0) {
      matched += size;
      if (step < 1 << 16) step <<= 1;
      continue;
    }
    // Equal bytes at the block's end: halve down natively, finish by hand.
    let low = 0;
    let high = size;
    while (high - low > 32) {
      const mid = (low + high) >>> 1;
      if (a.compare(b, bEnd - mid, bEnd - low, aEnd - mid, aEnd - low) === 0) low = mid;
      else high = mid;
    }
    let at = low;
    while (at < high && a[aEnd - 1 - at] === b[bEnd - 1 - at]) at++;
    return matched + at;
  }
  return matched;
}

/** Offset just past the `\n` that ends the line starting at or holding `offset`, or `limit`. */
function nextLine(buffer: Buffer, offset: number, limit: number): number {
  const newline = buffer.indexOf(LF, offset);
  return newline < 0 || newline >= limit ? limit : newline + 1;
}

/** FNV-1a over a line's bytes (line break included). */
function hashLine(buffer: Buffer, from: number, to: number): number {
  let hash = 0x811c9dc5;
  for (let i = from; i < to; i++) hash = Math.imul(hash ^ buffer[i]!, 0x01000193);
  return hash >>> 0;
}

function sameLine(a: Buffer, aStart: number, aLimit: number, b: Buffer, bStart: number, bEnd: number): boolean {
  const aEnd = nextLine(a, aStart, aLimit);
  return aEnd - aStart === bEnd - bStart && a.compare(b, bStart, bEnd, aStart, aEnd) === 0;
}

class Runs {
  readonly list: ByteSpan[] = [];
  add(start: number, end: number): void {
    if (end <= start) return;
    const last = this.list[this.list.length - 1];
    if (last && last.end === start) last.end = end;
    else this.list.push({ start, end });
  }
}

/**
 * The runs of lines in `blob` that are not in `base`; the whole blob when
 * there is no base. Runs are in order and do not touch one another.
 */
export function newLineRuns(base: Buffer | undefined, blob: Buffer): ByteSpan[] {
  if (!base) return blob.length > 0 ? [{ start: 0, end: blob.length }] : [];
  const prefix = matchLength(base, 0, blob, 0, Math.min(base.length, blob.length));
  // Back off to the start of the line the first difference is on.
  const start = prefix === 0 ? 0 : blob.lastIndexOf(LF, prefix - 1) + 1;
  let suffix = matchLengthFromEnd(base, blob, Math.min(base.length, blob.length) - start);
  // The common tail counts only from a line start in both versions: equal
  // bytes at the end of two different lines do not make the lines equal.
  const aligned = (at: number, buffer: Buffer): boolean => at === start || buffer[at - 1] === LF;
  if (!aligned(blob.length - suffix, blob) || !aligned(base.length - suffix, base)) {
    const newline = blob.indexOf(LF, blob.length - suffix);
    suffix = newline < 0 ? 0 : blob.length - newline - 1;
  }
  const blobEnd = blob.length - suffix;
  const baseEnd = base.length - suffix;
  if (blobEnd <= start) return [];

  const runs = new Runs();
  let b = start;
  let n = start;
  while (n < blobEnd) {
    if (b >= baseEnd) {
      runs.add(n, blobEnd);
      break;
    }
    const equal = matchLength(base, b, blob, n, Math.min(baseEnd - b, blobEnd - n));
    // Whole lines only: a stretch that ends inside a line leaves that line to compare.
    const bothEnd = n + equal === blobEnd && b + equal === baseEnd;
    const skip = bothEnd ? equal : equal === 0 ? 0 : blob.lastIndexOf(LF, n + equal - 1) + 1 - n;
    if (skip > 0) {
      n += skip;
      b += skip;
      continue;
    }
    const anchor = resync(base, b, baseEnd, blob, n, blobEnd);
    if (!anchor) {
      compareAsSets(base, b, baseEnd, blob, n, blobEnd, runs);
      break;
    }
    runs.add(n, anchor.n);
    b = anchor.b;
    n = anchor.n;
  }
  return runs.list;
}

/**
 * The nearest pair of equal lines after a difference at `b` (base) and `n`
 * (blob), looking at one more line on each side per step.
 */
function resync(base: Buffer, b: number, baseEnd: number, blob: Buffer, n: number, blobEnd: number): { b: number; n: number } | undefined {
  const baseLines = new Map<number, number>();
  const blobLines = new Map<number, number>();
  let bi = b;
  let ni = n;
  for (let step = 0; step < RESYNC_LINES && (bi < baseEnd || ni < blobEnd); step++) {
    if (ni < blobEnd) {
      const next = nextLine(blob, ni, blobEnd);
      const hash = hashLine(blob, ni, next);
      const match = baseLines.get(hash);
      if (match !== undefined && sameLine(base, match, baseEnd, blob, ni, next)) return { b: match, n: ni };
      if (!blobLines.has(hash)) blobLines.set(hash, ni);
      ni = next;
    }
    if (bi < baseEnd) {
      const next = nextLine(base, bi, baseEnd);
      const hash = hashLine(base, bi, next);
      const match = blobLines.get(hash);
      if (match !== undefined && sameLine(blob, match, blobEnd, base, bi, next)) return { b: bi, n: match };
      if (!baseLines.has(hash)) baseLines.set(hash, bi);
      bi = next;
    }
  }
  return undefined;
}

/** The fallback for a rewrite too big to resynchronise: a blob line is old when it is any line of the base stretch. */
function compareAsSets(base: Buffer, b: number, baseEnd: number, blob: Buffer, n: number, blobEnd: number, runs: Runs): void {
  const starts = new Map<number, number[]>();
  for (let at = b; at < baseEnd; ) {
    const next = nextLine(base, at, baseEnd);
    const hash = hashLine(base, at, next);
    const list = starts.get(hash);
    if (list) list.push(at);
    else starts.set(hash, [at]);
    at = next;
  }
  for (let at = n; at < blobEnd; ) {
    const next = nextLine(blob, at, blobEnd);
    const known = starts.get(hashLine(blob, at, next));
    if (!known || !known.some((start) => sameLine(base, start, baseEnd, blob, at, next))) runs.add(at, next);
    at = next;
  }
}

/** Line breaks in `[from, to)`, counted as {@link LineIndex} counts them. */
export function countLineBreaks(buffer: Buffer, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const byte = buffer[i];
    if (byte === LF) count++;
    else if (byte === CR && buffer[i + 1] !== LF) count++;
  }
  return count;
}

/** Offset of the start of the line `lines` lines above the one starting at `offset`. */
export function linesBefore(buffer: Buffer, offset: number, lines: number): number {
  let at = offset;
  for (let i = 0; i < lines && at > 0; i++) at = at < 2 ? 0 : buffer.lastIndexOf(LF, at - 2) + 1;
  return at;
}

/** Offset just past `lines` more lines from `offset` (a line start). */
export function linesAfter(buffer: Buffer, offset: number, lines: number): number {
  let at = offset;
  for (let i = 0; i < lines && at < buffer.length; i++) {
    const newline = buffer.indexOf(LF, at);
    at = newline < 0 ? buffer.length : newline + 1;
  }
  return at;
}
