import { availableParallelism } from 'node:os';
import type { Argv, Options } from 'yargs';
import { UsageError } from '../core/errors.js';
import { MAX_SHARDS, parseShard } from '../core/shard.js';
import { CONFIDENCES, type Confidence } from '../core/types.js';
import { FORMATS, FORMAT_NAMES } from '../report/index.js';

/**
 * Every command-line option, declared once: its type, default, validation
 * and help. A command lists the options it accepts by name (see each file in
 * commands/); an option it does not list is refused (yargs strict mode), so
 * no command accepts an option it ignores. Validation runs while parsing, so
 * a bad value exits 2 before anything is read.
 */

/** yargs drops a lone "-" (the stdin path); main() carries it through as a name no file can have. */
export const STDIN_ARG = '\0-';

/** A numeric option's value as the user may recognise it: yargs turns text that is not a number into NaN. */
export function given(value: number): string {
  return Number.isNaN(value) ? 'something else' : String(value);
}

function wholeNumber(option: string, min: number, max: number, what: string): (value: number) => number {
  return (value) => {
    if (!Number.isInteger(value) || value < min || value > max) throw new UsageError(`--${option}: give ${what} (got ${given(value)})`);
    return value;
  };
}

function positiveSeconds(option: string, allowZero: boolean): (value: number) => number {
  return (value) => {
    if (!Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) {
      throw new UsageError(`--${option}: "${given(value)}" must be a number of seconds${allowZero ? ' (0 for no limit)' : ' above 0'}`);
    }
    return value;
  };
}

/** `10MB`, `512k`, `1048576` → bytes. */
export function parseSize(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmg]i?b?|b)?\s*$/i.exec(text);
  if (!match) throw new UsageError(`--max-file-size: "${text}" is not a size (try 10MB, 512KB or a number of bytes)`);
  const unit = (match[2] ?? 'b').toLowerCase()[0]!;
  const factor = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  return Math.floor(Number(match[1]) * factor);
}

/** `--disable a,b --disable c` → `[a, b, c]`. */
export function splitList(values: readonly string[] | undefined): string[] {
  return (values ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

const formats = FORMAT_NAMES.map((name) => `${name} (${FORMATS[name].describe})`).join('; ');

/** The option table. Keys are the flags as typed (`--max-file-size`); `flag` renames one where two commands share a flag name with different meanings. */
export const OPTIONS = {
  format: { alias: 'f', choices: FORMAT_NAMES, default: 'text', describe: `Output format: ${formats}` },
  output: {
    alias: 'o',
    type: 'string',
    describe: 'Write the report to this file instead of stdout (a regular file atomically; a pipe or device in place)',
  },
  redact: {
    type: 'boolean',
    default: true,
    describe: 'Mask secrets in every output (--redact=N, as in gitleaks: hide at least N percent of each); --no-redact shows them whole',
  },
  // --redact=N becomes --redact --redact-percent=N before parsing (redactPercentArgs).
  'redact-percent': {
    type: 'number',
    hidden: true,
    coerce: wholeNumber('redact', 0, 100, 'true, false, or a percentage from 0 to 100'),
    describe: 'Share of each secret to hide, in percent',
  },
  'exit-code': {
    type: 'number',
    default: 1,
    coerce: wholeNumber('exit-code', 0, 255, 'a whole number from 0 to 255'),
    describe: 'Exit code when findings remain',
  },
  rules: { type: 'string', array: true, describe: 'Extra rule files or folders (YAML, see docs/rules.md)' },
  disable: { type: 'string', array: true, describe: 'Rule ids to turn off (comma-separated or repeated)' },
  'max-file-size': {
    type: 'string',
    coerce: (value: string) => parseSize(value),
    describe: 'Skip files larger than this (bytes, or with KB/MB/GB); default 10MB',
  },
  explain: { type: 'boolean', default: false, describe: 'Also list dropped candidates and why' },
  'min-confidence': {
    choices: CONFIDENCES,
    describe:
      'Report only findings of at least this confidence (low: generic rules too; medium: a provider format or name in context; high: prefix and checksum). Default: low for scan, git and github; medium for staged and git --pre-push (hooks). The exit code follows what is reported',
  },
  threads: {
    alias: 'j',
    type: 'number',
    default: availableParallelism(),
    coerce: wholeNumber('threads', 1, 1024, 'a whole number of threads from 1'),
    describe:
      'CPU cores to keep busy (default: all). Files are scanned on that many threads; history is diffed by that many git processes while one thread scans their output',
  },
  'file-timeout': {
    type: 'number',
    default: 30,
    coerce: positiveSeconds('file-timeout', true),
    describe:
      'Seconds one file (or 16 MiB piece of a bigger one) may take to scan; past it the file is skipped and counted as "timeout" (0: no limit)',
  },
  'allow-incomplete': {
    type: 'boolean',
    default: false,
    describe:
      'Exit 0 (not 3) when nothing was found although some input could not be scanned (a timeout, a text file over the size limit, an unreadable file); the report still says what was missed',
  },
  quiet: { alias: 'q', type: 'boolean', default: false, describe: 'Nothing on stderr but errors (no progress line, no summary)' },
  verbose: {
    type: 'boolean',
    default: false,
    describe: 'List each input scanned or skipped, and why, on stderr (paths only, never content)',
  },
  config: {
    alias: 'c',
    type: 'string',
    describe: 'Config file: a .keyhound.yaml or a gitleaks .gitleaks.toml (default: found in the scanned folder or repository root)',
  },
  baseline: { type: 'string', describe: 'Report only findings not in this baseline file (keyhound baseline create writes one)' },
  'config-from': {
    type: 'string',
    describe:
      'Read the configuration, rule files and baseline as they are in this revision (e.g. the base of a pull request), never from what is scanned; --config and --baseline inside the repository are read from it too',
  },
  'decode-depth': {
    type: 'number',
    default: 2,
    coerce: wholeNumber('decode-depth', 0, 5, 'a whole number from 0 to 5'),
    describe: 'Layers of base64, hex, percent and \\u/\\x encoding to look through for secrets; 0 turns decoding off',
  },
  verify: {
    type: 'boolean',
    default: false,
    describe: 'Check each secret with one read-only request to its provider (sends the secret there; see README)',
  },
  'verify-host': {
    type: 'string',
    array: true,
    describe: 'A host named in scanned content (a BeyondTrust appliance) that may receive credentials; repeatable, *.example.com allowed',
  },
  'verify-endpoint': {
    type: 'string',
    array: true,
    describe: "PROVIDER=URL: send that provider's verification requests to URL (scheme, host, port) instead; repeatable",
  },
  'verify-timeout': {
    type: 'number',
    default: 10,
    coerce: positiveSeconds('verify-timeout', false),
    describe: 'Seconds to wait for each verification request',
  },
  'only-live': {
    type: 'boolean',
    default: false,
    alias: 'only-verified',
    describe: 'Report only secrets that --verify found live (--only-verified is the same)',
  },
  results: {
    type: 'string',
    array: true,
    describe: 'With --verify, report only these verdicts: a comma-separated list of live, unknown, dead',
  },
  gitignore: { type: 'boolean', default: true, describe: 'Honour .gitignore files; --no-gitignore scans ignored files too' },
  'follow-symlinks': { type: 'boolean', default: false, describe: 'Follow symlinks that stay inside the scanned folder' },
  range: { type: 'string', describe: 'Only commits in this revision range, e.g. origin/main..HEAD (a pull request: base..head)' },
  'since-commit': { type: 'string', describe: 'Only commits after this one (reachable from the scanned refs, not from it)' },
  branch: { type: 'string', array: true, describe: 'Scan these refs instead of all refs (repeatable)' },
  context: {
    type: 'number',
    coerce: wholeNumber('context', 0, 100, 'a whole number from 0 to 100'),
    describe: 'Unchanged lines around each change that rules looking nearby may use (default 0: the whole file is read where needed)',
  },
  'pre-push': {
    type: 'boolean',
    describe: "Scan the commits being pushed (git pre-push hook input on stdin, or pre-commit's PRE_COMMIT_FROM_REF/TO_REF)",
  },
  token: { type: 'string', describe: 'GitHub token (default: $GITHUB_TOKEN); without one only public data, at 60 requests an hour' },
  'api-url': {
    type: 'string',
    describe: 'REST API root; https://HOST/api/v3 for GitHub Enterprise Server (default: $GITHUB_API_URL or https://api.github.com)',
  },
  'include-forks': { type: 'boolean', default: false, describe: 'org/user: audit forks too' },
  'skip-archived': { type: 'boolean', default: false, describe: 'org/user: leave out archived repositories' },
  'max-wait': {
    type: 'number',
    default: 300,
    coerce: (value: number) => {
      if (!(value >= 0)) throw new UsageError(`--max-wait: give a number of seconds, 0 or more (got ${given(value)})`);
      return value;
    },
    describe: 'Longest wait for a rate-limit reset, in seconds; longer stops with a message',
  },
  comment: { type: 'boolean', default: false, describe: 'pr: post (or update) the pull-request comment the Action posts' },
  shard: {
    type: 'string',
    coerce: (value: string) => parseShard(value),
    describe:
      'I/N: scan only shard I of N (org/user: the repositories whose lower-cased full name hashes to it; git: the I-th of N even slices of the commits in history order); keyhound merge joins the N reports',
  },
  tip: {
    type: 'boolean',
    default: false,
    describe: "repo/org/user: scan only the files at the tip of each repository's default branch (a shallow clone), not its history",
  },
  shards: {
    type: 'number',
    coerce: wholeNumber('shards', 1, MAX_SHARDS, `a whole number of shards from 1 to ${MAX_SHARDS}`),
    describe:
      'The number of shards expected (N of --shard I/N); a shard with no report makes the merged report incomplete (default: the N the reports record)',
  },
  git: {
    type: 'boolean',
    default: false,
    describe: 'Accept the findings of the git history of the repository at PATH (as keyhound git) instead of its files',
  },
  gitattributes: {
    type: 'boolean',
    default: true,
    describe: 'Mark the baseline merge=union in .gitattributes so branches that each add entries merge cleanly',
  },
  force: {
    type: 'boolean',
    default: false,
    describe: "Replace a pre-commit hook that is not keyhound's (it is kept as pre-commit.keyhound-backup)",
  },
} as const satisfies Record<string, Options>;

export type OptionName = keyof typeof OPTIONS;

/** Options every scanning command accepts (scan, git, staged, github). */
export const SCAN_OPTIONS = [
  'format',
  'output',
  'redact',
  'redact-percent',
  'exit-code',
  'rules',
  'disable',
  'max-file-size',
  'explain',
  'min-confidence',
  'threads',
  'file-timeout',
  'quiet',
  'verbose',
  'config',
  'baseline',
  'decode-depth',
  'verify',
  'verify-host',
  'verify-endpoint',
  'verify-timeout',
  'only-live',
  'results',
  'allow-incomplete',
] as const satisfies readonly OptionName[];

/** Adds the named options to a command's parser, with `overrides` for a command's own help text or default. */
export function withOptions<T>(
  yargs: Argv<T>,
  names: readonly OptionName[],
  overrides: Partial<Record<OptionName, Options>> = {},
): Argv<T> {
  let out = yargs;
  for (const name of names) out = out.option(name, { ...(OPTIONS[name] as Options), ...overrides[name] });
  return out;
}

/** Every boolean flag, for the check that `--flag=value` says true or false (yargs reads any other value as false). */
export const BOOLEAN_OPTIONS: ReadonlySet<string> = new Set(
  Object.entries(OPTIONS)
    .filter(([, spec]) => (spec as Options).type === 'boolean')
    .map(([name]) => name),
);

/**
 * Refuses `--flag=value` for a boolean flag unless the value is true or
 * false: yargs would read `--redact=20` as "no redaction" and print secrets.
 */
export function checkBooleanValues(args: readonly string[], extra: readonly string[] = []): void {
  const booleans = new Set([...BOOLEAN_OPTIONS, ...extra]);
  for (const arg of args) {
    if (arg === '--') return;
    const match = /^--(?:no-)?([a-z][a-z0-9-]*)=(.*)$/s.exec(arg);
    if (!match || !booleans.has(match[1]!)) continue;
    if (match[2] !== 'true' && match[2] !== 'false') {
      throw new UsageError(`--${match[1]!}: takes no value, or true or false (got "${match[2]!}")`);
    }
  }
}

/**
 * gitleaks' `--redact=N` (hide N percent of each secret) as keyhound reads
 * it: `--redact --redact-percent=N`. keyhound never hides less than its
 * default does, so N only ever hides more; any other value is refused by
 * {@link checkBooleanValues}, never read as "no redaction".
 */
export function redactPercentArgs(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') return [...out, ...args.slice(i)];
    const match = /^--redact=(\d+)$/.exec(arg);
    if (match) out.push('--redact', `--redact-percent=${match[1]!}`);
    else out.push(arg);
  }
  return out;
}

/** The arguments every scanning command's run reads, as yargs gives them. */
export interface ScanArgs {
  format: string;
  output?: string;
  redact: boolean;
  'redact-percent'?: number;
  'exit-code': number;
  'allow-incomplete'?: boolean;
  rules?: string[];
  disable?: string[];
  'max-file-size'?: number;
  explain: boolean;
  /** Absent: the command's default (report/confidence.ts DEFAULT_MIN_CONFIDENCE). */
  'min-confidence'?: Confidence;
  threads: number;
  'file-timeout': number;
  quiet: boolean;
  verbose: boolean;
  config?: string;
  baseline?: string;
  'config-from'?: string;
  'decode-depth': number;
  verify: boolean;
  'verify-host'?: string[];
  'verify-endpoint'?: string[];
  'verify-timeout': number;
  'only-live': boolean;
  results?: string[];
  debug?: boolean;
}
