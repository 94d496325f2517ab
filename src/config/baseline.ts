import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, type Problem } from '../core/errors.js';
import { LEGACY_FORMS, V2_HASH, type BaselineForm, type LegacyForm } from './baseline-hash.js';
import { withFileLock, type LockOptions } from './lock.js';

export { newSalt, type BaselineForm, type LegacyForm } from './baseline-hash.js';

/**
 * A baseline: findings accepted as known, so scans report only new ones.
 *
 * Identity is content, not position: rule id + path + a hash of the secret
 * (memory-hard and salted per baseline, keyed when written with
 * `KEYHOUND_FINGERPRINT_KEY`: baseline-hash.ts). Moving a line or reformatting
 * a file does not resurface an entry; a different secret on the same line is
 * new. The secret is never stored, not even redacted. The line number is a
 * hint for people, never part of the identity, and is not refreshed when
 * lines move, so the file only changes when findings do.
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
  /** The secret's hash in the baseline's form (baseline-hash.ts), hex, 128 bits. */
  hash: string;
  /** Where the finding was when it was accepted; a hint only. */
  line?: number;
  /** Kept from an older form (`"form"` in the file; every entry of a version 1 file): see baseline-hash.ts. */
  legacy?: LegacyForm;
  /** Line in the baseline file (for `--explain`); not written. */
  fileLine?: number;
}

export interface Baseline extends BaselineForm {
  /** Absolute path. */
  file: string;
  entries: BaselineEntry[];
}

export const DEFAULT_BASELINE_NAME = '.keyhound-baseline.jsonl';
const FORMAT = 'keyhound-baseline';
const ABOUT =
  'Findings accepted as known: rule, path and a hash of the secret (scrypt with this salt, then HMAC under KEYHOUND_FINGERPRINT_KEY when "key" is set; never the secret). One entry a line, sorted; keyhound baseline update adds new findings and prunes entries that match nothing.';

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
  let form: BaselineForm | undefined;
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
      const header = headerForm(v);
      if (typeof header === 'string') problems.push({ file, line, message: header });
      else if (form !== undefined && !sameForm(form, header)) {
        problems.push({
          file,
          line,
          message: 'a second header with another salt, version or key (two baselines merged?); recreate it with `keyhound baseline create`',
        });
      } else form = header;
    } else if (typeof v.rule !== 'string' || typeof v.path !== 'string' || typeof v.hash !== 'string' || !/^[0-9a-f]{32}$/.test(v.hash)) {
      problems.push({ file, line, message: 'an entry needs "rule", "path" and a 32-hex "hash"' });
    } else if (v.form !== undefined && !LEGACY_FORMS.includes(v.form as LegacyForm)) {
      problems.push({ file, line, message: `an entry's "form" is one of ${LEGACY_FORMS.map((f) => `"${f}"`).join(', ')}, or none` });
    } else {
      const entry: BaselineEntry = { rule: v.rule, path: v.path, hash: v.hash, fileLine: line };
      if (Number.isInteger(v.line)) entry.line = v.line as number;
      if (v.form !== undefined) entry.legacy = v.form as LegacyForm;
      entries.push(entry);
    }
  });
  if (form === undefined && problems.length === 0)
    problems.push({ file, line: 1, message: `missing the header line {"format":"${FORMAT}",...}` });
  if (problems.length > 0) throw new ConfigError(problems);
  // Every entry of a version 1 file is in the v1 form, whatever it says.
  if (form!.version === 1) for (const entry of entries) entry.legacy = 'v1';
  return { file, ...form!, entries };
}

/** A header's form, or what is wrong with it. */
function headerForm(v: Record<string, unknown>): BaselineForm | string {
  const expected = `unsupported header (expected format "${FORMAT}", version 2 (or 1), a hex salt`;
  if (v.format !== FORMAT || typeof v.salt !== 'string' || !/^[0-9a-f]{16,}$/.test(v.salt)) return `${expected})`;
  if (v.version === 1) return { version: 1, salt: v.salt };
  if (v.version !== 2) return `${expected}; version ${JSON.stringify(v.version)} is not one this keyhound reads)`;
  if (v.hash !== V2_HASH) return `${expected} and "hash": "${V2_HASH}")`;
  if (v.key === undefined) return { version: 2, salt: v.salt };
  if (typeof v.key !== 'string' || !/^[0-9a-f]{16}$/.test(v.key)) return `${expected}; "key" must be 16 hex)`;
  return { version: 2, salt: v.salt, keyCheck: v.key };
}

function sameForm(a: BaselineForm, b: BaselineForm): boolean {
  return a.version === b.version && a.salt === b.salt && a.keyCheck === b.keyCheck;
}

/** What keyhound writes: version 2, keyed or not. */
export type WritableBaseline = Pick<Baseline, 'salt' | 'keyCheck' | 'entries'>;

/** The file's text (always version 2): header, then entries sorted and de-duplicated. Deterministic for the same entries. */
export function formatBaseline(baseline: WritableBaseline): string {
  const header = JSON.stringify({
    format: FORMAT,
    version: 2,
    salt: baseline.salt,
    hash: V2_HASH,
    ...(baseline.keyCheck !== undefined ? { key: baseline.keyCheck } : {}),
    about: ABOUT,
  });
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const entry of [...baseline.entries].sort(compare)) {
    const key = entryKey(entry);
    if (seen.has(key)) continue;
    seen.add(key);
    lines.push(
      JSON.stringify({
        rule: entry.rule,
        path: entry.path,
        hash: entry.hash,
        ...(entry.line !== undefined ? { line: entry.line } : {}),
        ...(entry.legacy !== undefined ? { form: entry.legacy } : {}),
      }),
    );
  }
  return `${[header, ...lines].join('\n')}\n`;
}

/** Writes atomically (temp file, then rename). */
export function writeBaseline(baseline: WritableBaseline & { file: string }): void {
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
 * none yet), and returns the salt, key check and entries to write (version
 * 2, with anything else the caller wants back as `changed`), or undefined to
 * leave the file as it is. Returns what was there and what was written.
 */
export async function updateBaselineFile<T extends WritableBaseline>(
  file: string,
  change: (previous: Baseline | undefined) => T | undefined,
  options: LockOptions = {},
): Promise<{ previous: Baseline | undefined; next?: Baseline; changed?: T }> {
  return withFileLock(
    file,
    () => {
      const previous = existsSync(file) ? readBaseline(file) : undefined;
      const changed = change(previous);
      if (!changed) return { previous };
      const next: Baseline = {
        file,
        version: 2,
        salt: changed.salt,
        ...(changed.keyCheck !== undefined ? { keyCheck: changed.keyCheck } : {}),
        entries: changed.entries,
      };
      writeBaseline(next);
      return { previous, next, changed };
    },
    options,
  );
}
