import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir, writeTree } from '../helpers/tmp.js';
import { base62, githubToken } from '../helpers/tokens.js';

/** A custom rule file, as users write them, for a made-up token format. */
function customRules(dir: string): string {
  writeTree(dir, {
    'rules/acme.yaml': [
      'provider: Acme',
      'rules:',
      '  - id: acme-token',
      '    title: Acme API token',
      '    severity: high',
      '    confidence: high',
      '    keywords: [acme_]',
      "    pattern: '(?<![A-Za-z0-9])(?<secret>acme_[A-Za-z0-9]{30})(?![A-Za-z0-9])'",
      '    entropy: 3',
      '    references: [https://example.org/acme/tokens]',
      '    remediation: Revoke it at https://example.org/acme/settings/tokens and issue a new one.',
      '    examples:',
      "      positive: ['t = acme_{{random:base62:30}}']",
      "      negative: ['t = acme_short']",
    ].join('\n'),
  });
  return path.join(dir, 'rules/acme.yaml');
}

describe('keyhound scan (real process)', () => {
  it('exits 0 and says so when nothing is found', () => {
    const dir = tempDir();
    writeTree(dir, { 'a.js': 'const x = 1;\n' });
    const result = runCli(['scan', dir]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/No secrets found in 1 file/);
  });

  it('exits 1 with a readable, redacted, colourless report when a secret is found', () => {
    const dir = tempDir();
    const secret = base62(32);
    writeTree(dir, { 'config/.env': `DEBUG=1\nAPI_KEY=${secret}\n` });
    const result = runCli(['scan', dir]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('config/.env:2:9');
    expect(result.stdout).toContain('generic-api-key');
    expect(result.stdout).toContain('fix:');
    expect(result.stdout).not.toContain(secret);
    expect(result.stdout).not.toContain('\u001b[');
  });

  it('colours only when forced or on a terminal, and never with NO_COLOR', () => {
    const dir = tempDir();
    writeTree(dir, { '.env': `API_KEY=${base62(32)}\n` });
    expect(runCli(['scan', dir], { env: { FORCE_COLOR: '1' } }).stdout).toContain('\u001b[');
    expect(runCli(['scan', dir], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toContain('\u001b[');
  });

  it('writes JSON with stats, and shows the secret whole only with --no-redact', () => {
    const dir = tempDir();
    const secret = base62(32);
    writeTree(dir, { 'a.yml': `client_secret: ${secret}\n`, 'b.png': 'x' });
    const redacted = JSON.parse(runCli(['scan', dir, '--format', 'json']).stdout);
    expect(redacted.findings).toHaveLength(1);
    expect(redacted.findings[0]).toMatchObject({ ruleId: 'generic-api-key', path: 'a.yml', line: 1, column: 16, endColumn: 48 });
    expect(JSON.stringify(redacted)).not.toContain(secret);
    expect(redacted.stats).toMatchObject({ files: 1, skipped: { 'excluded-path': 1 } });
    expect(redacted.tool.name).toBe('keyhound');
    const whole = JSON.parse(runCli(['scan', dir, '--format', 'json', '--no-redact']).stdout);
    expect(whole.findings[0].secret).toBe(secret);
  });

  it('writes --output atomically and prints a summary to stderr', () => {
    const dir = tempDir();
    writeTree(dir, { 'src/.env': `TOKEN=${base62(40)}\n` });
    const out = path.join(dir, 'report.json');
    const result = runCli(['scan', path.join(dir, 'src'), '--format', 'json', '--output', out]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/1 secret found in 1 files; report written to/);
    expect(JSON.parse(readFileSync(out, 'utf8')).findings).toHaveLength(1);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('reads standard input for "-"', () => {
    const result = runCli(['scan', '-', '--format', 'json'], { input: `password = "${base62(20)}"\n` });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).findings[0].path).toBe('-');
  });

  it('honours --exit-code and --disable', () => {
    const dir = tempDir();
    writeTree(dir, { '.env': `API_KEY=${base62(32)}\n` });
    expect(runCli(['scan', dir, '--exit-code', '3']).code).toBe(3);
    expect(runCli(['scan', dir, '--disable', 'generic-api-key,generic-password']).code).toBe(0);
  });

  it('skips files over --max-file-size, counts them, and calls the run incomplete when one is text (exit 3)', () => {
    const dir = tempDir();
    writeTree(dir, { '.env': `API_KEY=${base62(32)}\n${'#'.repeat(2000)}\n` });
    const result = runCli(['scan', dir, '--max-file-size', '1KB', '--format', 'json']);
    expect(result.code).toBe(3);
    const report = JSON.parse(result.stdout);
    expect(report.stats.skipped).toEqual({ 'too-large': 1 });
    expect(report.stats.complete).toBe(false);
    expect(report.stats.incomplete).toEqual({ count: 1, reasons: { 'too-large': 1 }, examples: [{ path: '.env', reason: 'too-large' }] });
    expect(runCli(['scan', dir, '--max-file-size', '1KB', '--allow-incomplete']).code).toBe(0);
    // A binary over the limit is left out on purpose: the run is complete.
    const binary = tempDir();
    writeTree(binary, { 'model.bin': Buffer.concat([Buffer.from([0, 1, 2, 0, 0, 0, 9]), Buffer.alloc(4000)]) });
    const left = runCli(['scan', binary, '--max-file-size', '1KB', '--format', 'json']);
    expect(left.code).toBe(0);
    expect(JSON.parse(left.stdout).stats).toMatchObject({ complete: true, skipped: { 'too-large-binary': 1 } });
  });

  it('loads custom rule files with --rules and checks their examples', () => {
    const dir = tempDir();
    const rules = customRules(dir);
    const token = `acme_${base62(30)}`;
    writeTree(dir, { 'app/main.py': `ACME = "${token}"\n` });
    const result = runCli(['scan', path.join(dir, 'app'), '--rules', rules, '--format', 'json']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['acme-token']);
  });

  it('exits 2 naming the file, line, rule and problem for a broken rule file, and for unknown rule ids', () => {
    const dir = tempDir();
    writeTree(dir, {
      'bad.yaml': [
        'provider: Bad',
        'rules:',
        '  - id: bad-one',
        '    title: Bad',
        '    severity: high',
        '    confidence: high',
        '    keywords: [bad]',
        "    pattern: 'bad(?<secret>[a-z]{4,8}'",
        '    references: [https://example.org]',
        '    remediation: none',
        '    examples: { positive: [badabcd], negative: [x] }',
        '  - id: bad-two',
        '    title: Bad two',
        '    severity: high',
        '    confidence: high',
        '    keywords: [bad]',
        "    pattern: 'bad[a-z]{4,8}'",
        '    references: [https://example.org]',
        '    remediation: none',
        '    examples: { positive: [badabcd], negative: [x] }',
      ].join('\n'),
    });
    const result = runCli(['scan', dir, '--rules', path.join(dir, 'bad.yaml')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/bad\.yaml:3: bad-one: pattern does not compile/);
    expect(result.stderr).toMatch(/bad\.yaml:12: bad-two: pattern has no named group "secret"/);
    const unknown = runCli(['scan', dir, '--disable', 'no-such-rule']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no-such-rule');
  });

  it('exits 2 on bad usage and on a missing path', () => {
    expect(runCli(['scan', '--no-such-flag']).code).toBe(2);
    expect(runCli(['scan', '/no/such/path']).stderr).toContain('no such file or folder');
    expect(runCli(['scan', '/no/such/path']).code).toBe(2);
    expect(runCli([]).code).toBe(2);
  });

  it('refuses a --threads that is not a whole number from 1, where it used to scan nothing and pass', () => {
    const repo = tempDir();
    for (const [command, value] of [
      ['scan', '0'],
      ['scan', 'many'],
      ['git', 'abc'],
      ['git', '1.5'],
      ['staged', '-1'],
    ] as const) {
      const result = runCli([command, repo, '--threads', value]);
      expect(result.code, `${command} --threads ${value}`).toBe(2);
      expect(result.stderr).toContain('--threads: give a whole number of threads from 1');
    }
  });

  it('refuses an --exit-code a process cannot return, where findings used to crash it', () => {
    const root = tempDir();
    writeFileSync(path.join(root, 'app.env'), `GITHUB_TOKEN=${githubToken()}\n`);
    for (const value of ['abc', '256', '-1', '1.5']) {
      const result = runCli(['scan', root, '--exit-code', value]);
      expect(result.code, value).toBe(2);
      expect(result.stderr).toContain('--exit-code: give a whole number from 0 to 255');
      expect(result.stderr).not.toContain('RangeError');
    }
    expect(runCli(['scan', root, '--exit-code', '0']).code).toBe(0);
    expect(runCli(['scan', root, '--exit-code', '7']).code).toBe(7);
  });

  it('prints help and the version', () => {
    expect(runCli(['--help']).stdout).toContain('keyhound scan');
    expect(runCli(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    expect(existsSync(path.join(tempDir(), 'x'))).toBe(false);
  });
});

describe('minified bundles', () => {
  it('are left out of the generic rules and counted, while a real token built into one is still found', () => {
    const dir = tempDir();
    const token = githubToken();
    let bundle = '';
    for (let i = 0; i < 400; i++) bundle += `var a${i}=function(b){return b+${i}};`;
    // Key-like identifiers the generic rules would take for secrets, and one real token.
    bundle += `var apiKey="${base62(32)}";var gh="${token}";`;
    writeTree(dir, { 'dist/app.js': bundle });
    const run = runCli(['scan', dir, '--format', 'json']);
    expect(run.code, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['github-pat-classic']);
    expect(report.stats.skipped).toEqual({ minified: 1 });
    expect(report.stats.complete).toBe(true);
  });
});
