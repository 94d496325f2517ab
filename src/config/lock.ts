import { closeSync, linkSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { ConfigError } from '../core/errors.js';

/**
 * A lock file beside another file, so that read-modify-write cycles of it
 * (`keyhound baseline update` run by several jobs at once) never lose each
 * other's changes. The lock is created with O_EXCL (one creator wins, on
 * every local file system and NFSv3+), holds who took it and when, and is
 * removed when the work is done, however it ends.
 */
export interface LockOptions {
  /** Milliseconds to wait for another holder before giving up. Default 60 000. */
  waitMs?: number;
  /**
   * A lock older than this is stale (its holder died without removing it)
   * even when its holder cannot be checked (another host). Default 60 000:
   * the work done under the lock takes milliseconds.
   */
  staleMs?: number;
}

interface Holder {
  pid: number;
  host: string;
  /** Milliseconds since the epoch. */
  since: number;
}

const DEFAULT_WAIT_MS = 60_000;
const DEFAULT_STALE_MS = 60_000;

/** Runs `work` holding `${file}.lock`; waits for another holder, takes over a stale lock. */
export async function withFileLock<T>(file: string, work: () => T | Promise<T>, options: LockOptions = {}): Promise<T> {
  const lock = `${file}.lock`;
  const waitMs = options.waitMs ?? DEFAULT_WAIT_MS;
  const staleMs = options.staleMs ?? DEFAULT_STALE_MS;
  const started = Date.now();
  let pause = 10;
  for (;;) {
    const fd = tryCreate(lock);
    if (fd !== undefined) {
      try {
        writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), since: Date.now() } satisfies Holder));
      } finally {
        closeSync(fd);
      }
      try {
        return await work();
      } finally {
        rmSync(lock, { force: true });
      }
    }
    const holder = readHolder(lock);
    if (holder === 'gone') continue;
    if (stale(holder, staleMs)) {
      removeStale(lock, holder);
      continue;
    }
    if (Date.now() - started >= waitMs) {
      const who =
        holder.pid > 0 ? `process ${holder.pid} on ${holder.host} since ${new Date(holder.since).toISOString()}` : 'another process';
      throw new ConfigError([
        {
          file: lock,
          message: `locked by ${who}; waited ${Math.round(waitMs / 1000)} s. If no keyhound is running, remove the lock file`,
        },
      ]);
    }
    await sleep(pause + Math.floor(Math.random() * pause));
    pause = Math.min(pause * 2, 250);
  }
}

/** Creates the lock file exclusively; undefined when it exists. */
function tryCreate(lock: string): number | undefined {
  try {
    return openSync(lock, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return undefined;
    throw new ConfigError([
      { file: lock, message: `cannot create the lock file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` },
    ]);
  }
}

/**
 * Who holds the lock; `gone` when it vanished meanwhile. A lock that does not
 * say (its holder is writing it now, or died before it could) is judged by
 * its age alone: pid -1, since its modification time.
 */
function readHolder(lock: string): Holder | 'gone' {
  let text: string;
  let since: number;
  try {
    since = statSync(lock).mtimeMs;
    text = readFileSync(lock, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw new ConfigError([
      { file: lock, message: `cannot read the lock file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` },
    ]);
  }
  try {
    const value = JSON.parse(text) as Partial<Holder>;
    if (typeof value.pid === 'number' && typeof value.host === 'string' && typeof value.since === 'number') return value as Holder;
  } catch {
    // Not (yet) a holder's record.
  }
  return { pid: -1, host: '', since };
}

/**
 * Removes a stale lock, and only that one: it is renamed aside first and
 * checked; had another process replaced it with a live lock meanwhile, that
 * lock is put back (unless a third has taken the name since). Taking over
 * stale locks is best-effort across such races; waiting for live ones is exact.
 */
function removeStale(lock: string, seen: Holder): void {
  const aside = `${lock}.${process.pid}.${Date.now()}.stale`;
  try {
    renameSync(lock, aside);
  } catch {
    return;
  }
  const found = readHolder(aside);
  const same = found !== 'gone' && found.pid === seen.pid && found.host === seen.host && found.since === seen.since;
  if (!same) {
    try {
      linkSync(aside, lock);
    } catch {
      // The name is taken again: that holder goes on.
    }
  }
  rmSync(aside, { force: true });
}

/** A lock whose holder is a dead process on this host, or older than `staleMs`. */
function stale(holder: Holder, staleMs: number): boolean {
  if (Date.now() - holder.since > staleMs) return true;
  if (holder.host !== hostname()) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    // EPERM: it exists, owned by someone else.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
