import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir, writeTree } from '../helpers/tmp.js';
import { base62, githubToken } from '../helpers/tokens.js';

const key = (): string => `API_KEY=${base62(32)}\n`;
const json = (args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) => {
  const result = runCli([...args, '--format', 'json'], options);
  return { ...result, report: result.stdout ? JSON.parse(result.stdout) : undefined };
};
const paths = (findings: { path: string }[]): string[] => findings.map((f) => f.path).sort();

describe('config file discovery', () => {
  it('uses .keyhound.yaml in the scanned folder', () => {
    const dir = tempDir();
    writeTree(dir, { 'src/.env': key(), 'test/fixtures/.env': key(), '.keyhound.yaml': 'allow:\n  paths:\n    - test/fixtures/**\n' });
    const { code, report } = json(['scan', dir]);
    expect(code).toBe(1);
    expect(paths(report.findings)).toEqual(['src/.env']);
    expect(report.stats.skipped['excluded-path']).toBe(1);
  });

  it('uses .keyhound.yml at the repository root when a subfolder is scanned, with globs relative to the config', () => {
    const dir = tempDir();
    spawnSync('git', ['init', '-q', dir]);
    writeTree(dir, { 'app/src/.env': key(), 'app/test/.env': key(), '.keyhound.yml': 'allow:\n  paths: [app/test/**]\n' });
    const { report } = json(['scan', path.join(dir, 'app')]);
    expect(paths(report.findings)).toEqual(['src/.env']);
  });

  it('prefers --config, then KEYHOUND_CONFIG, over a discovered file', () => {
    const dir = tempDir();
    writeTree(dir, {
      'a/.env': key(),
      'b/.env': key(),
      '.keyhound.yaml': 'allow:\n  paths: [a/**]\n',
      'other.yaml': 'allow:\n  paths: [b/**]\n',
      'env.yaml': 'allow:\n  paths: [a/**, b/**]\n',
    });
    expect(paths(json(['scan', dir]).report.findings)).toEqual(['b/.env']);
    expect(paths(json(['scan', dir, '--config', path.join(dir, 'other.yaml')]).report.findings)).toEqual(['a/.env']);
    expect(json(['scan', dir], { env: { KEYHOUND_CONFIG: path.join(dir, 'env.yaml') } }).report.findings).toEqual([]);
    expect(
      paths(json(['scan', dir, '--config', 'other.yaml'], { cwd: dir, env: { KEYHOUND_CONFIG: 'env.yaml' } }).report.findings),
    ).toEqual(['a/.env']);
  });

  it('exits 2 for a --config that does not exist, and for both .keyhound.yaml and .keyhound.yml', () => {
    const dir = tempDir();
    writeTree(dir, { 'a.txt': 'x\n' });
    const missing = runCli(['scan', dir, '--config', path.join(dir, 'nope.yaml')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.yaml');
    writeTree(dir, { '.keyhound.yaml': '{}\n', '.keyhound.yml': '{}\n' });
    const both = runCli(['scan', dir]);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/keep one/);
  });
});

describe('config errors name the file, the line and the key (exit 2)', () => {
  const cases: [string, string, number, RegExp][] = [
    ['unknown top-level key', 'extends: default\nalow:\n  paths: [x]\n', 2, /alow: unknown key/],
    ['wrong type', 'allow:\n  paths:\n    - test/**\n    - 42\n', 4, /allow\.paths\[1\]: must be a glob/],
    ['bad extends', '# comment\n\nextends: everything\n', 3, /extends: must be "default"/],
    ['bad allow regex', 'allow:\n  regexes:\n    - regex: "a("\n      target: secret\n', 3, /regex does not compile/],
    ['bad regex target', 'allow:\n  regexes:\n    - { regex: abc, target: file }\n', 3, /target: must be one of secret, match, line/],
    ['unknown rule id in disable', 'disable:\n  - generic-api-key\n  - no-such-rule\n', 3, /disable: no rule has the id "no-such-rule"/],
    ['unknown rule id in severity', 'severity:\n  nope-rule: low\n', 2, /severity\.nope-rule: no rule has the id/],
    ['bad severity', 'severity:\n  generic-api-key: urgent\n', 2, /must be one of critical, high, medium, low/],
    ['bad size', 'maxFileSize: huge\n', 1, /maxFileSize: must be a size/],
    ['invalid YAML', 'allow:\n  paths: [a\n', 3, /invalid YAML/],
    [
      'inline rule without examples',
      'rules:\n  - id: acme-token\n    title: Acme\n    severity: high\n    confidence: high\n    keywords: [acme_]\n    pattern: "(?<secret>acme_[a-z]{10})"\n    references: [https://example.org]\n    remediation: Revoke it.\n',
      2,
      /acme-token: missing "examples"/,
    ],
  ];
  for (const [name, text, line, message] of cases) {
    it(name, () => {
      const dir = tempDir();
      writeTree(dir, { '.keyhound.yaml': text, 'a.txt': 'hello\n' });
      const result = runCli(['scan', dir]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`.keyhound.yaml:${line}:`);
      expect(result.stderr).toMatch(message);
    });
  }
});

describe('config contents', () => {
  it('allow regexes on secret, match and line, and stop-words, each named with its line under --explain', () => {
    const dir = tempDir();
    const a = `AAA${base62(29)}`;
    writeTree(dir, {
      '.keyhound.yaml': [
        'allow:',
        '  regexes:',
        '    - ^AAA',
        '    - { regex: "KEY=QQ", target: match }',
        '    - { regex: "# fixture$", target: line }',
        '  stopwords:',
        '    - zzfixturezz',
      ].join('\n'),
      'a.env': `API_KEY=${a}\nDEPLOY_KEY=QQ${base62(30)}\nTOKEN=${base62(32)} # fixture\nSECRET=${base62(10)}zzFIXTUREzz${base62(12)}\nOTHER_KEY=R${base62(31)}\n`,
    });
    const { report } = json(['scan', dir, '--explain']);
    expect(report.findings.map((f: { line: number }) => f.line)).toEqual([5]);
    const reasons = Object.fromEntries(report.suppressed.map((s: { line: number; reason: string }) => [s.line, s.reason]));
    expect(reasons[1]).toBe('allow regex /^AAA/ on secret from .keyhound.yaml line 3');
    expect(reasons[2]).toBe('allow regex /KEY=QQ/ on match from .keyhound.yaml line 4');
    expect(reasons[3]).toBe('allow regex /# fixture$/ on line from .keyhound.yaml line 5');
    expect(reasons[4]).toBe('stop-word "zzfixturezz" from .keyhound.yaml line 7');
    expect(JSON.stringify(report)).not.toContain(a);
  });

  it('allowlisted paths are skipped and counted, but scanned and explained under --explain', () => {
    const dir = tempDir();
    writeTree(dir, {
      '.keyhound.yaml': '# test data\nallow:\n  paths:\n    - lib/**\n    - test/**\n',
      'test/x/.env': key(),
      'src/.env': key(),
    });
    const plain = json(['scan', dir]).report;
    expect(plain.stats.skipped['excluded-path']).toBe(1);
    const explained = json(['scan', dir, '--explain']).report;
    expect(explained.findings).toHaveLength(1);
    expect(explained.suppressed).toEqual([
      expect.objectContaining({ path: 'test/x/.env', filter: 'allow', reason: 'allow path test/** from .keyhound.yaml line 5' }),
    ]);
    const text = runCli(['scan', dir, '--explain']).stdout;
    expect(text).toContain('allow path test/** from .keyhound.yaml line 5');
  });

  it('per-rule allow, severity overrides, disable and maxFileSize', () => {
    const dir = tempDir();
    const token = githubToken();
    writeTree(dir, {
      '.keyhound.yaml': [
        'severity:',
        '  github-pat-classic: low',
        'allow:',
        '  rules:',
        '    generic-api-key:',
        '      paths: [docs/**]',
        'maxFileSize: 1KB',
      ].join('\n'),
      'docs/a.env': `${key()}GH=${token}\n`,
      'big.env': `${key()}${'#'.repeat(2000)}\n`,
    });
    const { report } = json(['scan', dir, '--explain']);
    expect(report.findings.map((f: { ruleId: string; severity: string }) => `${f.ruleId} ${f.severity}`)).toEqual([
      'github-pat-classic low',
    ]);
    expect(report.suppressed[0].reason).toBe('allow path docs/** for generic-api-key from .keyhound.yaml line 6');
    expect(report.stats.skipped['too-large']).toBe(1);
    writeTree(dir, { '.keyhound.yaml': 'disable: [github-pat-classic]\nallow:\n  paths: [docs/**]\n' });
    expect(json(['scan', dir]).report.findings).toHaveLength(1);
  });

  it('extends: none drops the built-in rules and the default path allowlist; inline rules and ruleFiles add rules', () => {
    const dir = tempDir();
    const rule = [
      '  - id: acme-token',
      '    provider: Acme',
      '    title: Acme API token',
      '    severity: high',
      '    confidence: high',
      '    keywords: [acme_]',
      "    pattern: '(?<![A-Za-z0-9])(?<secret>acme_[A-Za-z0-9]{30})(?![A-Za-z0-9])'",
      '    references: [https://example.org/acme/tokens]',
      '    remediation: Revoke it.',
      '    examples:',
      "      positive: ['t = acme_{{random:base62:30}}']",
      "      negative: ['t = acme_short']",
    ];
    writeTree(dir, {
      '.keyhound.yaml': ['extends: none', 'rules:', ...rule].join('\n'),
      'a.env': `${key()}T=acme_${base62(30)}\n`,
      'node_modules/x/a.env': `T=acme_${base62(30)}\n`,
    });
    const { report } = json(['scan', dir]);
    expect(report.findings.map((f: { ruleId: string; path: string }) => `${f.ruleId} ${f.path}`).sort()).toEqual([
      'acme-token a.env',
      'acme-token node_modules/x/a.env',
    ]);
    expect(report.findings[0].provider).toBe('Acme');
    writeTree(dir, {
      '.keyhound.yaml': 'ruleFiles: [rules]\n',
      'rules/acme.yaml': ['provider: Acme', 'rules:', ...rule.map((l) => l.replace('    provider: Acme', ''))]
        .filter((l) => l.trim() !== '')
        .join('\n'),
    });
    const withFiles = json(['scan', dir]).report;
    expect(withFiles.findings.map((f: { ruleId: string }) => f.ruleId).sort()).toEqual(['acme-token', 'generic-api-key']);
  });
});

describe('keyhound config print', () => {
  it('prints the fully resolved config, with the default path allowlist and where each value came from', () => {
    const dir = tempDir();
    writeTree(dir, { '.keyhound.yaml': 'allow:\n  paths:\n    - test/**\nmaxFileSize: 2MB\n' });
    const result = runCli(['config', 'print', dir]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/"\*\*\/node_modules\/\*\*" # the default config/);
    expect(result.stdout).toMatch(/"\*\*\/go\.sum" # the default config/);
    expect(result.stdout).toMatch(/test\/\*\* # \.keyhound\.yaml line 3/);
    expect(result.stdout).toMatch(/maxFileSize: 2097152 # \.keyhound\.yaml line 4/);
    const printed = parse(result.stdout);
    expect(printed.extends).toBe('default');
    expect(printed.allow.paths).toContain('**/yarn.lock');
  });

  it('prints YAML that keyhound reads back to the same config', () => {
    const dir = tempDir();
    writeTree(dir, {
      '.keyhound.yaml':
        'allow:\n  paths: [test/**]\n  regexes: [{ regex: "^x", target: line }]\n  stopwords: [fixture]\ndisable: [github-pat-classic]\n',
    });
    const first = runCli(['config', 'print', dir, '--format', 'json']);
    const copy = tempDir();
    writeTree(copy, { '.keyhound.yaml': runCli(['config', 'print', dir]).stdout });
    const second = runCli(['config', 'print', copy, '--format', 'json']);
    const strip = (text: string) => {
      const data = JSON.parse(text);
      delete data.file;
      data.allow.paths = [...new Set(data.allow.paths)];
      return data;
    };
    expect(strip(second.stdout)).toEqual(strip(first.stdout));
  });

  it('without a config file prints the default config', () => {
    const dir = tempDir();
    const result = runCli(['config', 'print', dir, '--format', 'json']);
    const data = JSON.parse(result.stdout);
    expect(data.kind).toBe('default');
    expect(data.maxFileSize).toBe(10 * 1024 * 1024);
    expect(data.allow.paths).toContain('**/vendor/**');
  });
});
