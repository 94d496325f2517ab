import { describe, expect, it } from 'vitest';
import { FORMAT_NAMES } from '../../src/report/index.js';
import { runCli } from '../helpers/cli.js';
import { tempDir, writeTree } from '../helpers/tmp.js';
import { base62, githubToken } from '../helpers/tokens.js';

describe('scanning threads', () => {
  it('give identical output for 1 and 4 threads, in every format (sources are held to it in test/sources/contract.test.ts)', () => {
    const dir = tempDir();
    const files: Record<string, string> = {};
    for (let i = 0; i < 60; i++) {
      files[`pkg${i % 7}/file-${i}.env`] =
        `# file ${i}\n${'filler line\n'.repeat(i * 40)}${i % 3 === 0 ? `API_KEY=${base62(32)}\n` : ''}${i % 5 === 0 ? `gh = "${githubToken()}"\n` : ''}`;
    }
    writeTree(dir, files);
    const strip = (stdout: string) => {
      const report = JSON.parse(stdout);
      delete report.stats.durationMs;
      return report;
    };
    // A tree this small would run on one thread alone (pool.ts, workerThresholdMs): bring the workers in.
    const env = { KEYHOUND_THREADS_FROM_MS: '0' };
    const one = runCli(['scan', dir, '--format', 'json', '--threads', '1']);
    const four = runCli(['scan', dir, '--format', 'json', '--threads', '4'], { env });
    expect(one.code).toBe(1);
    expect(strip(one.stdout).findings.length).toBe(20 + 12);
    expect(strip(four.stdout)).toEqual(strip(one.stdout));
    // Timings are the only thing allowed to differ.
    const timeless = (text: string) => text.replace(/"durationMs": ?\d+/g, '').replace(/ in \d+\.\d\d s/g, '');
    for (const format of FORMAT_NAMES) {
      const single = runCli(['scan', dir, '--format', format, '--threads', '1']);
      const several = runCli(['scan', dir, '--format', format, '--threads', '4'], { env });
      expect(timeless(several.stdout), format).toBe(timeless(single.stdout));
    }
  }, 60_000);

  it('end a scan of a small folder as soon as the report is written, with no thread left holding it open', () => {
    // Two files never need the other seven threads (pool.ts, workerThresholdMs), and nothing
    // started for them may keep the process alive.
    const dir = tempDir();
    const secret = githubToken();
    writeTree(dir, { 'a.env': `TOKEN=${secret}\n`, 'b.txt': 'nothing here\n' });
    // A thread left holding the process open would keep it alive indefinitely: killed, its code is -1.
    const result = runCli(['scan', dir, '--format', 'json', '--threads', '8', '--no-redact'], { timeoutMs: 30_000 });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).findings.map((f: { secret: string }) => f.secret)).toEqual([secret]);
  }, 60_000);
});
