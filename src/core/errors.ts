import { maskTokens } from './redact.js';
import type { ScanResult } from './types.js';

/**
 * User-facing errors. Each names where the problem is and what to do, and maps
 * to exit code 2. None of them ever carries matched text.
 */
export class KeyhoundError extends Error {
  readonly exitCode: number = 2;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** One problem in a file: the file, the line when known, and what is wrong. */
export interface Problem {
  file: string;
  line?: number;
  /** The rule id or config key the problem belongs to. */
  subject?: string;
  message: string;
}

/**
 * `file:line: subject: message`. The message and subject may quote a value
 * of the file (an allow regex with a typo that spells out a token), and an
 * error is printed everywhere (the Action's log is public): token-like runs
 * in them are masked. The file name is ours to show.
 */
export function formatProblem(problem: Problem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  const subject = problem.subject ? ` ${maskTokens(problem.subject)}:` : '';
  return `${where}:${subject} ${maskTokens(problem.message)}`;
}

/** Rule files are validated as a whole; every problem is reported at once. */
export class RuleError extends KeyhoundError {
  constructor(readonly problems: Problem[]) {
    super(
      `${problems.length} problem${problems.length === 1 ? '' : 's'} in rule files:\n${problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`,
    );
  }
}

export class ConfigError extends KeyhoundError {
  constructor(readonly problems: Problem[]) {
    super(
      `${problems.length === 1 ? 'a problem' : `${problems.length} problems`} in configuration:\n${problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`,
    );
  }
}

/** A source could not be read at all (a missing path, not a git repository). */
export class SourceError extends KeyhoundError {}

/** Bad command-line usage. */
export class UsageError extends KeyhoundError {}

/**
 * Scanning one chunk (a file, a 16 MiB piece of a bigger one, a diff) ran past
 * the time budget (`--file-timeout`), so the chunk was not scanned in full and
 * must not count as scanned. `partial` holds every finding made before the
 * stop, with the same filters applied: all of the cheap rules' (which always
 * run to the end) and the expensive rules' judged in time; report them. The
 * message names the path only, never content.
 */
export class ScanTimeoutError extends KeyhoundError {
  constructor(
    readonly path: string,
    readonly budgetMs: number,
    readonly partial: ScanResult = { findings: [], suppressed: [] },
  ) {
    super(
      `${path}: scanning took longer than ${budgetMs / 1000} s (--file-timeout), so it was stopped; the file is reported as skipped (timeout)`,
    );
  }
}
