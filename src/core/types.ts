/**
 * The data that flows through keyhound: sources yield {@link Chunk}s, the engine
 * turns them into {@link Finding}s (and {@link Suppressed} candidates), reporters
 * turn findings into bytes. Nothing in `core/` does I/O.
 */
import type { VerifySpec } from './verify-spec.js';

export type { VerifySpec } from './verify-spec.js';

export type Severity = 'critical' | 'high' | 'medium' | 'low';
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low'];

/** How much the format alone proves: `high` = prefix and checksum, `medium` = format plus context, `low` = generic. */
export type Confidence = 'high' | 'medium' | 'low';
export const CONFIDENCES: readonly Confidence[] = ['high', 'medium', 'low'];

/** Which part of a candidate an allow regex is tested against. */
export type AllowTarget = 'secret' | 'match' | 'line';

export interface AllowRegex {
  regex: string;
  /** Default `secret`. */
  target?: AllowTarget;
  /** JavaScript regex flags (`i`, `m`, `s`, `u`). */
  flags?: string;
}

/**
 * A condition on text around a candidate: another rule's match, or an inline
 * pattern, within `lines` lines. Named groups of an inline pattern are copied
 * into `Finding.context` (e.g. the BeyondTrust site host).
 */
export interface NearSpec {
  /** Another rule's id; its matches (before filters) count. */
  rule?: string;
  /** An inline JavaScript regex source. */
  pattern?: string;
  flags?: string;
  /** Lines above and below the candidate's line to look in. Default 5. */
  lines?: number;
  /** Without a match the candidate is dropped. Default true. */
  required?: boolean;
}

export interface PositiveExample {
  text: string;
  /** When given, a finding must report exactly this secret. */
  secret?: string;
}

/** A rule as written in `rules/*.yaml` (and inline in config files). */
export interface RuleSpec {
  id: string;
  title: string;
  /** Provider display name, from the file's `provider:`. */
  provider: string;
  /** The rules file's stem (`github`, `beyondtrust`): the key verification and `--verify-endpoint` use. */
  providerKey: string;
  severity: Severity;
  confidence: Confidence;
  /** Lower-case literals; any one must occur in a chunk for the rule to run. */
  keywords: string[];
  pattern: string;
  flags?: string;
  /** Minimum Shannon entropy of the secret, bits per character. */
  entropy?: number;
  /** Name of a checksum validator in `core/checksums`. */
  checksum?: string;
  allow?: AllowRegex[];
  /** Globs the rule is limited to (minimatch, matched against the POSIX path). */
  paths?: string[];
  near?: NearSpec[];
  /**
   * Characters around a keyword hit in which the regex runs. Default 256; the
   * window always widens to whole lines (up to a cap) and is retried wider when
   * a match touches its edge, so this is about speed, never about recall.
   */
  window?: number;
  /** `false`: a building block for other rules' `near`, never reported itself. */
  report?: boolean;
  /** Skip the generic placeholder/stop-word filter (for formats where words are legitimate). */
  placeholders?: boolean;
  /** Apply the generic identifier-shape and "rare, not random" filters (generic rules). */
  generic?: boolean;
  references: string[];
  remediation: string;
  tags?: string[];
  examples: { positive: PositiveExample[]; negative: string[] };
  /** Where the rule came from, for error messages. */
  source?: { file: string; line?: number };
  /**
   * Shipped with keyhound (set by `builtinRules()`, never read from a rule
   * file): lint-clean and run against adversarial input by its tests, so a
   * cheap one may run without a time budget (docs/hardening.md). Rules from
   * files, configs and `--rules` always run within the budget, under the
   * watchdog.
   */
  builtin?: boolean;
  /**
   * What compiling learns from the pattern, computed at build time for
   * built-in rules (`analyseRule`, scripts/build.mjs) and on load when absent.
   * Drop it from a copy whose pattern, flags or keywords change.
   */
  analysis?: RuleAnalysis;
  /** How `--verify` checks the secret (docs/verification.md); absent: not verified. */
  verify?: VerifySpec;
}

export interface RuleAnalysis {
  /** Longest possible match in UTF-16 units; absent when unbounded. */
  maxMatchLength?: number;
  /** Every match starts with one of the rule's keywords. */
  anchored: boolean;
  /**
   * Every match starts with the `secret` group (past lookbehinds): a token
   * whose own prefix is its keyword (`ghp_...`, `AKIA...`), not a name and an
   * assignment before a value. Absent in analyses made before it existed: false.
   */
  secretFirst?: boolean;
  /** For context rules: a cheap pattern that matches wherever this one can (src/rules/gate.ts). */
  gate?: string;
}

export interface CommitInfo {
  sha: string;
  author: string;
  email: string;
  /** ISO 8601. */
  date: string;
  /** First line of the commit message. */
  message: string;
}

/** Where a chunk of text came from. The engine copies it onto findings and never interprets it. */
export interface Origin {
  /** POSIX path relative to the scan root (or the path within a blob/PR). */
  path: string;
  /** Absolute path on disk, when there is one. */
  absolutePath?: string;
  commit?: CommitInfo;
  blob?: string;
  repository?: string;
  pullRequest?: number;
  /** The text is commit or tag metadata (a message, an author), not a file: reports mask its free text harder. */
  metadata?: boolean;
}

/** 1-based, inclusive line ranges. */
export interface LineRange {
  start: number;
  end: number;
}

export interface Chunk {
  text: string;
  origin: Origin;
  /** Report only findings that touch these lines (diffs, staged changes). Absent: all lines. */
  lines?: LineRange[];
  /** Line number of `text`'s first line when the chunk is a slice of a bigger file. Default 1. */
  firstLine?: number;
  /** Column of `text`'s first character when the slice starts in the middle of a line (one long minified line). Default 1. */
  firstColumn?: number;
  /**
   * The bytes `text` was read from, when there is one byte a character and
   * every ASCII character is its own byte (ASCII or Latin-1 files): the
   * keyword pass reads them instead of copying the text into bytes again
   * (keywords are ASCII; other bytes match none). Ignored unless as long as `text`.
   */
  bytes?: Uint8Array;
}

export interface Location {
  /** 1-based. */
  line: number;
  /** 1-based, UTF-16 code units (SARIF's default). */
  column: number;
  endLine: number;
  /** 1-based, exclusive: the column just past the last character, as SARIF wants. */
  endColumn: number;
}

/**
 * A secret that survived every filter. Holds the raw secret: only the reporting
 * step ({@link ReportedFinding}) decides what users see.
 */
export interface Finding extends Location {
  ruleId: string;
  title: string;
  provider: string;
  providerKey: string;
  severity: Severity;
  confidence: Confidence;
  path: string;
  secret: string;
  /** The whole regex match (may include the keyword and assignment). */
  match: string;
  /** The line(s) of the finding with every candidate on them masked. */
  snippet: string;
  /**
   * `keyhound/v2` (core/fingerprint.ts): stable when lines move, costly to
   * test guesses against. Empty until the runner stamps the findings it
   * reports (scan/fingerprints.ts); in memory, tell findings apart with
   * `identity()` instead.
   */
  fingerprint: string;
  /** Shannon entropy of the secret, bits per character. */
  entropy: number;
  /** Offset of the secret in the chunk text (UTF-16 units). */
  offset: number;
  origin: Origin;
  /** Named values found around the secret (e.g. `site` for BeyondTrust). */
  context?: Record<string, string>;
  /**
   * Values paired with the secret that verification needs and reports never
   * show: the other named groups of the rule's own match (`id` in an
   * `id:secret` pair), and the `secret` of the match each `near: { rule }`
   * found, keyed by that rule's id (`beyondtrust-client-id`).
   */
  related?: Record<string, string>;
  /** Set when the secret was found inside an encoded segment. */
  decoded?: string;
  /** How many times this secret was seen at this path (history scans). */
  occurrences?: number;
  verified?: Verification;
  remediation: string;
  references: string[];
  tags?: string[];
}

export interface Verification {
  status: 'live' | 'dead' | 'unknown';
  reason: string;
  /** What the provider said about the credential (`account`, `scopes`, `expiry`, `organisation`); never the secret. */
  facts?: Record<string, string>;
  /** Where the owner revokes the credential (live and unknown verdicts of verifying rules). */
  revokeUrl?: string;
}

/** A candidate that a filter dropped, for `--explain`. */
export interface Suppressed {
  ruleId: string;
  path: string;
  line: number;
  column: number;
  /** The filter that dropped it (`entropy`, `placeholder`, `checksum`, `allow`, `inline`, `near`, `baseline`, ...). */
  filter: string;
  reason: string;
  /** Raw secret; redacted before it leaves the library like a finding's. */
  secret: string;
  /** As a finding's: empty until the runner stamps it (`--explain` reports). */
  fingerprint: string;
  origin: Origin;
}

export interface ScanResult {
  findings: Finding[];
  suppressed: Suppressed[];
  /**
   * Secrets of candidates the filters dropped, when `suppressed` does not
   * list them (no `--explain`): outputs mask them too, since a commit message
   * or a path may quote one (report/mask.ts).
   */
  dropped?: string[];
}

/** The documented reasons a source does not scan something (keys of `stats.skipped`). */
export type KnownSkipReason =
  | 'binary'
  | 'too-large'
  | 'unreadable'
  | 'broken-symlink'
  | 'symlink-outside-root'
  | 'symlink-loop'
  | 'not-regular-file'
  | 'ignored'
  | 'allowlisted-path'
  | 'submodule'
  | 'timeout'
  | 'path-too-long'
  | 'invalid-encoding'
  | 'decompression-bomb';

/** Why a source did not scan something: a documented reason, or a source's own (`api-file-limit`); `& {}` keeps editors offering the names above. */
export type SkipReason = KnownSkipReason | (string & {});

export interface ScanStats {
  files: number;
  bytes: number;
  skipped: Record<string, number>;
  durationMs: number;
  [extra: string]: unknown;
}
