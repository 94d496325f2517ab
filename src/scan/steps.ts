import type { ScanReport } from '../core/report.js';
import type { Finding } from '../core/types.js';
import type { Collector } from './collector.js';

/**
 * A post-step of the runner: what happens to findings between the engine and
 * the outputs (the baseline, verification, paths made relative to the
 * workspace, filters). Steps run in the order given: first every step's `each`
 * on each finding as it becomes final (so streamed output passes the same
 * steps as batch output), then every step's `end` on the finished report.
 */
export interface Step {
  readonly name: string;
  /**
   * One finding: returns it (perhaps changed), or undefined to take it out of
   * the findings (a step that does so records where it went, e.g. in
   * `ledger.suppressed` or `ledger.moved`).
   */
  each?(finding: Finding, ledger: Collector): Finding | undefined;
  /**
   * After the source is done: hands on findings `each` held back until every
   * finding was in (`emit` passes them through the steps after this one and to
   * streaming outputs, as if they had just come).
   */
  flush?(emit: (finding: Finding) => void, ledger: Collector): void;
  /**
   * The whole report, once every finding is in, before any output sees it: a
   * step that needs them all (verification batches its requests). A run with
   * such a step does not stream.
   */
  end?(report: ScanReport): ScanReport | Promise<ScanReport>;
  /** Counts for `stats`, added when the scan is done (they do not hold back streaming). */
  stats?(): Record<string, unknown>;
}

/** A step that rewrites each finding's path (the Action makes them relative to the workspace). */
export function pathStep(map: (path: string) => string): Step {
  return { name: 'paths', each: (finding) => ({ ...finding, path: map(finding.path) }) };
}
