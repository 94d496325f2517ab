import { createHash } from 'node:crypto';
import { UsageError } from './errors.js';

/**
 * One part of a run split N ways (`--shard I/N`): an organisation audit split
 * by repository, a long history split by commit. Shards are numbered from 1.
 */
export interface Shard {
  /** 1-based: 1 ≤ index ≤ count. */
  index: number;
  count: number;
}

/** More shards than this is a typo, not a plan (a matrix of GitHub Actions jobs holds at most 256). */
export const MAX_SHARDS = 256;

/** `"2/4"` → `{ index: 2, count: 4 }`; a {@link UsageError} naming the option otherwise. */
export function parseShard(text: string, option = '--shard'): Shard {
  const match = /^\s*(\d{1,4})\s*\/\s*(\d{1,4})\s*$/.exec(text);
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!match || count < 1 || count > MAX_SHARDS || index < 1 || index > count) {
    throw new UsageError(
      `${option}: "${text}" is not a shard: give I/N with 1 ≤ I ≤ N ≤ ${MAX_SHARDS} (e.g. 2/4 for the second of four shards)`,
    );
  }
  return { index, count };
}

/** `{ index: 2, count: 4 }` → `"2/4"`, as reports record it in `stats.shard`. */
export function formatShard(shard: Shard): string {
  return `${shard.index}/${shard.count}`;
}

/**
 * The shard (1-based) a repository falls in, out of `count`: the first four
 * bytes of the SHA-256 of its full name in lower case (`owner/name`, UTF-8),
 * read as a big-endian unsigned integer, modulo `count`, plus one. It depends
 * on the name alone, never on the order the API lists repositories in, so
 * every shard of a matrix agrees on it and a repository added between two
 * shards' listings changes no other repository's shard. To reproduce it:
 * `printf %s owner/name | sha256sum | cut -c1-8`, as a hex number, mod N, plus 1.
 */
export function shardOfName(fullName: string, count: number): number {
  const digest = createHash('sha256').update(fullName.toLowerCase(), 'utf8').digest();
  return (digest.readUInt32BE(0) % count) + 1;
}

/**
 * The contiguous slice of `items` that shard `shard` covers: the N slices
 * are as even as can be and, in order, are exactly `items`. A history is
 * split this way (by position in history order), so shard 1 holds the oldest
 * commits and a finding from a lower shard comes earlier in history.
 */
export function shardSlice<T>(items: readonly T[], shard: Shard): T[] {
  const start = Math.floor(((shard.index - 1) * items.length) / shard.count);
  const end = Math.floor((shard.index * items.length) / shard.count);
  return items.slice(start, end);
}
