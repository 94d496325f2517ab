import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/detect/engine.js';
import { AdaptiveScanner, estimatedScanMs, WorkerPool } from '../../src/scan/pool.js';
import { setWorkerScript } from '../../src/scan/spawn.js';
import type { Task, TaskOutcome as Outcome } from '../../src/sources/source.js';
import { testRule } from '../helpers/rules.js';
import { githubToken } from '../helpers/tokens.js';

// The bundled scanning thread (`npm test` builds it first), as the CLI runs it.
setWorkerScript(pathToFileURL(path.resolve(__dirname, '../../dist/cli/worker.js')));

const token = testRule({ id: 'test-ghp', keywords: ['ghp_'], pattern: '(?<secret>ghp_[A-Za-z0-9]{36})' });
// Lint-clean yet quadratic on a run of spaces (see test/detect/budget.test.ts): minutes on 200 KB.
const slow = testRule({ id: 'slow-spaces', keywords: ['   '], pattern: ' *x(?<secret>[a-z0-9]{12})' });

const bytesTask = (name: string, text: string): Task => ({ kind: 'bytes', bytes: new TextEncoder().encode(text), origin: { path: name } });
const secretsOf = (outcome: Outcome) => (outcome.kind === 'scanned' ? outcome.result.findings.map((f) => f.secret) : []);

describe('WorkerPool (real worker threads)', () => {
  it('reports a task that outlives its limit as skipped (timeout), replaces the thread, and runs the tasks behind it', async () => {
    // The engine's own budget is off, so only the pool's backstop can stop the stalled task.
    const pool = new WorkerPool(1, { rules: [token, slow], options: { budgetMs: 0 } }, 1000);
    try {
      const secret = githubToken();
      const outcomes = await Promise.all([
        pool.run(bytesTask('stall.txt', `${' '.repeat(200_000)}\n`)),
        pool.run(bytesTask('after.env', `TOKEN=${secret}\n`)),
      ]);
      expect(outcomes[0]).toEqual({ kind: 'skipped', path: 'stall.txt', reason: 'timeout' });
      expect(secretsOf(outcomes[1])).toEqual([secret]);
      // The replacement thread keeps working.
      expect(secretsOf(await pool.run(bytesTask('later.env', `TOKEN=${secret}\n`)))).toEqual([secret]);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('scans on the calling thread too once the workers are busy, with the same results', async () => {
    const engine = new Engine([token]);
    let localTasks = 0;
    const pool = new WorkerPool(1, { rules: [token], options: {} }, undefined, () => {
      localTasks++;
      return engine;
    });
    try {
      const secrets = Array.from({ length: 40 }, () => githubToken());
      const outcomes = await Promise.all(secrets.map((secret, i) => pool.run(bytesTask(`f${i}.env`, `TOKEN=${secret}\n`))));
      expect(outcomes.map(secretsOf)).toEqual(secrets.map((secret) => [secret]));
      expect(localTasks).toBeGreaterThan(0);
      expect(localTasks).toBeLessThan(40);
      expect(pool.threads).toBe(2);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('gives a task behind many others its own limit, counted from when it is the oldest', async () => {
    // Tasks sent at once to one thread with a 2 s backstop, together well over 2 s: a limit
    // counted from sending would cut the last ones short.
    const pool = new WorkerPool(1, { rules: [token, slow], options: { budgetMs: 0 } }, 2000);
    try {
      // The slow rule is quadratic on a run of spaces: grow the run until one task takes 150 ms or more.
      let size = 4000;
      let each = 0;
      for (; each < 150; size = Math.round(size * 1.5)) {
        const started = performance.now();
        expect((await pool.run(bytesTask('probe.txt', `${' '.repeat(size)}\n`))).kind).toBe('scanned');
        each = performance.now() - started;
      }
      const count = Math.min(32, Math.ceil(3000 / each));
      expect(count * each).toBeGreaterThan(2000);
      const spaces = ' '.repeat(Math.round(size / 1.5));
      const outcomes = await Promise.all(Array.from({ length: count }, (_, i) => pool.run(bytesTask(`q${i}.txt`, `${spaces}\n`))));
      expect(outcomes.map((outcome) => outcome.kind)).toEqual(Array.from({ length: count }, () => 'scanned'));
    } finally {
      await pool.close();
    }
  }, 120_000);
});

describe('AdaptiveScanner: when worker threads are brought in', () => {
  const policy = { tasks: 32, bytes: 4 * 1024 * 1024, listedMs: 680 };

  it('keeps a listed folder whose work is estimated under the threshold on this thread, whatever its tasks', async () => {
    const scanner = new AdaptiveScanner(2, [token], {}, policy);
    try {
      // 3,000 files of 2 MB in all: about 0.3 s of work by the estimate.
      expect(estimatedScanMs(3000, 2_000_000)).toBeLessThan(policy.listedMs);
      scanner.expect(3000, 2_000_000);
      expect(scanner.usesWorkers).toBe(false);
      // Its tasks do not change that: the listing decided.
      const secret = githubToken();
      for (let i = 0; i < 40; i++) expect(secretsOf(await scanner.run(bytesTask(`f${i}.env`, `T=${secret}\n`)))).toEqual([secret]);
      expect(scanner.usesWorkers).toBe(false);
      // A second folder that brings the job over the threshold brings them in.
      scanner.expect(500, 40_000_000);
      expect(scanner.usesWorkers).toBe(true);
      expect(secretsOf(await scanner.run(bytesTask('last.env', `T=${secret}\n`)))).toEqual([secret]);
    } finally {
      await scanner.close();
    }
  }, 60_000);

  it('brings them in for a few large files whose work is over the threshold', async () => {
    const scanner = new AdaptiveScanner(2, [token], {}, policy);
    try {
      scanner.expect(5, 60_000_000);
      expect(scanner.usesWorkers).toBe(true);
    } finally {
      await scanner.close();
    }
  }, 60_000);

  it('brings them in for any folder of more than 32 files when the threshold is 0, and by tasks when nothing was listed', async () => {
    const listed = new AdaptiveScanner(2, [token], {}, { ...policy, listedMs: 0 });
    const unlisted = new AdaptiveScanner(2, [token], {}, policy);
    try {
      listed.expect(33, 1000);
      expect(listed.usesWorkers).toBe(true);
      for (let i = 0; i < 32; i++) await unlisted.run(bytesTask(`f${i}.txt`, 'nothing\n'));
      expect(unlisted.usesWorkers).toBe(false);
      await unlisted.run(bytesTask('f33.txt', 'nothing\n'));
      expect(unlisted.usesWorkers).toBe(true);
    } finally {
      await listed.close();
      await unlisted.close();
    }
  }, 60_000);
});
