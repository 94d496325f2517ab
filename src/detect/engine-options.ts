import type { GlobalAllow } from './filters/index.js';

export interface EngineOptions {
  /** Collect dropped candidates with their reasons (`--explain`). Default false. */
  explain?: boolean;
  /** Mask secrets in snippets. Default true; only `--no-redact` turns it off. */
  redact?: boolean;
  /** Project-wide allow regexes and stop-words. */
  allow?: GlobalAllow;
  /**
   * Layers of encoding (base64, hex, percent-encoding, `\u`/`\x` escapes) to
   * look through for secrets (docs/decoding.md). Default 2; 0 turns decoding off.
   */
  decode?: number;
  /**
   * Milliseconds the expensive rules of one `scan(chunk)` may take
   * (`--file-timeout`); past it the scan stops with a {@link ScanTimeoutError}
   * that carries every finding made (the cheap rules always run to the end).
   * Default {@link DEFAULT_BUDGET_MS}; 0 turns it off.
   */
  budgetMs?: number;
  /**
   * Where scanning time goes (bench/profile.mjs): milliseconds added up across
   * chunks. Off (undefined) by default; costs four clock reads a chunk when on.
   */
  timings?: EngineTimings;
}

/** Milliseconds per phase of {@link Engine.scan}. `decode` includes rescanning decoded text. */
export interface EngineTimings {
  prefilter: number;
  decode: number;
  regex: number;
  filters: number;
}

/** Default per-chunk time budget: a 16 MiB piece takes about a second; this is for text built to stall a regex. */
export const DEFAULT_BUDGET_MS = 30_000;
/**
 * Chunks this long and longer run their budgeted work under a watchdog that
 * can stop a regex in the middle of a match (budget.ts); shorter ones only
 * check the clock between rules and candidates, since no lint-clean built-in
 * pattern can backtrack for long on them and the watchdog's thread would cost
 * more than their scan. Wherever a rule from a file or config runs (the
 * chunk's keywords, or decoded text's, bring it up), the watchdog runs too,
 * whatever the chunk's size.
 */
export const WATCHDOG_CHARS = 64 * 1024;

/** Adds the time since `since` to a phase; returns now. */
export function lap(timings: EngineTimings, phase: keyof EngineTimings, since: number): number {
  const now = performance.now();
  timings[phase] += now - since;
  return now;
}
