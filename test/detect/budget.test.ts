import { describe, expect, it } from 'vitest';
import { ScanTimeoutError } from '../../src/core/errors.js';
import { OutOfTime, runWithin } from '../../src/detect/budget.js';
import { Engine, WATCHDOG_CHARS } from '../../src/detect/engine.js';
import { testRule } from '../helpers/rules.js';
import { githubToken } from '../helpers/tokens.js';

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
