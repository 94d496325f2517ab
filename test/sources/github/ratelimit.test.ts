import { describe, expect, it } from 'vitest';
import { exhaustedUntil, RateLimitError, rateLimitWrapper, retryDelay } from '../../../src/sources/github/ratelimit.js';

const NOW = 1_700_000_000_000;

describe('rate-limit headers', () => {
  it('knows the limit is used up only when remaining is 0', () => {
    expect(exhaustedUntil({ 'x-ratelimit-remaining': '12', 'x-ratelimit-reset': '1700000100' })).toBeUndefined();
    expect(exhaustedUntil({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1700000100' })).toBe(1_700_000_101_000);
  });

  it('waits retry-after on a secondary limit, until reset on a primary one, and not at all on other 403s', () => {
    expect(retryDelay(403, { 'retry-after': '7' }, NOW)).toBe(7000);
    expect(retryDelay(429, {}, NOW)).toBe(60_000);
    expect(retryDelay(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW / 1000 + 30) }, NOW)).toBe(31_000);
    expect(retryDelay(403, { 'x-ratelimit-remaining': '4999' }, NOW)).toBeUndefined();
    expect(retryDelay(404, { 'retry-after': '1' }, NOW)).toBeUndefined();
  });
});

describe('rateLimitWrapper', () => {
  const limited = (reset: number) =>
    Object.assign(new Error('API rate limit exceeded'), {
      status: 403,
      response: { headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset), 'x-ratelimit-limit': '60' } },
    });

  it('waits for the reset and retries when the wait is short', async () => {
    let now = NOW;
    const waits: number[] = [];
    const wrap = rateLimitWrapper({
      maxWaitMs: 60_000,
      now: () => now,
      sleep: async (ms) => void (now += ms),
      onWait: (ms) => waits.push(ms),
    });
    let calls = 0;
    const response = await wrap(async () => {
      calls++;
      if (calls === 1) throw limited(NOW / 1000 + 20);
      return { headers: { 'x-ratelimit-remaining': '59' } };
    }, {});
    expect(calls).toBe(2);
    expect(waits).toEqual([21_000]);
    expect(response.headers['x-ratelimit-remaining']).toBe('59');
  });

  it('stops with a message that says when the limit resets and what to do', async () => {
    const wrap = rateLimitWrapper({ maxWaitMs: 10_000, now: () => NOW, sleep: async () => {} });
    const error = await wrap(async () => {
      throw limited(NOW / 1000 + 3600);
    }, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as Error).message).toMatch(
      /rate limit exhausted \(limit 60 requests an hour\): it resets at 2023-11-14T23:13:21Z, in about 60 minutes/,
    );
    expect((error as Error).message).toMatch(/--max-wait.*GITHUB_TOKEN or --token/);
  });

  it('waits before the next request when a response said the limit is used up', async () => {
    let now = NOW;
    const waits: number[] = [];
    const wrap = rateLimitWrapper({
      maxWaitMs: 60_000,
      now: () => now,
      sleep: async (ms) => void (now += ms),
      onWait: (ms) => waits.push(ms),
    });
    await wrap(async () => ({ headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW / 1000 + 5) } }), {});
    await wrap(async () => ({ headers: { 'x-ratelimit-remaining': '59' } }), {});
    expect(waits).toEqual([6000]);
  });

  it('passes other failures through untouched', async () => {
    const wrap = rateLimitWrapper({ maxWaitMs: 60_000 });
    const failure = Object.assign(new Error('Not Found'), { status: 404, response: { headers: {} } });
    await expect(
      wrap(async () => {
        throw failure;
      }, {}),
    ).rejects.toBe(failure);
  });
});
