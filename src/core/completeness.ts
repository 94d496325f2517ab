import type { FailedInput } from './report.js';
import type { SkipReason } from './types.js';

/**
 * What a green run guarantees (README, "What a green run guarantees"): every
 * input was scanned, or left out on purpose. An input left out for any other
 * reason makes the run *incomplete*: every format says so, and the exit code
 * is 3 (`--allow-incomplete` turns that off) when nothing was found.
 */

/**
 * Reasons that leave an input out on purpose: the configuration or a
 * documented policy said so, and nothing a secret could hide in was missed.
 * Every other reason (a timeout, a text file over the size limit, an
 * unreadable file, a blob missing from a partial clone, a decompression bomb,
 * a reason no one listed here) means the run could not read something it
 * should have.
 */
const EXCLUDED = new Set<string>([
  // The configuration's (or the default) path allowlist, and .gitignore (as git decides it).
  'excluded-path',
  'allowlisted-path',
  'gitignored',
  'ignored',
  // Links are not followed; their targets inside the scanned folder are scanned under their own paths.
  'symlink',
  'symlink-outside-root',
  'broken-symlink',
  'symlink-loop',
  // Another repository, scanned on its own.
  'submodule',
  // FIFOs, sockets and devices are never opened.
  'not-regular-file',
  // A binary too big to read; its head showed no text (binaries under the limit have their printable runs scanned).
  'too-large-binary',
  // What binaries' printable-run scanning covers, where a source still says so.
  'binary',
  // Minified bundles and vendored release files, skipped by default (docs/detection.md).
  'minified',
]);

/** Whether a skip reason leaves its input out on purpose (see {@link EXCLUDED}); unknown reasons do not. */
export function isExcluded(reason: SkipReason): boolean {
  return EXCLUDED.has(reason);
}

/** An input not scanned that should have been, for the report (at most {@link EXAMPLES} are kept). */
export interface NotScanned {
  path: string;
  reason: SkipReason;
}

/** How many not-scanned inputs a report names (the count covers them all). */
export const EXAMPLES = 20;

/** `stats.incomplete`: what keeps a run from being complete. */
export interface Incomplete {
  /** Inputs not scanned that should have been, and whole inputs (repositories) that failed. */
  count: number;
  /** Their reasons, counted. */
  reasons: Record<string, number>;
  /** The first few, by path. */
  examples: NotScanned[];
}

/** The incompleteness of a run from its skip counts, its kept examples and its failed inputs; undefined when complete. */
export function incompleteness(
  skipped: Readonly<Record<string, number>>,
  examples: readonly NotScanned[],
  failed: readonly FailedInput[] = [],
): Incomplete | undefined {
  const reasons: Record<string, number> = {};
  for (const [reason, n] of Object.entries(skipped)) if (!isExcluded(reason) && n > 0) reasons[reason] = n;
  if (failed.length > 0) reasons.failed = (reasons.failed ?? 0) + failed.length;
  const count = Object.values(reasons).reduce((a, b) => a + b, 0);
  if (count === 0) return undefined;
  const shown = [...examples, ...failed.map((f) => ({ path: f.input, reason: 'failed' }))].slice(0, EXAMPLES);
  return { count, reasons, examples: shown };
}

/** One sentence naming what was not scanned: `2 inputs were not scanned (1 timeout, 1 too-large): a.txt (timeout), ...`. */
export function describeIncomplete(incomplete: Incomplete, printable: (text: string) => string = (text) => text): string {
  const reasons = Object.entries(incomplete.reasons)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([reason, n]) => `${n} ${reason}`)
    .join(', ');
  const named = incomplete.examples.map((e) => `${printable(e.path || '(unnamed)')} (${e.reason})`).join(', ');
  const more = incomplete.count > incomplete.examples.length ? `, and ${incomplete.count - incomplete.examples.length} more` : '';
  return `${incomplete.count} input${incomplete.count === 1 ? ' was' : 's were'} not scanned (${reasons})${named ? `: ${named}${more}` : ''}`;
}
