import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, type Problem } from '../core/errors.js';
import { withFileLock, type LockOptions } from './lock.js';

/**
 * A baseline: findings accepted as known, so scans report only new ones.
 *
 * Identity is content, not position: rule id + path + a salted hash of the
 * secret. Moving a line or reformatting a file does not resurface an entry; a
 * different secret on the same line is new. The secret is never stored, not
 * even redacted. The line number is a hint for people, never part of the
 * identity, and is not refreshed when lines move, so the file only changes
 * when findings do.
 *
 * The file is JSON Lines: a header line, then one entry a line, sorted by
 * path, rule and hash, with no timestamps. Two branches that each accept a
 * finding change different lines, and `keyhound baseline` marks the file
 * `merge=union` in `.gitattributes` so even neighbouring additions merge
 * without conflicts (see docs/config.md).
 */
export interface BaselineEntry {
  rule: string;
  /** POSIX path relative to the baseline file's folder. */
  path: string;
  /** HMAC-SHA256 of the secret keyed with the baseline's salt, hex, first 128 bits. */
  hash: string;
  /** Where the finding was when it was accepted; a hint only. */
  line?: number;
  /** Line in the baseline file (for `--explain`); not written. */
  fileLine?: number;
}

export interface Baseline {
  /** Absolute path. */
  file: string;
  /** Random hex, per baseline: the same secret hashes differently in every baseline. */
  salt: string;
  entries: BaselineEntry[];
}

export const DEFAULT_BASELINE_NAME = '.keyhound-baseline.jsonl';
const FORMAT = 'keyhound-baseline';
const VERSION = 1;
const ABOUT =
  'Findings accepted as known: rule, path and a salted hash of the secret (never the secret). One entry a line, sorted; keyhound baseline update adds new findings and prunes entries that match nothing.';

export function newSalt(): string {
  return randomBytes(16).toString('hex');
}

/** The stored form of a secret: keyed HMAC, so the hash says nothing outside this baseline. */
export function hashSecret(salt: string, secret: string): string {
  return createHmac('sha256', salt).update(secret).digest('hex').slice(0, 32);
}

export function entryKey(entry: { rule: string; path: string; hash: string }): string {
  return `${entry.rule}\0${entry.path}\0${entry.hash}`;
}

function compare(a: BaselineEntry, b: BaselineEntry): number {
  const by = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
  return by(a.path, b.path) || by(a.rule, b.rule) || by(a.hash, b.hash);
}

/** Reads a baseline; every malformed line is reported at once with its line number. */
export function readBaseline(file: string): Baseline {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError([
      {
        file,
        message:
          code === 'ENOENT'
            ? 'no such baseline file; create it with `keyhound baseline create`'
            : `cannot read: ${code ?? (error as Error).message}`,
      },
    ]);
  }
  const problems: Problem[] = [];
  let salt: string | undefined;
  const entries: BaselineEntry[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      problems.push({ file, line, message: 'not a JSON object (a merge conflict marker left in the file?)' });
      return;
    }
    const v = value as Record<string, unknown>;
    if (typeof value !== 'object' || value === null) {
      problems.push({ file, line, message: 'not a JSON object' });
    } else if (v.format !== undefined) {
      if (v.format !== FORMAT || v.version !== VERSION || typeof v.salt !== 'string' || !/^[0-9a-f]{16,}$/.test(v.salt)) {
        problems.push({ file, line, message: `unsupported header (expected format "${FORMAT}", version ${VERSION} and a hex salt)` });
      } else if (salt !== undefined && salt !== v.salt) {
        problems.push({
          file,
          line,
          message: 'a second header with another salt (two baselines merged?); recreate it with `keyhound baseline create`',
        });
      } else salt = v.salt;
    } else if (typeof v.rule !== 'string' || typeof v.path !== 'string' || typeof v.hash !== 'string' || !/^[0-9a-f]{32}$/.test(v.hash)) {
      problems.push({ file, line, message: 'an entry needs "rule", "path" and a 32-hex "hash"' });
    } else {
      const entry: BaselineEntry = { rule: v.rule, path: v.path, hash: v.hash, fileLine: line };
      if (Number.isInteger(v.line)) entry.line = v.line as number;
      entries.push(entry);
    }
  });
  if (salt === undefined && problems.length === 0)
    problems.push({ file, line: 1, message: `missing the header line {"format":"${FORMAT}",...}` });
  if (problems.length > 0) throw new ConfigError(problems);
  return { file, salt: salt!, entries };
}

/** The file's text: header, then entries sorted and de-duplicated. Deterministic for the same entries. */
export function formatBaseline(baseline: Pick<Baseline, 'salt' | 'entries'>): string {
  const header = JSON.stringify({ format: FORMAT, version: VERSION, salt: baseline.salt, about: ABOUT });
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const entry of [...baseline.entries].sort(compare)) {
    const key = entryKey(entry);
    if (seen.has(key)) continue;
    seen.add(key);
    lines.push(
      JSON.stringify(
        entry.line === undefined
          ? { rule: entry.rule, path: entry.path, hash: entry.hash }
          : { rule: entry.rule, path: entry.path, hash: entry.hash, line: entry.line },
      ),
    );
  }
  return `${[header, ...lines].join('\n')}\n`;
}

/** Writes atomically (temp file, then rename). */
export function writeBaseline(baseline: Baseline): void {
  const temp = path.join(path.dirname(baseline.file), `.${path.basename(baseline.file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(temp, formatBaseline(baseline));
    renameSync(temp, baseline.file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new ConfigError([
      { file: baseline.file, message: `cannot write: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` },
    ]);
  }
}

/**
 * Reads, changes and writes a baseline holding its lock (`FILE.lock`, see
 * config/lock.ts), so runs that update it at once lose none of each other's
 * entries: `change` gets the baseline as it is now (undefined when there is
 * none yet), and returns the salt and entries to write (with anything else
 * the caller wants back as `changed`). Returns what was there and what was written.
 */
export async function updateBaselineFile<T extends Pick<Baseline, 'salt' | 'entries'>>(
  file: string,
  change: (previous: Baseline | undefined) => T,
  options: LockOptions = {},
): Promise<{ previous: Baseline | undefined; next: Baseline; changed: T }> {
  return withFileLock(
    file,
    () => {
      const previous = existsSync(file) ? readBaseline(file) : undefined;
      const changed = change(previous);
      const next: Baseline = { file, salt: changed.salt, entries: changed.entries };
      writeBaseline(next);
      return { previous, next, changed };
    },
    options,
  );
}
