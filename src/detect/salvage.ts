import type { Chunk, ScanResult } from '../core/types.js';
import type { CompiledRule } from './compile.js';
import type { Candidate } from './filters/index.js';
import { Judgement, type JudgeHost } from './judge.js';
import type { Routes } from './routing.js';

/** Which rules a scan runs: all, or only the cheap, certain ones (binary files' printable runs). */
export type Mode = 'all' | 'certain';

/** One chunk's work so far, kept where a stopped scan can still reach it. */
export interface ChunkWork {
  chunk: Chunk;
  mode: Mode;
  routes?: Routes;
  /** Candidates of each routed rule, in route order; the cheap rules' are filled before the budget starts. */
  lists?: (Candidate[] | undefined)[];
  judgement?: Judgement;
}

/**
 * What a stopped scan found: every cheap candidate judged (those the budgeted
 * part had not reached yet are judged now, through `judgeCheap`, which gives
 * them a budget of their own), plus the expensive candidates judged before
 * the stop. Decoded findings are not among them. `rules`: the rules the
 * scan's routes index.
 */
export function salvage(
  host: JudgeHost,
  work: ChunkWork,
  rules: readonly CompiledRule[],
  judgeCheap: (judge: () => void) => void,
): ScanResult {
  const { routes, lists } = work;
  if (!routes || !lists) return { findings: [], suppressed: [] };
  let judgement = work.judgement;
  if (!judgement) {
    // Stopped before judging began: the cheap rules' candidates alone (their lists were complete before the clock started).
    const cheap = lists.flatMap((list, i) => (list && rules[routes.rules[i]!]!.cheap ? list : []));
    if (cheap.length === 0) return { findings: [], suppressed: [] };
    judgement = new Judgement(host, work.chunk, cheap, routes.markers);
  }
  const pending: number[] = [];
  judgement.candidates.forEach((candidate, i) => {
    if (candidate.rule.cheap && !judgement.judged(i)) pending.push(i);
  });
  if (pending.length > 0)
    judgeCheap(() => {
      for (const i of pending) judgement.consider(i);
    });
  return judgement.finish();
}
