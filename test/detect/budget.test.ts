import { describe, expect, it } from 'vitest';
import { ScanTimeoutError } from '../../src/core/errors.js';
import { OutOfTime, runWithin } from '../../src/detect/budget.js';
import { Engine, WATCHDOG_CHARS } from '../../src/detect/engine.js';
import { builtinRules } from '../../src/rules/builtin.js';
import { fake } from '../helpers/providers.js';
import { testRule } from '../helpers/rules.js';
import { githubToken, randomFrom } from '../helpers/tokens.js';

// Lint-clean (one literal character repeated without bound) but quadratic on a run of spaces.
const slow = testRule({ id: 'slow-spaces', keywords: ['   '], pattern: ' *x(?<secret>[a-z0-9]{12})' });
const token = testRule({ id: 'test-ghp', keywords: ['ghp_'], pattern: '(?<secret>ghp_[A-Za-z0-9]{36})' });

describe('runWithin', () => {
  it('stops a regex in the middle of a catastrophic match', () => {
    const started = performance.now();
    expect(() => runWithin(200, () => /^(a|aa)+$/.test(`${'a'.repeat(60)}!`))).toThrow(OutOfTime);
    expect(performance.now() - started).toBeLessThan(60_000);
  });

  it('returns the value, and passes other errors through unchanged', () => {
    expect(runWithin(1000, () => 42)).toBe(42);
    expect(() =>
      runWithin(1000, () => {
        throw new RangeError('ours');
      }),
    ).toThrow(RangeError);
  });
});

describe('the engine time budget', () => {
  it('throws ScanTimeoutError naming the path only, and scans the next chunk normally', () => {
    const engine = new Engine([slow, token], { budgetMs: 200 });
    const text = ' '.repeat(WATCHDOG_CHARS * 3);
    let error: unknown;
    try {
      engine.scan({ text, origin: { path: 'stall.txt' } });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ScanTimeoutError);
    expect((error as ScanTimeoutError).path).toBe('stall.txt');
    expect((error as Error).message).toBe(
      'stall.txt: scanning took longer than 0.2 s (--file-timeout), so it was stopped; the file is reported as skipped (timeout)',
    );

    const secret = githubToken();
    const after = engine.scan({ text: `a = "${secret}"\n   xk3j9d8f7q2w1\n`, origin: { path: 'next.txt' } });
    expect(after.findings.map((f) => [f.ruleId, f.secret])).toEqual([
      ['test-ghp', secret],
      ['slow-spaces', 'k3j9d8f7q2w1'],
    ]);
  });

  it('has no budget at 0', () => {
    const engine = new Engine([slow], { budgetMs: 0 });
    expect(engine.scan({ text: `${' '.repeat(3000)}xk3j9d8f7q2w1`, origin: { path: 'a' } }).findings).toHaveLength(1);
  });
});

/** Runs a scan that must time out; returns the error. */
function timeoutOf(engine: Engine, text: string, path = 'padded.txt'): ScanTimeoutError {
  try {
    engine.scan({ text, origin: { path } });
  } catch (error) {
    if (error instanceof ScanTimeoutError) return error;
    throw error;
  }
  throw new Error('the scan finished within its budget');
}

describe('the cheap path: prefixed and checksummed tokens survive a timeout', () => {
  // Padding with a keyword of the generic password rule: its regex is tried at
  // each of a million hits, which takes half a minute; the tokens are found
  // by the cheap path before the budget starts.
  const token = githubToken();
  const awsKey = fake.awsKeyId();
  const padded = `token = ${token}\naws_access_key_id = ${awsKey}\n${'pwd'.repeat(1_300_000)}\n`;
  const engine = new Engine(builtinRules(), { budgetMs: 300 });

  it('throws ScanTimeoutError whose partial result holds both tokens, located', () => {
    const error = timeoutOf(engine, padded);
    expect(error.path).toBe('padded.txt');
    expect(error.partial.findings.map((f) => [f.ruleId, f.secret, f.line, f.column])).toEqual([
      ['github-pat-classic', token, 1, 9],
      ['aws-access-key-id', awsKey, 2, 21],
    ]);
    // Snippets are masked as in a full result.
    expect(error.partial.findings.every((f) => !f.snippet.includes(f.secret))).toBe(true);
  });

  it('finds them however small the budget, since the cheap rules are not budgeted', () => {
    const tight = new Engine(builtinRules(), { budgetMs: 1 });
    expect(timeoutOf(tight, padded).partial.findings.map((f) => f.secret)).toEqual([token, awsKey]);
  });

  it('applies the same filters to the partial result: inline markers and config allowlists', () => {
    const allowed = `token = ${token} # keyhound:allow\naws_access_key_id = ${awsKey}\n${'pwd'.repeat(1_300_000)}\n`;
    const explaining = new Engine(builtinRules(), {
      budgetMs: 300,
      explain: true,
      allow: { stopwords: [awsKey.slice(4, 12).toLowerCase()] },
    });
    const { partial } = timeoutOf(explaining, allowed);
    expect(partial.findings).toEqual([]);
    expect(partial.suppressed.map((s) => [s.ruleId, s.filter])).toEqual([
      ['aws-access-key-id', 'stopword'],
      ['github-pat-classic', 'inline'],
    ]);
  });

  it('keeps the expensive findings judged before the stop', () => {
    // A custom rule (expensive: budgeted, under the watchdog) with two matches; a config
    // allow regex that backtracks for ever on the second stops the scan while judging it.
    const custom = testRule({ id: 'test-custom', keywords: ['cst_'], pattern: '(?<secret>cst_[a-z0-9!]{8,60})' });
    const first = `cst_${randomFrom('bcdfghjkmnpqrstvwxz', 8)}7${randomFrom('bcdfghjkmnpqrstvwxz', 3)}`;
    const stall = `cst_${randomFrom('bcdfghjkmnpqrstvwxz', 40)}!`;
    const slow = new Engine([...builtinRules(), custom], { budgetMs: 300, allow: { regexes: [{ regex: '^cst_([a-z]+)+$' }] } });
    const { partial } = timeoutOf(slow, `a = ${first}\nb = ${stall}\nc = ${token}\n`, 'small.txt');
    expect(partial.findings.map((f) => [f.ruleId, f.secret])).toEqual([
      ['test-custom', first],
      ['github-pat-classic', token],
    ]);
  });
});

describe('the watchdog and rules from files or configs', () => {
  it('stops a custom rule that backtracks exponentially on a chunk of 27 bytes', () => {
    // Lint refuses this pattern now; the engine must not rely on that (library callers, older configs).
    const nested = testRule({ id: 'test-nested', keywords: ['aaa'], pattern: '(?<secret>(?:[a-z]{1,30}){1,30}!)' });
    const engine = new Engine([nested], { budgetMs: 200 });
    expect(27).toBeLessThan(WATCHDOG_CHARS);
    const error = timeoutOf(engine, 'a'.repeat(27), 'tiny.txt');
    expect(error.partial.findings).toEqual([]);
    // The next chunk scans normally.
    expect(engine.scan({ text: 'aaab!', origin: { path: 'ok.txt' } }).findings.map((f) => f.secret)).toEqual(['aaab!']);
  });

  it('watches a custom rule that only decoded text brings up', () => {
    const nested = testRule({ id: 'test-nested', keywords: ['zzq'], pattern: '(?<secret>(?:[a-z]{1,30}){1,30}!)' });
    const engine = new Engine([nested], { budgetMs: 200 });
    const encoded = Buffer.from(`zzq${randomFrom('bcdfghjkmnpqrstvwxz', 27)}`).toString('base64');
    const error = timeoutOf(engine, `value: ${encoded}\n`, 'encoded.yaml');
    expect(error.path).toBe('encoded.yaml');
  });
});
