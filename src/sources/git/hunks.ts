import type { LineRange } from '../../core/types.js';
import type { Hunk } from './patch.js';

/** Hunks further apart than this many lines go to separate chunks. */
const JOIN_GAP = 256;

export interface HunkGroup {
  text: string;
  firstLine: number;
  added: LineRange[];
  /** Hunks joined into it. */
  hunks: number;
}

/**
 * A file's hunks as few chunks as possible: the engine's cost per chunk is
 * worth sparing, and empty lines in the gaps keep line numbers true.
 */
export function joinHunks(hunks: readonly Hunk[]): HunkGroup[] {
  const groups: (HunkGroup & { nextLine: number })[] = [];
  for (const hunk of hunks) {
    const { lineCount } = hunk;
    const last = groups[groups.length - 1];
    const gap = last ? hunk.firstLine - last.nextLine : -1;
    if (last && gap >= 0 && gap <= JOIN_GAP) {
      last.text += '\n'.repeat(gap) + hunk.text;
      last.added.push(...hunk.added);
      last.hunks++;
      last.nextLine = hunk.firstLine + lineCount;
    } else {
      groups.push({ text: hunk.text, firstLine: hunk.firstLine, added: [...hunk.added], hunks: 1, nextLine: hunk.firstLine + lineCount });
    }
  }
  return groups.map(({ nextLine: _, ...group }) => group);
}
