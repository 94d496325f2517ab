import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/core/errors.js';
import { withFileLock } from '../../src/config/lock.js';
import { tempDir } from '../helpers/tmp.js';

/** The pid of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('withFileLock', () => {
  it('serialises read-modify-write cycles: 20 at once lose no increment', async () => {
    const file = path.join(tempDir(), 'counter');
    writeFileSync(file, '0');
    await Promise.all(
      Array.from({ length: 20 }, () =>
        withFileLock(file, async () => {
          const value = Number(readFileSync(file, 'utf8'));
          await sleep(2);
          writeFileSync(file, String(value + 1));
        }),
      ),
    );
    expect(readFileSync(file, 'utf8')).toBe('20');
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('removes its lock when the work throws', async () => {
    const file = path.join(tempDir(), 'x');
    await expect(
      withFileLock(file, () => {
        throw new RangeError('boom');
      }),
    ).rejects.toThrow(RangeError);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('takes over a lock whose holder died, and one that never said who held it once old', async () => {
    const file = path.join(tempDir(), 'x');
    writeFileSync(`${file}.lock`, JSON.stringify({ pid: deadPid(), host: hostname(), since: Date.now() }));
    expect(await withFileLock(file, () => 'ran', { waitMs: 5000 })).toBe('ran');
    writeFileSync(`${file}.lock`, '');
    const old = new Date(Date.now() - 120_000);
    utimesSync(`${file}.lock`, old, old);
    expect(await withFileLock(file, () => 'ran again', { waitMs: 5000 })).toBe('ran again');
  });

  it('waits for a live holder, then gives up naming the lock and its holder', async () => {
    const file = path.join(tempDir(), 'x');
    writeFileSync(`${file}.lock`, JSON.stringify({ pid: process.pid, host: hostname(), since: Date.now() }));
    const started = Date.now();
    const error = await withFileLock(file, () => 'never', { waitMs: 300 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain(`${file}.lock: locked by process ${process.pid} on ${hostname()}`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    // The holder's lock is left alone.
    expect(existsSync(`${file}.lock`)).toBe(true);
  });
});
