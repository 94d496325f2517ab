import { createHash, createHmac, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type RunResult } from '../helpers/cli.js';
import { tempDir, writeTree } from '../helpers/tmp.js';
import { base62, githubToken } from '../helpers/tokens.js';

/**
 * Fingerprints (`keyhound/v2`) and baseline hashes through the real CLI:
 * stable across runs and folders, changed by the key, and version 1
 * baselines read with a warning until `baseline migrate` rewrites them.
 */
const KEY_VARIABLE = 'KEYHOUND_FINGERPRINT_KEY';
const newKey = (): string => randomBytes(32).toString('hex');

function scan(
  dir: string,
  args: string[] = [],
  env: NodeJS.ProcessEnv = {},
): RunResult & { report: { findings: Record<string, unknown>[]; stats: Record<string, unknown> } } {
  const result = runCli(['scan', dir, '--format', 'json', '-j', '1', ...args], { env });
  return { ...result, report: JSON.parse(result.stdout || '{"findings":[],"stats":{}}') };
}

const fingerprints = (dir: string, env: NodeJS.ProcessEnv = {}): string[] =>
  scan(dir, [], env)
    .report.findings.map((f) => String(f.fingerprint))
    .sort();

/** A version 1 baseline as keyhound 1.x wrote it: HMAC-SHA256 of the secret keyed with the salt, 128 bits. */
function writeV1Baseline(file: string, entries: { rule: string; path: string; secret: string; line: number }[]): void {
  const salt = randomBytes(16).toString('hex');
  const lines = [
    JSON.stringify({ format: 'keyhound-baseline', version: 1, salt }),
    ...entries.map((e) =>
      JSON.stringify({
        rule: e.rule,
        path: e.path,
        hash: createHmac('sha256', salt).update(e.secret).digest('hex').slice(0, 32),
        line: e.line,
      }),
    ),
  ];
  writeFileSync(file, `${lines.join('\n')}\n`);
}

const lines = (file: string): Record<string, unknown>[] =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

const count = (text: string, part: string): number => text.split(part).length - 1;

describe('fingerprints keyhound/v2', () => {
  const token = githubToken();
  const password = `P${base62(20)}`;
  const files = { 'app/.env': `GITHUB_TOKEN=${token}\n`, 'deploy.sh': `export DB_PASSWORD="${password}"\n` };

  it('are the same across runs and folders, differ with the key, and hold neither secret nor the v1 hash', () => {
    const [a, b] = [tempDir(), tempDir()];
    writeTree(a, files);
    writeTree(b, files);
    const plain = fingerprints(a);
    expect(plain.length).toBeGreaterThanOrEqual(2);
    for (const f of plain) expect(f).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprints(a)).toEqual(plain);
    expect(fingerprints(b)).toEqual(plain);
    // Not the old unsalted sha256 of rule and secret.
    const v1 = createHash('sha256').update('github-pat-classic').update('\0').update(token).digest('hex');
    expect(plain).not.toContain(v1);

    const [k1, k2] = [newKey(), newKey()];
    const keyed = fingerprints(a, { [KEY_VARIABLE]: k1 });
    expect(fingerprints(b, { [KEY_VARIABLE]: k1 })).toEqual(keyed);
    const other = fingerprints(a, { [KEY_VARIABLE]: k2 });
    for (const f of keyed) {
      expect(plain).not.toContain(f);
      expect(other).not.toContain(f);
    }
  });

  it('SARIF carries them as partialFingerprints keyhound/v2, the same as the JSON report', () => {
    const dir = tempDir();
    writeTree(dir, files);
    const key = { [KEY_VARIABLE]: newKey() };
    const sarif = JSON.parse(runCli(['scan', dir, '--format', 'sarif', '-j', '1'], { env: key }).stdout);
    const results = sarif.runs[0].results as { partialFingerprints: Record<string, string> }[];
    expect(results.length).toBeGreaterThanOrEqual(2);
    for (const r of results) expect(Object.keys(r.partialFingerprints)).toEqual(['keyhound/v2']);
    expect(results.map((r) => r.partialFingerprints['keyhound/v2']).sort()).toEqual(fingerprints(dir, key));
  });

  it('refuses a short key with exit 2, without printing it', () => {
    const dir = tempDir();
    writeTree(dir, files);
    const weak = 'hunter2-hunter2';
    const result = runCli(['scan', dir], { env: { [KEY_VARIABLE]: weak } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(KEY_VARIABLE);
    expect(result.stderr + result.stdout).not.toContain(weak);
  });
});

describe('baselines version 2, and version 1 ones migrated', () => {
  it('a v1 baseline suppresses with one warning; migrate writes v2 that suppresses without one and keeps what it cannot find again', () => {
    const dir = tempDir();
    const [kept, moved] = [githubToken(), githubToken()];
    writeTree(dir, { 'src/a.js': `const t = "${kept}";\n`, 'old/b.js': `const t = "${moved}";\n` });
    const baseline = path.join(dir, 'baseline.jsonl');
    writeV1Baseline(baseline, [
      { rule: 'github-pat-classic', path: 'src/a.js', secret: kept, line: 1 },
      { rule: 'github-pat-classic', path: 'old/b.js', secret: moved, line: 1 },
    ]);

    const before = scan(dir, ['--baseline', baseline]);
    expect(before.code).toBe(0);
    expect(before.report.findings).toEqual([]);
    expect(before.report.stats.baselined).toBe(2);
    expect(count(before.stderr, 'is version 1')).toBe(1);
    expect(before.stderr).toContain('keyhound baseline migrate');
    for (const secret of [kept, moved]) expect(before.stderr).not.toContain(secret.slice(0, 12));

    // Migrating over src only: a.js is found again, b.js is not looked at, so its entry stays v1.
    const migrated = runCli(['baseline', 'migrate', path.join(dir, 'src'), '--baseline', baseline]);
    expect(migrated.code).toBe(0);
    expect(migrated.stderr).toMatch(/migrated .*baseline\.jsonl to version 2: 1 entry rewritten, 1 kept in an older form/);
    expect(migrated.stderr).toContain('old/b.js:1 [github-pat-classic]');
    const [header, ...entries] = lines(baseline);
    expect(header).toMatchObject({ format: 'keyhound-baseline', version: 2 });
    expect(header!.key).toBeUndefined();
    expect(entries.map((e) => [e.path, e.form])).toEqual([
      ['old/b.js', 'v1'],
      ['src/a.js', undefined],
    ]);
    const half = scan(dir, ['--baseline', baseline]);
    expect(half.report.findings).toEqual([]);
    expect(half.stderr).toContain('has 1 version 1 entry');

    // Over the whole folder the last one is found again: no v1 left, no warning.
    const whole = runCli(['baseline', 'migrate', dir, '--baseline', baseline]);
    expect(whole.code).toBe(0);
    expect(whole.stderr).toMatch(/1 entry rewritten, 0 kept/);
    expect(
      lines(baseline)
        .slice(1)
        .every((e) => e.form === undefined),
    ).toBe(true);
    const after = scan(dir, ['--baseline', baseline]);
    expect(after.code).toBe(0);
    expect(after.report.findings).toEqual([]);
    expect(after.report.stats.baselined).toBe(2);
    expect(after.stderr).not.toContain('version 1');
    expect(after.stderr).not.toContain('deprecated');
    // A new secret is still new.
    writeTree(dir, { 'src/new.js': `const t = "${githubToken()}";\n` });
    expect(scan(dir, ['--baseline', baseline]).report.findings.map((f) => f.path)).toEqual(['src/new.js']);
    const again = runCli(['baseline', 'migrate', dir, '--baseline', baseline]);
    expect(again.stderr).toMatch(/already version 2; nothing to migrate/);
  });

  it('update rewrites a v1 baseline as version 2 too: what it finds again in the new form, what it read and did not find pruned', () => {
    const dir = tempDir();
    const [still, gone] = [githubToken(), githubToken()];
    writeTree(dir, { 'a.js': `const t = "${still}";\n` });
    const baseline = path.join(dir, 'baseline.jsonl');
    writeV1Baseline(baseline, [
      { rule: 'github-pat-classic', path: 'a.js', secret: still, line: 1 },
      { rule: 'github-pat-classic', path: 'b.js', secret: gone, line: 1 },
    ]);
    const updated = runCli(['baseline', 'update', dir, '--baseline', baseline]);
    expect(updated.code).toBe(0);
    expect(updated.stderr).toMatch(/updated .*: 1 entry \(0 added, 0 kept, 1 pruned\)/);
    expect(updated.stderr).toContain('1 of them rewritten from an older form');
    const [header, ...entries] = lines(baseline);
    expect(header).toMatchObject({ version: 2 });
    expect(entries.map((e) => [e.path, e.form])).toEqual([['a.js', undefined]]);
    const after = scan(dir, ['--baseline', baseline]);
    expect(after.report.findings).toEqual([]);
    expect(after.stderr).not.toContain('version 1');
  });

  it('keyed: written with the key, refused without it or with another, and an unkeyed one migrated to keyed', () => {
    const dir = tempDir();
    const secret = githubToken();
    writeTree(dir, { 'a.js': `const t = "${secret}";\n` });
    const baseline = path.join(dir, '.keyhound-baseline.jsonl');
    expect(runCli(['baseline', 'create', dir]).code).toBe(0);
    const unkeyedHash = lines(baseline)[1]!.hash;

    const key = { [KEY_VARIABLE]: newKey() };
    const notice = scan(dir, ['--baseline', baseline], key);
    expect(notice.report.findings).toEqual([]);
    expect(notice.stderr).toContain('is not keyed');
    const migrated = runCli(['baseline', 'migrate', dir], { env: key });
    expect(migrated.code).toBe(0);
    expect(migrated.stderr).toMatch(/to version 2, keyed: 1 entry rewritten/);
    const [header, entry] = lines(baseline);
    expect(header!.key).toMatch(/^[0-9a-f]{16}$/);
    expect(entry!.hash).not.toBe(unkeyedHash);

    const keyed = scan(dir, ['--baseline', baseline], key);
    expect(keyed.code).toBe(0);
    expect(keyed.report.findings).toEqual([]);
    expect(keyed.stderr).not.toContain('not keyed');
    const without = runCli(['scan', dir, '--baseline', baseline]);
    expect(without.code).toBe(2);
    expect(without.stderr).toMatch(/written with KEYHOUND_FINGERPRINT_KEY; set the same key/);
    const other = runCli(['scan', dir, '--baseline', baseline], { env: { [KEY_VARIABLE]: newKey() } });
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/another KEYHOUND_FINGERPRINT_KEY/);
  });
});
