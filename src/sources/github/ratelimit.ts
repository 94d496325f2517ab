import { SourceError } from '../../core/errors.js';

/**
 * GitHub's rate limits, read from response headers (docs.github.com, "Rate
 * limits for the REST API"): `x-ratelimit-remaining` and `x-ratelimit-reset`
 * (epoch seconds) for the primary limit; a 403 or 429 with `retry-after`
 * (seconds) for secondary limits. We wait when the wait is short enough and
 * stop with a message that says when to come back otherwise.
 */

type Headers = Record<string, string | number | undefined>;

function header(headers: Headers | undefined, name: string): string | undefined {
  const value = headers?.[name];
  return value === undefined ? undefined : String(value);
}

/** When the primary limit is used up: the epoch milliseconds it resets at (with a second of slack), else undefined. */
export function exhaustedUntil(headers: Headers | undefined): number | undefined {
  if (header(headers, 'x-ratelimit-remaining') !== '0') return undefined;
  const reset = Number(header(headers, 'x-ratelimit-reset'));
  return Number.isFinite(reset) && reset > 0 ? reset * 1000 + 1000 : undefined;
}

/** How long to wait before retrying a failed request, or undefined when the failure is not about rate limits. */
export function retryDelay(status: number, headers: Headers | undefined, now: number): number | undefined {
  if (status !== 403 && status !== 429) return undefined;
  const retryAfter = Number(header(headers, 'retry-after'));
  if (header(headers, 'retry-after') !== undefined && Number.isFinite(retryAfter)) return Math.max(0, retryAfter * 1000);
  const until = exhaustedUntil(headers);
  if (until !== undefined) return Math.max(0, until - now);
  // A secondary limit without retry-after: GitHub asks clients to wait at least a minute.
  return status === 429 ? 60_000 : undefined;
}

export class RateLimitError extends SourceError {}

export interface RateLimitPolicy {
  /** Longest wait accepted before stopping, in milliseconds. */
  maxWaitMs: number;
  /** Told before each wait (the CLI prints it on stderr, the Action logs it). */
  onWait?: (ms: number, why: string) => void;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Secondary limits were already retried inside (the throttling plugin): one that gets here is final. */
  secondaryRetried?: boolean;
}

/** The message when the wait is too long: when the limit resets and what to do. */
export function stopMessage(ms: number, policy: RateLimitPolicy, limit: string | undefined, now: number): string {
  const at = new Date(now + ms).toISOString().replace(/\.\d+Z$/, 'Z');
  const minutes = Math.max(1, Math.round(ms / 60_000));
  return (
    `GitHub API rate limit exhausted${limit ? ` (limit ${limit} requests an hour)` : ''}: it resets at ${at}, in about ${minutes} minute${minutes === 1 ? '' : 's'}, ` +
    `longer than the ${Math.round(policy.maxWaitMs / 1000)} s we may wait (--max-wait). Run again later, raise --max-wait, or use a token (GITHUB_TOKEN or --token) for a higher limit.`
  );
}

interface RequestFailure {
  status?: number;
  message?: string;
  response?: { headers?: Headers };
}

/**
 * A secondary rate limit (docs.github.com, "Rate limits for the REST API"):
 * 403 or 429 with `retry-after`, or GitHub's message saying so, while the
 * primary limit still has requests left.
 */
export function isSecondaryLimit(failure: RequestFailure): boolean {
  if (failure.status !== 403 && failure.status !== 429) return false;
  if (exhaustedUntil(failure.response?.headers) !== undefined) return false;
  return header(failure.response?.headers, 'retry-after') !== undefined || /\bsecondary rate limit/i.test(failure.message ?? '');
}

type Request = (options: unknown) => Promise<{ headers: Headers }>;

/**
 * Wraps octokit's request hook: before a request, waits out a limit an earlier
 * response said is used up; after a rate-limited failure, waits and retries
 * (up to three times). Waits longer than `maxWaitMs` stop with {@link RateLimitError}.
 */
export function rateLimitWrapper(policy: RateLimitPolicy): (request: Request, options: unknown) => Promise<{ headers: Headers }> {
  const now = policy.now ?? Date.now;
  const sleep = policy.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let blockedUntil = 0;
  let lastLimit: string | undefined;
  const wait = async (ms: number, why: string): Promise<void> => {
    if (ms > policy.maxWaitMs) throw new RateLimitError(stopMessage(ms, policy, lastLimit, now()));
    policy.onWait?.(ms, why);
    await sleep(ms);
  };
  return async (request, options) => {
    for (let attempt = 0; ; attempt++) {
      const blocked = blockedUntil - now();
      if (blocked > 0) await wait(blocked, 'the rate limit is used up until it resets');
      try {
        const response = await request(options);
        lastLimit = header(response.headers, 'x-ratelimit-limit') ?? lastLimit;
        blockedUntil = exhaustedUntil(response.headers) ?? 0;
        return response;
      } catch (error) {
        const failure = error as RequestFailure;
        const headers = failure.response?.headers;
        lastLimit = header(headers, 'x-ratelimit-limit') ?? lastLimit;
        // The throttling plugin (client.ts) has already retried it: say what it is, not "lacks permission".
        if (isSecondaryLimit(failure) && policy.secondaryRetried)
          throw new RateLimitError(
            "GitHub's secondary rate limit (too many requests at once) stopped the request, retries included; wait a few minutes and run again",
          );
        const delay = typeof failure.status === 'number' ? retryDelay(failure.status, headers, now()) : undefined;
        if (delay === undefined || attempt >= 3) throw error;
        blockedUntil = 0;
        await wait(
          delay,
          header(headers, 'retry-after') !== undefined
            ? 'GitHub asked to slow down (secondary rate limit)'
            : 'the rate limit is used up until it resets',
        );
      }
    }
  };
}
