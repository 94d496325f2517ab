import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir, writeTree } from '../helpers/tmp.js';

function ruleFile(dir: string, pattern: string, positive = 'acme_q8Jv3mX1ab9ZkL2pQ7rT'): string {
  writeTree(dir, {
    'acme.yaml': [
      'provider: Acme',
      'rules:',
      '  - id: acme-token',
      '    title: Acme token',
      '    severity: high',
      '    confidence: high',
      '    keywords: [acme_]',
      `    pattern: '${pattern}'`,
      '    references: [https://example.org/acme]',
      '    remediation: Revoke it in the Acme console.',
      `    examples: { positive: ['${positive}'], negative: ['acme_'] }`,
    ].join('\n'),
  });
  return path.join(dir, 'acme.yaml');
}

describe('keyhound rules (real process)', () => {
  it('lists the built-in rules as text and JSON', () => {
    const text = runCli(['rules', 'list']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^github-pat-classic\s+critical/m);
    const rows = JSON.parse(runCli(['rules', 'list', '--format', 'json']).stdout) as {
      id: string;
      provider: string;
      confidence: string;
      keywords: string[];
    }[];
    expect(rows.length).toBeGreaterThanOrEqual(300);
    expect(rows.find((r) => r.id === 'generic-api-key')).toMatchObject({ provider: 'Generic', confidence: 'low' });
  });

  it("tests a rule file's examples and reports the failures", () => {
    const dir = tempDir();
    const good = runCli(['rules', 'test', ruleFile(dir, '(?<secret>acme_[A-Za-z0-9]{20})')]);
    expect(good.stdout).toContain('1 rules, 2 examples, 0 failures');
    expect(good.code).toBe(0);
    const bad = runCli(['rules', 'test', ruleFile(dir, '(?<secret>acme_[A-Za-z0-9]{30})')]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/FAIL .*acme-token: positive example 1: the pattern does not match/);
  });

  it('lints patterns, and a scan refuses a custom rule that could backtrack catastrophically', () => {
    const dir = tempDir();
    const file = ruleFile(dir, 'acme_(?<secret>(?:\\w+)+)');
    const lint = runCli(['rules', 'lint', file]);
    expect(lint.code).toBe(1);
    expect(lint.stdout).toMatch(/acme-token: error: pattern unbounded repetition/);
    const scan = runCli(['scan', dir, '--rules', file]);
    expect(scan.code).toBe(2);
    expect(scan.stderr).toMatch(/acme\.yaml:3: acme-token: error: pattern unbounded repetition/);
    expect(runCli(['rules', 'lint']).code).toBe(0);
  });

  it('refuses nested variable repetition with small bounds, which hangs on a 44-byte file', () => {
    const dir = tempDir();
    // The inner repetition's end is ambiguous: 44 letters split between the outer's iterations in ~2^44 ways.
    const file = ruleFile(dir, 'acme_(?<secret>(?:[a-z]{1,30}){1,30}!)', 'acme_abcdefgh!');
    writeTree(dir, { 'data.txt': `acme_${'abcdefghij'.repeat(4)}\n` });
    const lint = runCli(['rules', 'lint', file]);
    expect(lint.code).toBe(1);
    expect(lint.stdout).toMatch(/acme-token: error: pattern nested repetition "\[a-z\]\{1,30\}" inside "\(\?:\[a-z\]\{1,30\}\)\{1,30\}"/);
    const scan = runCli(['scan', path.join(dir, 'data.txt'), '--rules', file]);
    expect(scan.code).toBe(2);
    expect(scan.stderr).toMatch(/acme\.yaml:3: acme-token: error: pattern nested repetition/);
  });
});
