import { ScanTimeoutError } from '../core/errors.js';
import { addResult, emptyResult } from '../core/result.js';
import type { ScanResult } from '../core/types.js';

/**
 * What a scan that ran past the time budget (`--file-timeout`) still gives:
 * the findings made before it stopped, or nothing when the error is another
 * one. The one place that decides what a timeout means, for text scanned on
 * the runner's thread and tasks on worker threads alike: the input is counted
 * as skipped (`timeout`), and what was found stands.
 */
export function timedOut(error: unknown): ScanResult | undefined {
  if (!(error instanceof ScanTimeoutError)) return undefined;
  const partial = (error as ScanTimeoutError & { partial?: ScanResult }).partial;
  return partial ?? { findings: [], suppressed: [] };
}

/** Adds what was found before the stop (earlier pieces of a big file) to a timeout's partial result. */
export function withPartial(error: ScanTimeoutError, before: ScanResult): ScanTimeoutError {
  const carrier = error as ScanTimeoutError & { partial?: ScanResult };
  carrier.partial = addResult(addResult(emptyResult(), before), carrier.partial ?? emptyResult());
  return error;
}
