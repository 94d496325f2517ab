import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir, writeTree } from '../helpers/tmp.js';
import { githubToken } from '../helpers/tokens.js';

/** A rule in the rules/*.yaml format; `fields` replaces or adds lines. */
function ruleYaml(id: string, fields: Record<string, string> = {}): string {
  const base: Record<string, string> = {
    title: `Acme ${id}`,
    severity: 'high',
    confidence: 'high',
    keywords: '[acme_]',
    pattern: "'(?<secret>acme_[a-z0-9]{12})'",
    references: '[https://example.org/acme]',
    remediation: 'Revoke it in the Acme console.',
    examples: "\n      positive: ['k = acme_q8j3k9d8f7x2']\n      negative: ['k = acme_short']",
    ...fields,
  };
  return `  - id: ${id}\n${Object.entries(base)
    .map(([key, value]) => `    ${key}: ${value}`)
    .join('\n')}\n`;
}

/** Runs a scan that must fail on its configuration: exit 2, and no report written anywhere. */
function expectRefused(dir: string, args: string[], expected: RegExp[]): string {
  const output = path.join(dir, 'report.json');
  writeFileSync(output, 'previous report\n');
  const run = runCli(['scan', dir, '--format', 'json', '--output', output, ...args], { cwd: dir });
  expect(run.code, run.stderr).toBe(2);
  expect(run.stdout).toBe('');
  for (const pattern of expected) expect(run.stderr).toMatch(pattern);
  // Atomic output: the old report is untouched and no temp file is left beside it.
  expect(readFileSync(output, 'utf8')).toBe('previous report\n');
  expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  return run.stderr;
}

describe('bad configuration and rules: exit 2 with file, line and fix, nothing written', () => {
  it('malformed YAML and TOML config files', () => {
    const dir = tempDir();
    writeTree(dir, { 'a.txt': 'x\n', '.keyhound.yaml': 'extends: default\nallow:\n  paths: [a\n  regexes: x\n' });
    expectRefused(dir, [], [/\.keyhound\.yaml:4: invalid YAML: /]);
    writeTree(dir, { 'gitleaks.toml': '[[rules]]\nid = "x"\nregex = """abc"""\n[allowlist\n' });
    expectRefused(dir, ['--config', 'gitleaks.toml'], [/gitleaks\.toml:4: invalid TOML: /]);
  });

  it('rules whose regex does not compile, or has no secret group, or could backtrack; all shown at once', () => {
    const dir = tempDir();
    writeTree(dir, {
      'a.txt': 'x\n',
      'rules/acme.yaml': `provider: Acme\nrules:\n${ruleYaml('acme-open', { pattern: "'(?<secret>acme_[a-z]{12}'" })}${ruleYaml('acme-nogroup', { pattern: "'acme_[a-z0-9]{12}'" })}${ruleYaml('acme-slow', { pattern: "'(?<secret>acme_\\w+)'" })}`,
    });
    const stderr = expectRefused(
      dir,
      ['--rules', 'rules'],
      [
        /acme\.yaml:3: acme-open: pattern does not compile: .*Unterminated group .*single-quote patterns/,
        /acme\.yaml:14: acme-nogroup: pattern has no named group "secret": wrap the secret part in \(\?<secret>\.\.\.\)/,
        /acme\.yaml:25: acme-slow: error: pattern unbounded repetition "\\w\+": bound it \(e\.g\. \{0,64\}\)/,
      ],
    );
    expect(stderr).toMatch(/^keyhound: 3 problems in rule files:/m);
  });

  it('a rule inside .keyhound.yaml whose regex does not compile', () => {
    const dir = tempDir();
    writeTree(dir, { 'a.txt': 'x\n', '.keyhound.yaml': `rules:\n${ruleYaml('acme-inline', { pattern: "'(?<secret>acme_[a-z'" })}` });
    expectRefused(dir, [], [/\.keyhound\.yaml:2: rules: acme-inline: pattern does not compile/]);
  });

  it("globs that can never match, in allow.paths and in a rule's paths", () => {
    const dir = tempDir();
    writeTree(dir, {
      'a.txt': 'x\n',
      '.keyhound.yaml':
        'allow:\n  paths:\n    - ./build/**\n    - dist/\n    - "#notes"\n    - src\\secrets\\*.txt\n    - ok/**\n    - "!keep/**"\n  rules:\n    generic-api-key:\n      paths: [../elsewhere/**]\n',
    });
    expectRefused(
      dir,
      [],
      [
        /\.keyhound\.yaml:3: allow\.paths\[0\]: "\.\/build\/\*\*" starts with \.\/, which never matches: .*\(write build\/\*\*\)/,
        /\.keyhound\.yaml:4: allow\.paths\[1\]: "dist\/" ends with \/, so it matches no file \(write dist\/\*\* for everything under the folder\)/,
        /\.keyhound\.yaml:5: allow\.paths\[2\]: "#notes" starts with #, which minimatch reads as a comment/,
        /\.keyhound\.yaml:6: allow\.paths\[3\]: "src\\secrets\\\*\.txt" uses \\ between folders.*\(write src\/secrets\/\*\.txt\)/,
        /\.keyhound\.yaml:8: allow\.paths\[5\]: "!keep\/\*\*" is negated: it would allow every other path/,
        /\.keyhound\.yaml:11: allow\.rules\.generic-api-key\.paths\[0\]: "\.\.\/elsewhere\/\*\*" starts with \.\.\//,
      ],
    );

    const rules = tempDir();
    writeTree(rules, {
      'a.txt': 'x\n',
      'acme.yaml': `provider: Acme\nrules:\n${ruleYaml('acme-paths', { paths: "['config/', 'C:\\deploy\\*.env']" })}`,
    });
    expectRefused(
      rules,
      ['--rules', 'acme.yaml'],
      [
        /acme\.yaml:3: acme-paths: paths: "config\/" ends with \//,
        /acme\.yaml:3: acme-paths: paths: "C:\\deploy\\\*\.env" is a Windows absolute path/,
      ],
    );
  });

  it('gitleaks rules and allowlists whose regex is not valid RE2 (gitleaks refuses them too); untranslatable ones stay notices', () => {
    const dir = tempDir();
    writeTree(dir, {
      'a.txt': 'x\n',
      'gitleaks.toml': [
        '[[rules]]',
        'id = "open-group"',
        "regex = '''key=(abc'''",
        'keywords = ["key"]',
        '',
        '[[rules]]',
        'id = "backref"',
        "regex = '''(a)\\1'''",
        'keywords = ["aaa"]',
        '',
        '[[rules]]',
        'id = "ungreedy"',
        "regex = '''(?U)tok_[a-z]{10,}'''",
        'keywords = ["tok_"]',
        '',
        '[allowlist]',
        "paths = ['''[unclosed''']",
        '',
      ].join('\n'),
    });
    const stderr = expectRefused(
      dir,
      ['--config', 'gitleaks.toml'],
      [
        /gitleaks\.toml:1: rule open-group: regex does not compile: unbalanced \( .*fix it \(gitleaks would refuse it too\)/,
        /gitleaks\.toml:6: rule backref: regex does not compile: backreferences are not RE2 syntax/,
        /gitleaks\.toml:16: allowlist path regex "\[unclosed": does not compile: unterminated character class/,
      ],
    );
    expect(stderr).not.toMatch(/ungreedy/);
    // Valid RE2 that JavaScript cannot express: a notice, and the scan runs.
    writeFileSync(
      path.join(dir, 'gitleaks.toml'),
      "[[rules]]\nid = \"ungreedy\"\nregex = '''(?U)tok_[a-z]{10,}'''\nkeywords = [\"tok_\"]\n",
    );
    const run = runCli(['scan', dir, '--config', 'gitleaks.toml'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/gitleaks\.toml line 1: rule "ungreedy" not loaded: the ungreedy flag \(\?U\) has no JavaScript equivalent/);
  });

  it('leaves an existing baseline untouched when baseline create fails on bad config', () => {
    const dir = tempDir();
    writeTree(dir, { 'a.txt': `t = "${githubToken()}"\n`, '.keyhound.yaml': 'allow:\n  paths: [dist/]\n' });
    const baseline = path.join(dir, '.keyhound-baseline.jsonl');
    writeFileSync(baseline, 'old baseline\n');
    const run = runCli(['baseline', 'create', dir, '--baseline', baseline], { cwd: dir });
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/\.keyhound\.yaml:2: allow\.paths\[0\]: "dist\/" ends with \//);
    expect(readFileSync(baseline, 'utf8')).toBe('old baseline\n');
    expect(existsSync(path.join(dir, '.gitattributes'))).toBe(false);
  });
});
