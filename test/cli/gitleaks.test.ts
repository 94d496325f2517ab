import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir, writeTree } from '../helpers/tmp.js';
import { base62, githubToken, hex, randomFrom } from '../helpers/tokens.js';

const lowerAlnum = (n: number): string => randomFrom('abcdefghijklmnopqrstuvwxyz0123456789', n);

/** A gitleaks config as teams write them: (?i) prefixes and groups, secretGroup, POSIX classes, allowlists in both formats. */
const GITLEAKS_TOML = `title = "team rules"

[[rules]]
id = "acme-api-key"
description = "Acme API key"
regex = '''(?i)acme[_-]?api[_-]?key\\s{0,3}[:=]\\s{0,3}['"]?([a-z0-9]{32})['"]?'''
keywords = ["acme"]
entropy = 3.0

[[rules]]
id = "internal-token"
description = "Internal service token"
regex = '''(?i:internal)_TOKEN=(?P<tok>[[:xdigit:]]{24})\\b'''
secretGroup = 1

[[rules]]
id = "ungreedy-rule"
regex = '''(?U)widget_[a-z]+'''

[[rules]]
id = "pem-files"
path = '''\\.pem$'''

[[rules]]
id = "legacy-key"
regex = '''LEGACY-([A-Z0-9]{20})'''
  [[rules.allowlists]]
  regexTarget = "match"
  regexes = ['''LEGACY-TEST''']

[allowlist]
description = "global"
paths = ['''(^|/)fixtures/''']
regexes = ['''(?i)^qqtest''']
stopwords = ["zzignorezz"]

[[allowlists]]
condition = "AND"
targetRules = ["acme-api-key"]
paths = ['''^legacy/''']
regexTarget = "line"
regexes = ['''# known''']
`;

/** The line of a text in GITLEAKS_TOML, so expectations follow edits of the config. */
const at = (text: string): number => GITLEAKS_TOML.split('\n').findIndex((line) => line.includes(text)) + 1;

function scan(dir: string, ...args: string[]) {
  const result = runCli(['scan', dir, '--format', 'json', '-j', '1', '--no-redact', ...args]);
  return { ...result, report: result.stdout ? JSON.parse(result.stdout) : undefined };
}

describe('gitleaks configs', () => {
  it('loads (?i) rules and finds what gitleaks would, with the secret from the capture group', () => {
    const dir = tempDir();
    const acme = lowerAlnum(32);
    const acmeUpper = lowerAlnum(32).toUpperCase();
    const internal = hex(24).toUpperCase();
    const internalLower = hex(24);
    writeTree(dir, {
      '.gitleaks.toml': GITLEAKS_TOML,
      'app.py': [
        `ACME_API_KEY = "${acme}"`,
        `acme-apikey: ${acmeUpper}`,
        `INTERNAL_TOKEN=${internal}`,
        `Internal_TOKEN=${internalLower}`,
        `internal_token=${hex(24)}`,
        `acme_api_key = "${'a'.repeat(32)}"`,
      ].join('\n'),
    });
    const { code, report, stderr } = scan(dir);
    expect(code).toBe(1);
    const found = report.findings.map((f: { ruleId: string; line: number; secret: string }) => [f.ruleId, f.line, f.secret]);
    // Line 5: TOKEN is outside the (?i:...) group, so lower case does not match; line 6: entropy 0 < 3.0.
    expect(found).toEqual([
      ['acme-api-key', 1, acme],
      ['acme-api-key', 2, acmeUpper],
      ['internal-token', 3, internal],
      ['internal-token', 4, internalLower],
    ]);
    expect(report.findings[0].title).toBe('Acme API key');
    // Rules that cannot be translated are reported with the reason and the line; the rest loaded.
    expect(stderr).toContain(`.gitleaks.toml line ${at('id = "ungreedy-rule"') - 1}: rule "ungreedy-rule" not loaded: the ungreedy flag`);
    expect(stderr).toContain(`.gitleaks.toml line ${at('id = "pem-files"') - 1}: rule "pem-files" not loaded: it matches file paths only`);
    // Without [extend] useDefault, only the config's rules run (as in gitleaks).
    writeTree(dir, { 'gh.js': `t = "${githubToken()}"\n` });
    expect(scan(dir).report.findings.some((f: { path: string }) => f.path === 'gh.js')).toBe(false);
  });

  it('applies [allowlist] and [[allowlists]] (paths, regexes, stop-words, AND conditions, rule allowlists), named under --explain', () => {
    const dir = tempDir();
    const key = (): string => `acme_api_key="${lowerAlnum(32)}"`;
    writeTree(dir, {
      '.gitleaks.toml': GITLEAKS_TOML,
      'fixtures/a.txt': `${key()}\n`,
      'legacy/known.txt': `${key()} # known\n${key()}\n`,
      'src/b.txt': `acme_api_key="QQTest${lowerAlnum(26)}"\nacme_api_key="${lowerAlnum(10)}zzignorezz${lowerAlnum(12)}"\nx = LEGACY-TEST${base62(16).toUpperCase()}\ny = LEGACY-${base62(20).toUpperCase()}\n`,
    });
    const plain = scan(dir);
    expect(plain.report.findings.map((f: { path: string; line: number }) => `${f.path}:${f.line}`)).toEqual([
      'legacy/known.txt:2',
      'src/b.txt:4',
    ]);
    expect(plain.report.stats.skipped['excluded-path']).toBe(1);
    const explained = scan(dir, '--explain').report.suppressed.map(
      (s: { path: string; line: number; reason: string }) => `${s.path}:${s.line} ${s.reason}`,
    );
    const global = at('[allowlist]');
    expect(explained).toEqual([
      `fixtures/a.txt:1 allow path /(^|\\/)fixtures\\// from .gitleaks.toml line ${global}`,
      `legacy/known.txt:1 allow path /^legacy\\// and regex /# known/ on line for acme-api-key from .gitleaks.toml line ${at('[[allowlists]]')}`,
      // (?i) in a flagless allowlist regex is spelled out.
      `src/b.txt:1 allow regex /^[Qq][Qq][Tt][Ee][Ss][Tt]/ on secret from .gitleaks.toml line ${global}`,
      `src/b.txt:2 stop-word "zzignorezz" from .gitleaks.toml line ${global}`,
      `src/b.txt:3 allow regex /LEGACY-TEST/ on match for legacy-key from .gitleaks.toml line ${at('[[rules.allowlists]]')}`,
    ]);
  });

  it('[extend] useDefault adds the built-in rules and default path allowlist; a rule with only allowlists tunes the built-in rule', () => {
    const dir = tempDir();
    writeTree(dir, {
      '.gitleaks.toml': [
        '[extend]',
        'useDefault = true',
        'disabledRules = ["github-oauth-token"]',
        '',
        '[[rules]]',
        'id = "generic-api-key"',
        '  [[rules.allowlists]]',
        "  paths = ['''^docs/''']",
      ].join('\n'),
      'src/app.js': `const t = "${githubToken()}";\nconst o = "${githubToken('gho_')}";\n`,
      'docs/setup.env': `API_KEY=${base62(32)}\n`,
      'src/.env': `API_KEY=${base62(32)}\n`,
      'node_modules/x/.env': `API_KEY=${base62(32)}\n`,
    });
    const { report } = scan(dir);
    expect(report.findings.map((f: { ruleId: string; path: string }) => `${f.ruleId} ${f.path}`).sort()).toEqual([
      'generic-api-key src/.env',
      'github-pat-classic src/app.js',
    ]);
  });

  it('a .keyhound.yaml wins over a .gitleaks.toml; --config loads a TOML anywhere', () => {
    const dir = tempDir();
    writeTree(dir, {
      '.gitleaks.toml': GITLEAKS_TOML,
      '.keyhound.yaml': 'extends: default\n',
      'a.txt': `acme_api_key="${lowerAlnum(32)}"\n`,
      'conf/team.toml': GITLEAKS_TOML,
    });
    expect(scan(dir).report.findings.filter((f: { ruleId: string }) => f.ruleId === 'acme-api-key')).toEqual([]);
    expect(scan(dir, '--config', path.join(dir, 'conf/team.toml')).report.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual([
      'acme-api-key',
    ]);
  });

  it('honours .gitleaksignore fingerprints that name a loaded rule, and says which it could not map', () => {
    const dir = tempDir();
    writeTree(dir, {
      '.gitleaks.toml': GITLEAKS_TOML,
      'src/a.txt': `acme_api_key="${lowerAlnum(32)}"\n\nacme_api_key="${lowerAlnum(32)}"\n`,
      '.gitleaksignore': `# accepted\nsrc/a.txt:acme-api-key:3\n0123456789abcdef0123456789abcdef01234567:src/a.txt:aws-access-token:9\nnot a fingerprint\n`,
    });
    const { report, stderr } = scan(dir, '--explain');
    expect(report.findings.map((f: { line: number }) => f.line)).toEqual([1]);
    expect(report.suppressed.map((s: { reason: string }) => s.reason)).toEqual([
      'fingerprint src/a.txt:acme-api-key:3 in .gitleaksignore line 2',
    ]);
    expect(stderr).toMatch(/\.gitleaksignore: 1 fingerprint names rules keyhound does not have \(aws-access-token\)/);
    expect(stderr).toMatch(/\.gitleaksignore: line 4 is not a gitleaks fingerprint/);
  });

  it('exits 2 naming the line of invalid TOML', () => {
    const dir = tempDir();
    writeTree(dir, { '.gitleaks.toml': '[[rules]]\nid = "x"\nregex = \n', 'a.txt': 'x\n' });
    const result = runCli(['scan', dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/\.gitleaks\.toml:3: invalid TOML/);
  });

  it('config print shows the translated rules and the gitleaks allowlists', () => {
    const dir = tempDir();
    writeTree(dir, { '.gitleaks.toml': GITLEAKS_TOML });
    const result = runCli(['config', 'print', dir]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('(scanned folder; gitleaks)');
    expect(result.stdout).toContain('extends: none');
    expect(result.stdout).toMatch(/- id: acme-api-key/);
    expect(result.stdout).toContain(`.gitleaks.toml line ${at('[[allowlists]]')}: all of: rules acme-api-key; paths`);
    expect(result.stdout).toMatch(/rule "ungreedy-rule" not loaded/);
  });
});
