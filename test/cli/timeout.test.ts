import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WATCHDOG_CHARS } from '../../src/detect/engine.js';
import { runCli } from '../helpers/cli.js';
import { tempDir, writeTree } from '../helpers/tmp.js';
import { slowRules } from '../helpers/slow-rules.js';
import { githubToken } from '../helpers/tokens.js';

describe('the per-file time budget (--file-timeout)', () => {
  for (const threads of ['1', '2']) {
    it(`skips and counts files that stall a regex, and still scans the rest (--threads ${threads})`, () => {
      const root = tempDir();
      const rules = slowRules(root);
      const scanned = path.join(root, 'repo');
      const token = githubToken();
      // Enough files first that with two threads the pool has started (after 32 tasks, with
      // KEYHOUND_THREADS_FROM_MS=0 below; by default a tree this small stays on one thread):
      // the slow files then run on worker threads; with one thread, on the main thread.
      const fillers = Object.fromEntries(Array.from({ length: 40 }, (_u, i) => [`f${String(i).padStart(2, '0')}.txt`, `line ${i}\n`]));
      writeTree(scanned, {
        ...fillers,
        // Past the watchdog's size: stopped in the middle of one regex run.
        'zz-big.txt': `${' '.repeat(200_000)}\n`,
        // Below it: the first rule's run overshoots, the clock check before the second stops it.
        'zz-small.txt': `${' '.repeat(40_000)}\n`,
        'app.env': `GITHUB_TOKEN=${token}\n`,
      });
      expect(200_000).toBeGreaterThan(WATCHDOG_CHARS);
      expect(40_000).toBeLessThan(WATCHDOG_CHARS);

      const run = runCli(
        ['scan', scanned, '--rules', rules, '--file-timeout', '0.3', '--threads', threads, '--format', 'json', '--verbose'],
        { env: { KEYHOUND_THREADS_FROM_MS: '0' } },
      );
      expect(run.code, run.stderr).toBe(1);
      const report = JSON.parse(run.stdout) as {
        findings: { path: string; ruleId: string }[];
        stats: { files: number; skipped: Record<string, number> };
      };
      expect(report.findings.map((f) => [f.path, f.ruleId])).toEqual([['app.env', 'github-pat-classic']]);
      expect(report.stats.skipped.timeout).toBe(2);
      expect(report.stats.files).toBe(41);
      expect(run.stderr).toContain('keyhound: skipped zz-big.txt: timeout');
      expect(run.stderr).toContain('keyhound: skipped zz-small.txt: timeout');
      expect(run.stderr).toContain('keyhound: scanned app.env');
    }, 120_000);
  }

  it('scans the same files in full with the budget off, so the rules really are slow there and not broken', () => {
    const root = tempDir();
    const rules = slowRules(root);
    const scanned = path.join(root, 'repo');
    // Small enough to finish in well under a second, big enough to blow a 1 ms budget.
    writeTree(scanned, { 'spaces.txt': `${' '.repeat(5_000)}xk3j9d8f7q2w1\n` });
    const off = runCli(['scan', scanned, '--rules', rules, '--file-timeout', '0', '--threads', '1', '--format', 'json']);
    expect(off.code, off.stderr).toBe(1);
    const found = JSON.parse(off.stdout) as { findings: { ruleId: string }[]; stats: { skipped: Record<string, number> } };
    expect(found.findings.map((f) => f.ruleId).sort()).toEqual(['slow-first']);
    expect(found.stats.skipped.timeout).toBeUndefined();
  });

  it('rejects a negative or non-numeric --file-timeout', () => {
    const dir = tempDir();
    const run = runCli(['scan', dir, '--file-timeout', '-1']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--file-timeout: "-1" must be a number of seconds (0 for no limit)');
  });
});
