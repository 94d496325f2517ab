import type { LineRange } from '../../core/types.js';
import type { Hunk } from './records.js';
import { newSideText } from './records.js';

/**
 * The lines a merge wrote itself in one file: those of the merge's version
 * that none of its parents' versions has. This stands in for git's combined
 * diff (a line is added when it is new against every parent), which costs
 * git a tree diff against every parent of every merge; here only the file
 * versions the merge itself made are compared, in memory.
 *
 * Lines are compared as a set after the common head and tail are matched (as
 * a diff would): a line that a parent has anywhere in its version is not new,
 * so a line moved within a file is not reported again; a line a merge
 * duplicated was there before, and its secret was found where it first came.
 */
export function linesNewInMerge(merged: Buffer, parents: readonly (Buffer | undefined)[]): LineRange[] {
  // A root commit's file, or one no parent had: every line is new, and splitting it would only make garbage.
  if (parents.every((parent) => parent === undefined)) {
    const count = lineCount(merged);
    return count === 0 ? [] : [{ start: 1, end: count }];
  }
  const lines = splitLines(merged);
  const known = new Uint8Array(lines.length);
  for (const parent of parents) {
    // A parent without this path knows none of its lines.
    if (parent) markKnown(lines, splitLines(parent), known);
  }
  return toRanges(known, lines.length);
}

/**
 * The merge's version as hunks of its new lines, each with `context`
 * unchanged lines around it, in the shape patch.ts gives for a diff: the
 * same text (utf8, else latin1; a lone `\r` read as a space) and 1-based
 * line numbers of the merge's version.
 */
export function mergeHunks(merged: Buffer, added: readonly LineRange[], context: number): Hunk[] {
  if (added.length === 0) return [];
  const text = newSideText(merged, false, false);
  if (added.length === 1 && added[0]!.start === 1 && added[0]!.end === lineCount(merged)) {
    return [{ firstLine: 1, lineCount: added[0]!.end, text: text.endsWith('\n') ? text : `${text}\n`, added: [{ ...added[0]! }] }];
  }
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const hunks: Hunk[] = [];
  let open: { first: number; last: number; added: LineRange[] } | undefined;
  const close = (): void => {
    if (!open) return;
    const text = `${lines.slice(open.first - 1, open.last).join('\n')}\n`;
    hunks.push({ firstLine: open.first, lineCount: open.last - open.first + 1, text, added: open.added });
  };
  for (const range of added) {
    const first = Math.max(1, range.start - context);
    const last = Math.min(lines.length, range.end + context);
    if (open && first <= open.last + 1) {
      open.last = Math.max(open.last, last);
      open.added.push({ ...range });
      continue;
    }
    close();
    open = { first, last, added: [{ ...range }] };
  }
  close();
  return hunks;
}

/** Lines as git counts them: one per `\n`, and one more for text after the last. */
function lineCount(data: Buffer): number {
  let count = 0;
  for (let at = data.indexOf(0x0a); at >= 0; at = data.indexOf(0x0a, at + 1)) count++;
  return data.length > 0 && data[data.length - 1] !== 0x0a ? count + 1 : count;
}

/** Lines split at `\n` as latin1 strings (one character per byte, so any bytes compare exactly); no empty last line. */
function splitLines(data: Buffer): string[] {
  const lines = data.toString('latin1').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Marks each line of `lines` that `parent` has: the common head and tail by position, the middle by content. */
function markKnown(lines: readonly string[], parent: readonly string[], known: Uint8Array): void {
  let head = 0;
  const shortest = Math.min(lines.length, parent.length);
  while (head < shortest && lines[head] === parent[head]) known[head++] = 1;
  let tail = 0;
  while (tail < shortest - head && lines[lines.length - 1 - tail] === parent[parent.length - 1 - tail]) {
    known[lines.length - 1 - tail] = 1;
    tail++;
  }
  const middleEnd = lines.length - tail;
  if (head >= middleEnd) return;
  const seen = new Set<string>();
  for (let i = head; i < parent.length - tail; i++) seen.add(parent[i]!);
  for (let i = head; i < middleEnd; i++) if (seen.has(lines[i]!)) known[i] = 1;
}

function toRanges(known: Uint8Array, count: number): LineRange[] {
  const ranges: LineRange[] = [];
  for (let i = 0; i < count; i++) {
    if (known[i]) continue;
    const last = ranges[ranges.length - 1];
    if (last && last.end === i) last.end = i + 1;
    else ranges.push({ start: i + 1, end: i + 1 });
  }
  return ranges;
}
