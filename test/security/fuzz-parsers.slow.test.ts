import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readBaseline } from '../../src/config/baseline.js';
import { loadGitleaksConfig } from '../../src/config/gitleaks.js';
import { parseConfigFile } from '../../src/config/parse.js';
import { Re2Error, translateRe2 } from '../../src/config/re2.js';
import { KeyhoundError } from '../../src/core/errors.js';
import { parseRuleFile } from '../../src/rules/parse.js';
import { validateRule } from '../../src/rules/validate.js';
import { PatchParser, COMMIT_FORMAT, type PatchedCommit } from '../../src/sources/git/patch.js';
import { parsePatch } from '../../src/sources/github/patch.js';
import { runCli } from '../helpers/cli.js';
import { commit, git, initRepo } from '../helpers/github-repos.js';
import { tempDir } from '../helpers/tmp.js';

/**
 * The parsers we own, fed random and mutated input for a bounded number of
 * runs: they return a result or one of our typed errors (file, line, what to
 * do), never another exception, and never hang (each property has the test's
 * time limit). Mutations start from valid input so they reach deep states.
 */

/** Bytes and text that parsers give meaning to, for insertions. */
const SPECIAL = [
  '\n',
  '\r\n',
  '\r',
  '\0',
  '\u0001',
  '"',
  "'",
  '"""',
  "'''",
  '[',
  ']',
  '[[',
  '{',
  '}',
  ':',
  '=',
  '-',
  '- ',
  '#',
  '\\',
  '@@',
  '@@ -1 +1 @@',
  'diff --git ',
  'index ',
  '+',
  ' ',
  '\t',
  '\ufeff',
  '\ud800',
  '&a',
  '*a',
  '!!binary',
  '---',
  '...',
  '%YAML 1.2',
];

type Op = { kind: 'insert' | 'delete' | 'replace' | 'duplicate' | 'truncate'; at: number; length: number; text: string };

const op: fc.Arbitrary<Op> = fc.record({
  kind: fc.constantFrom('insert', 'delete', 'replace', 'duplicate', 'truncate'),
  at: fc.nat(),
  length: fc.integer({ min: 1, max: 40 }),
  text: fc.oneof(fc.constantFrom(...SPECIAL), fc.string({ unit: 'binary', maxLength: 12 })),
});

/** Applies edits to a valid input; positions wrap around its length. */
function mutate(base: string, ops: readonly Op[]): string {
  let text = base;
  for (const { kind, at, length, text: piece } of ops) {
    const i = text.length === 0 ? 0 : at % (text.length + 1);
    if (kind === 'insert') text = text.slice(0, i) + piece + text.slice(i);
    else if (kind === 'delete') text = text.slice(0, i) + text.slice(i + length);
    else if (kind === 'replace') text = text.slice(0, i) + piece + text.slice(i + piece.length);
    else if (kind === 'duplicate') text = text.slice(0, i + length) + text.slice(i, i + length) + text.slice(i + length);
    else text = text.slice(0, i);
  }
  return text;
}

const mutations = (base: string) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.array(op, { minLength: 1, maxLength: 8 }).map((ops) => mutate(base, ops)) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
  );

/** Runs `fn`; an exception other than our typed errors fails the property. */
function onlyOurErrors(fn: () => unknown, allowed: readonly (abstract new (...args: never[]) => Error)[] = [KeyhoundError]): void {
  try {
    fn();
  } catch (error) {
    if (!allowed.some((type) => error instanceof type)) throw error;
    expect((error as Error).message.length).toBeGreaterThan(0);
  }
}

const GITLEAKS = `title = "custom"

[extend]
useDefault = true
disabledRules = ["generic-api-key"]

[[rules]]
id = "acme-token"
description = "Acme token"
regex = '''(?i)acme[_-]?token\\s*[:=]\\s*["']?([a-z0-9]{32})["']?'''
secretGroup = 1
entropy = 3.5
keywords = ["acme"]
tags = ["acme"]

  [[rules.allowlists]]
  regexTarget = "line"
  regexes = ['''EXAMPLE''', '''(?i)dummy''']
  paths = ['''^test/''']

[[rules]]
id = "path-only"
path = '''\\.pem$'''

[allowlist]
description = "global"
paths = ['''(^|/)vendor/''', '''\\.lock$''']
stopwords = ["placeholder"]
commits = ["0123456789abcdef0123456789abcdef01234567"]
`;

const KEYHOUND_CONFIG = `$schema: ./schema/keyhound.schema.json
extends: default
disable: [generic-password]
maxFileSize: 5MB
severity:
  github-pat-classic: high
allow:
  paths:
    - test/fixtures/**
    - "**/*.snap"
  regexes:
    - EXAMPLE_[A-Z]{4}
    - { regex: "dummy", target: line }
  stopwords: [placeholder]
  rules:
    aws-access-key-id:
      paths: [docs/**]
rules:
  - id: acme-token
    provider: Acme
    title: Acme token
    severity: high
    confidence: high
    keywords: [acme_]
    pattern: '(?<secret>acme_[a-z0-9]{32})'
    references: [https://example.org/acme]
    remediation: Revoke it.
    examples:
      positive: ['t = acme_{{random:alnum:32}}']
      negative: ['t = acme_short']
baseline: .keyhound-baseline.jsonl
`;

const RULE_FILE = `provider: Acme
rules:
  - id: acme-token
    title: Acme token
    severity: high
    confidence: high
    keywords: [acme_]
    pattern: '(?<![A-Za-z0-9])(?<secret>acme_[a-z0-9]{32})(?![a-z0-9])'
    flags: i
    entropy: 3
    allow: ['EXAMPLE', { regex: 'dummy', target: line }]
    paths: ['**/*.env']
    near:
      - pattern: 'acme\\.example'
        lines: 3
        required: false
    references: [https://example.org/acme]
    remediation: Revoke it.
    examples:
      positive: ['t = acme_{{random:alnum:32}}', { text: 'x acme_{{random:alnum:32}}', secret: '{{same}}' }]
      negative: ['t = acme_short']
`;

describe('fuzzing the config and rule parsers', () => {
  it('gitleaks TOML configs: loaded, or a ConfigError', () => {
    const dir = tempDir();
    const file = path.join(dir, '.gitleaks.toml');
    let loaded = 0;
    fc.assert(
      fc.property(mutations(GITLEAKS), (text) => {
        writeFileSync(file, text);
        onlyOurErrors(() => {
          const config = loadGitleaksConfig(file);
          loaded++;
          // What loaded is usable: every translated rule compiles.
          for (const rule of config.rules) expect(() => new RegExp(rule.pattern, `${rule.flags ?? ''}gd`)).not.toThrow();
        });
      }),
      { numRuns: 400 },
    );
    // Enough mutants stay valid to reach the loader's later stages: about 30 in 400
    // (18-41 over 60 seeds), so the bound sits well below the low tail.
    expect(loaded).toBeGreaterThan(5);
  });

  it('RE2 to JavaScript translation: a JavaScript regex, or an Re2Error', () => {
    const re2ish = fc
      .array(
        fc.oneof(
          fc.constantFrom(
            '(',
            ')',
            '(?i)',
            '(?s)',
            '(?:',
            '(?P<n>',
            '[',
            ']',
            '[^',
            '[[:alpha:]]',
            '\\',
            '\\d',
            '\\pL',
            '\\p{Greek}',
            '\\x{41}',
            '\\Q',
            '\\E',
            '\\z',
            '\\A',
            '*',
            '+',
            '?',
            '{2,3}',
            '{,',
            '|',
            '^',
            '$',
            '.',
            '-',
            'a',
            '9',
          ),
          fc.string({ maxLength: 3 }),
        ),
        { maxLength: 20 },
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(re2ish, fc.integer({ min: 0, max: 3 }), (pattern, group) => {
        try {
          const out = translateRe2(pattern, group ? { secretGroup: group } : {});
          expect(() => new RegExp(out.source, `${out.flags}d`)).not.toThrow();
        } catch (error) {
          if (!(error instanceof Re2Error)) throw error;
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('.keyhound.yaml: parsed, or a ConfigError listing file and line', () => {
    let parsed = 0;
    fc.assert(
      fc.property(mutations(KEYHOUND_CONFIG), (text) => {
        onlyOurErrors(() => {
          parseConfigFile(text, '/repo/.keyhound.yaml');
          parsed++;
        });
      }),
      { numRuns: 400 },
    );
    // About 43 in 400 stay valid (23-55 over 60 seeds).
    expect(parsed).toBeGreaterThan(5);
  });

  it('rule files: rules and problems, never an exception; arbitrary values as a rule, likewise', () => {
    fc.assert(
      fc.property(mutations(RULE_FILE), (text) => {
        const result = parseRuleFile(text, 'rules/acme.yaml', 'acme');
        for (const problem of result.problems) expect(problem.file).toBe('rules/acme.yaml');
      }),
      { numRuns: 400 },
    );
    fc.assert(
      fc.property(
        fc.anything({
          withNullPrototype: true,
          withBigInt: true,
          withDate: true,
          withMap: true,
          withSet: true,
          withTypedArray: true,
          withSparseArray: true,
        }),
        (value) => {
          validateRule(value, { file: 'rules/x.yaml', providerName: 'X', providerKey: 'x' });
          validateRule(
            { id: 'x-y', pattern: value, keywords: value, examples: value, allow: value, near: value, paths: value },
            { file: 'rules/x.yaml', providerName: 'X', providerKey: 'x' },
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('baseline files: read, or a ConfigError', () => {
    const dir = tempDir();
    const file = path.join(dir, '.keyhound-baseline.jsonl');
    const valid = `{"format":"keyhound-baseline","version":1,"salt":"0123456789abcdef0123","about":"x"}\n{"rule":"github-pat-classic","path":"a.env","hash":"0123456789abcdef0123456789abcdef","line":3}\n`;
    fc.assert(
      fc.property(mutations(valid), (text) => {
        writeFileSync(file, text);
        onlyOurErrors(() => readBaseline(file));
      }),
      { numRuns: 300 },
    );
  });
});

describe('fuzzing the git and GitHub output parsers', () => {
  /** Real `git log -p --raw -z` output, as the history scanner asks for it, of a history with odd corners. */
  function realLog(): Buffer {
    const repo = initRepo(tempDir());
    commit(repo, { 'a.txt': 'one\ntwo\n', 'odd\nname "q".txt': 'x\r\ny\rz', 'bin.dat': '\0\u0001binary' }, 'first\n\nbody line');
    commit(repo, { 'a.txt': 'one\nthree\n', 'new.txt': 'no newline at end' }, 'second');
    git(repo, 'mv', 'a.txt', 'moved.txt');
    git(repo, 'commit', '--quiet', '-m', 'rename');
    git(repo, 'checkout', '--quiet', '-b', 'side', 'HEAD~1');
    commit(repo, { 'side.txt': 'side\n', 'new.txt': 'changed on the side\n' }, 'side');
    git(repo, 'checkout', '--quiet', 'main');
    spawnSync('git', ['merge', '--quiet', '--no-edit', 'side'], {
      cwd: repo,
      env: {
        PATH: process.env.PATH,
        HOME: repo,
        GIT_AUTHOR_NAME: 'Dev',
        GIT_AUTHOR_EMAIL: 'd@e.org',
        GIT_COMMITTER_NAME: 'Dev',
        GIT_COMMITTER_EMAIL: 'd@e.org',
      },
    });
    if (!git(repo, 'status', '--porcelain').includes('new.txt')) {
      // No conflict: fine. With one, settle it so the merge has a combined diff.
    } else {
      writeFileSync(path.join(repo, 'new.txt'), 'merged\n');
      git(repo, 'add', '--all');
      git(repo, 'commit', '--quiet', '--no-edit');
    }
    const out = spawnSync(
      'git',
      [
        'log',
        '--all',
        COMMIT_FORMAT,
        '-p',
        '--raw',
        '-z',
        '--no-abbrev',
        '--full-index',
        '-U2',
        '--root',
        '-M',
        '--diff-merges=dense-combined',
        '--no-color',
      ],
      { cwd: repo, maxBuffer: 1 << 26 },
    );
    expect(out.status).toBe(0);
    return out.stdout;
  }

  function parse(bytes: Buffer, cuts: readonly number[]): PatchedCommit[] {
    const commits: PatchedCommit[] = [];
    const parser = new PatchParser({ headers: true }, (c) => commits.push(c));
    let from = 0;
    for (const cut of [...cuts].map((c) => (bytes.length === 0 ? 0 : c % bytes.length)).sort((a, b) => a - b)) {
      parser.push(bytes.subarray(from, cut));
      from = cut;
    }
    parser.push(bytes.subarray(from));
    parser.end();
    return commits;
  }

  it('git log -p --raw -z: the same commits however the output is split; mutated or random output never throws', () => {
    const log = realLog();
    const whole = parse(log, []);
    expect(whole.length).toBeGreaterThanOrEqual(5);
    expect(whole.flatMap((c) => c.entries.map((e) => e.path))).toContain('odd\nname "q".txt');
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 30 }), (cuts) => {
        expect(parse(log, cuts)).toEqual(whole);
      }),
      { numRuns: 200 },
    );
    const text = log.toString('latin1');
    fc.assert(
      fc.property(mutations(text), fc.array(fc.nat(), { maxLength: 10 }), (mutated, cuts) => {
        for (const commit of parse(Buffer.from(mutated, 'latin1'), cuts)) {
          for (const file of commit.files) for (const hunk of file.hunks) expect(Number.isFinite(hunk.firstLine)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('GitHub pull request patches: hunks with sane line numbers, whatever the patch', () => {
    const base = '@@ -1,3 +1,4 @@\n one\n-two\n+TWO\n+three\n four\n\\ No newline at end of file\n@@ -10 +11,2 @@\n+x\n y';
    fc.assert(
      fc.property(mutations(base), (patch) => {
        for (const hunk of parsePatch(patch)) {
          expect(hunk.lines.length).toBeGreaterThan(0);
          for (const range of hunk.added) expect(range.end).toBeGreaterThanOrEqual(range.start);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('revisions that would read as git options', () => {
  it('are refused on the command line, and pre-push lines that are not object ids are ignored', () => {
    const repo = initRepo(tempDir());
    commit(repo, { 'a.txt': 'x\n' }, 'first');
    const target = path.join(tempDir(), 'truncated');
    for (const args of [[`--range=--output=${target}`], [`--branch=--output=${target}`], [`--since-commit=--output=${target}`]]) {
      const run = runCli(['git', repo, ...args]);
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toMatch(/is not a revision \(revisions never start with "-"\)/);
    }
    const push = runCli(['git', repo, '--pre-push'], { input: `refs/heads/main --output=${target} refs/heads/main ${'0'.repeat(40)}\n` });
    expect(push.code, push.stderr).toBe(0);
    const env = runCli(['git', repo, '--pre-push'], { env: { PRE_COMMIT_FROM_REF: `--output=${target}`, PRE_COMMIT_TO_REF: 'HEAD' } });
    expect(env.code, env.stderr).not.toBe(-1);
    expect(existsSync(target)).toBe(false);
  });
});
