import type { CommitInfo } from '../../core/types.js';
import { SUBMODULE_MODE, SYMLINK_MODE, type LogCommit } from './log.js';

/**
 * Turns the log pass into a reading plan: every blob that some commit
 * introduced, once, in history order (parents before children), each with the
 * blob it replaced at its path (its base) so only new lines get scanned. A
 * base that the plan does not read anyway (it predates `--range`) is read
 * first, for comparison only. Reference counts say how long a blob must stay
 * in memory to serve as a later blob's base.
 */

export interface PlannedBlob {
  id: string;
  /** Path in the commit that introduced it. */
  path: string;
  commit: CommitInfo;
  /** The blob it replaced at this path (or the rename/copy source), when there was one. */
  baseId?: string;
}

export type PlanStep = { kind: 'scan'; blob: PlannedBlob } | { kind: 'base'; id: string };

export interface HistoryPlan {
  steps: PlanStep[];
  /** For each blob id, how many planned scans use it as their base. */
  baseUses: Map<string, number>;
  commits: number;
  /** Distinct blob ids the history introduced (text or not, scanned or skipped). */
  uniqueBlobs: number;
  /** Commits without parents: roots, or the grafted boundary of a shallow clone. */
  rootCommits: number;
  skipped: Record<string, number>;
}

const isNull = (id: string): boolean => /^0+$/.test(id);

export class HistoryPlanner {
  private readonly steps: PlanStep[] = [];
  private readonly planned = new Set<string>();
  private readonly baseUses = new Map<string, number>();
  private readonly submodules = new Set<string>();
  private readonly symlinks = new Set<string>();
  private commits = 0;
  private roots = 0;

  add(commit: LogCommit): void {
    this.commits++;
    if (commit.parents.length === 0) this.roots++;
    for (const entry of commit.entries) {
      if (entry.status === 'D' || isNull(entry.newId)) continue;
      if (entry.newMode === SUBMODULE_MODE) {
        this.submodules.add(entry.path);
        continue;
      }
      if (entry.newMode === SYMLINK_MODE) {
        this.symlinks.add(entry.newId);
        continue;
      }
      // Each blob is read and scanned once, where it first appeared.
      if (this.planned.has(entry.newId)) continue;
      const blob: PlannedBlob = { id: entry.newId, path: entry.path, commit: commit.info };
      const hasBase = entry.status !== 'A' && !isNull(entry.oldId) && entry.oldMode !== SUBMODULE_MODE && entry.oldMode !== SYMLINK_MODE;
      if (hasBase) {
        blob.baseId = entry.oldId;
        if (!this.planned.has(entry.oldId)) {
          // Not introduced inside the scanned history: read it for comparison only.
          this.planned.add(entry.oldId);
          this.steps.push({ kind: 'base', id: entry.oldId });
        }
        this.baseUses.set(entry.oldId, (this.baseUses.get(entry.oldId) ?? 0) + 1);
      }
      this.planned.add(entry.newId);
      this.steps.push({ kind: 'scan', blob });
    }
  }

  finish(): HistoryPlan {
    const skipped: Record<string, number> = {};
    if (this.submodules.size > 0) skipped.submodule = this.submodules.size;
    if (this.symlinks.size > 0) skipped.symlink = this.symlinks.size;
    const scans = this.steps.filter((step) => step.kind === 'scan').length;
    return {
      steps: this.steps,
      baseUses: this.baseUses,
      commits: this.commits,
      uniqueBlobs: scans + this.symlinks.size,
      rootCommits: this.roots,
      skipped,
    };
  }
}
