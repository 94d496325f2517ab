import type { LineRange } from '../../core/types.js';

/** One hunk of a unified diff, seen from the new side. */
export interface Hunk {
  /** 1-based line number of the first new-side line. */
  newStart: number;
  /** The new side's lines: context and added lines, in order. */
  lines: string[];
  /** New-side line numbers that were added, as ranges. */
  added: LineRange[];
}

const HUNK_HEADER = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/;

/**
 * Parses the `patch` field GitHub returns for a pull request's file (a unified
 * diff without the `---`/`+++` header). Removed lines are dropped, `\ No
 * newline at end of file` is ignored; context lines are kept so rules that
 * look at neighbouring lines still see them.
 */
export function parsePatch(patch: string): Hunk[] {
  const hunks: Hunk[] = [];
  let current: Hunk | undefined;
  let line = 0;
  for (const raw of patch.split('\n')) {
    const header = HUNK_HEADER.exec(raw);
    if (header) {
      line = Number(header[1]);
      current = { newStart: line, lines: [], added: [] };
      hunks.push(current);
      continue;
    }
    if (!current) continue;
    const kind = raw[0];
    const content = raw.slice(1).replace(/\r$/, '');
    if (kind === '+') {
      const last = current.added[current.added.length - 1];
      if (last && last.end === line - 1) last.end = line;
      else current.added.push({ start: line, end: line });
      current.lines.push(content);
      line++;
    } else if (kind === ' ') {
      current.lines.push(content);
      line++;
    }
    // '-' (removed) and '\' (no newline at end of file) have no new-side line.
  }
  return hunks.filter((hunk) => hunk.lines.length > 0);
}

/** All added new-side line ranges of a patch. */
export function addedLines(patch: string): LineRange[] {
  return parsePatch(patch).flatMap((hunk) => hunk.added);
}
