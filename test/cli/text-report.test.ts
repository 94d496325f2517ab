import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { commit, initRepo } from '../helpers/git.js';
import { tempDir, writeTree } from '../helpers/tmp.js';
import { base62, githubToken, randomFrom } from '../helpers/tokens.js';

/** An AWS access key id built at test time: AKIA and 16 of base32's upper-case letters and digits. */
const awsKeyId = (): string => `AKIA${randomFrom('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}`;

/** Entries of a text report: blocks that start with a severity. */
function entries(text: string): string[] {
  return text.split('\n\n').filter((block) => /^(CRITICAL|HIGH|MEDIUM|LOW) /.test(block));
}

describe('the text report, one entry per secret', () => {
  it('names a secret pasted into 64 files once, with its first three paths and the count; JSON keeps every place', () => {
    const dir = tempDir();
    const token = githubToken();
    const files: Record<string, string> = {};
    for (let v = 0; v < 64; v++) files[`docs/v${String(v).padStart(2, '0')}/api.md`] = `# API\n\nexport GITHUB_TOKEN=${token}\n`;
    writeTree(dir, files);
    const text = runCli(['scan', dir, '--threads', '1']);
    expect(text.code).toBe(1);
    const shown = entries(text.stdout);
    expect(shown).toHaveLength(1);
    expect(shown[0]).toContain('[github-pat-classic, high confidence]');
    expect(shown[0]).toMatch(
      /found in 64 files: docs\/v00\/api\.md:3:\d+, docs\/v01\/api\.md:3:\d+, docs\/v02\/api\.md:3:\d+, and 61 more/,
    );
    expect(text.stdout).toMatch(/^1 secret found at 64 places in 64 files/m);
    expect(text.stdout).not.toContain(token);

    const json = runCli(['scan', dir, '--threads', '1', '--format', 'json']);
    const findings = (JSON.parse(json.stdout) as { findings: { path: string }[] }).findings;
    expect(new Set(findings.map((f) => f.path)).size).toBe(64);
    const sarif = JSON.parse(runCli(['scan', dir, '--threads', '1', '--format', 'sarif']).stdout) as { runs: { results: unknown[] }[] };
    expect(sarif.runs[0]!.results).toHaveLength(64);
  });

  it('in history, says how many commits hold the secret besides the first', () => {
    const repo = initRepo();
    const token = githubToken();
    commit(repo, { 'a.env': `GITHUB_TOKEN=${token}\n` }, 'First copy');
    commit(repo, { 'b.env': `GITHUB_TOKEN=${token}\n` }, 'Second copy');
    commit(repo, { 'c.env': `GITHUB_TOKEN=${token}\n` }, 'Third copy');
    const result = runCli(['git', repo]);
    expect(result.code).toBe(1);
    const shown = entries(result.stdout);
    expect(shown).toHaveLength(1);
    expect(shown[0]).toContain('found in 3 files: a.env:1:14, b.env:1:14, c.env:1:14');
    expect(shown[0]).toMatch(/commit [0-9a-f]{12} by Ada Lovelace <ada@example\.com> on \d{4}-\d\d-\d\d: \w+ copy; and 2 more commits/);
  });

  it('prints the whole fix: the AWS key id entry carries its revocation step', () => {
    const dir = tempDir();
    writeTree(dir, { 'app.env': `AWS_ACCESS_KEY_ID=${awsKeyId()}\n` });
    const result = runCli(['scan', dir]);
    expect(result.code).toBe(1);
    const [entry] = entries(result.stdout);
    const fix = entry!.slice(entry!.indexOf('fix:')).replace(/\s+/g, ' ');
    expect(fix).toContain('deactivate and delete the access key');
    expect(fix).toContain('CloudTrail');
  });

  it('says a fix that repeats for many secrets once, under "How to fix", and each entry points there', () => {
    const dir = tempDir();
    const files: Record<string, string> = {};
    for (let i = 0; i < 5; i++) files[`svc${i}/settings.py`] = `DB_PASSWORD = "${base62(18)}"\n`;
    files['app.env'] = `AWS_ACCESS_KEY_ID=${awsKeyId()}\n`;
    writeTree(dir, files);
    const result = runCli(['scan', dir]);
    expect(result.code).toBe(1);
    const shown = entries(result.stdout);
    expect(shown).toHaveLength(6);
    const passwords = shown.filter((e) => e.includes('[generic-password'));
    expect(passwords).toHaveLength(5);
    for (const entry of passwords) expect(entry).toContain('fix: below, under "How to fix" [generic-password]');
    const remedy = 'Change the password on the system it belongs to';
    expect(result.stdout.split(remedy)).toHaveLength(2);
    expect(result.stdout).toMatch(/How to fix, once per rule:\n {2}\[generic-password\] 5 secrets:\n {4}Change the password/);
    // A rule with one secret keeps its fix in its entry.
    expect(shown.find((e) => e.includes('[aws-access-key-id'))).toContain('fix: The key ID alone');
  });
});
