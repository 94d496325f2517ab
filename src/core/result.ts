import type { ScanResult } from './types.js';

/** An empty result, to add others to. */
export function emptyResult(): ScanResult {
  return { findings: [], suppressed: [] };
}

/** Adds `more` to `into` (findings, dropped candidates, and the secrets kept for masking), and returns `into`. */
export function addResult(into: ScanResult, more: ScanResult): ScanResult {
  into.findings.push(...more.findings);
  into.suppressed.push(...more.suppressed);
  if (more.dropped && more.dropped.length > 0) (into.dropped ??= []).push(...more.dropped);
  return into;
}
