import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import { SourceError } from '../../core/errors.js';
import { version } from '../../version.js';
import { RateLimitError, rateLimitWrapper, type RateLimitPolicy } from './ratelimit.js';

export type GitHub = Octokit;

export const DEFAULT_API_URL = 'https://api.github.com';

export interface GitHubClientOptions {
  /** A token (classic or fine-grained PAT, or an Actions token). Without one, public data only at 60 requests an hour. */
  token?: string;
  /** REST API root: `https://api.github.com`, or `https://HOST/api/v3` on GitHub Enterprise Server. */
  apiUrl?: string;
  /** Longest rate-limit wait accepted, in milliseconds. Default 5 minutes. */
  maxWaitMs?: number;
  onWait?: RateLimitPolicy['onWait'];
  /** Where octokit's own warnings go (deprecations). Default: dropped. */
  warn?: (message: string) => void;
  /** Retries of a request GitHub failed with 5xx (or a dropped connection), with backoff 1, 4, 9 s. Default 3. */
  retries?: number;
  /** Milliseconds in one second of the waits GitHub asks for and of the retry backoff. Default 1000; tests shorten it. */
  timeUnitMs?: number;
}

/** Retries of a request a secondary rate limit stopped. */
const SECONDARY_RETRIES = 3;

/**
 * octokit with the two plugins GitHub's own clients use: plugin-retry retries
 * 5xx answers and dropped connections (one 502 must not end an audit of a
 * hundred repositories); plugin-throttling spaces writes out and retries
 * secondary rate limits, which GitHub answers with 403 and often no
 * `retry-after` (it asks for a minute then).
 */
const ThrottledOctokit = Octokit.plugin(retry, throttling);

/**
 * The web host for an API root, for links: `https://api.github.com` →
 * `https://github.com`; GHES `https://HOST/api/v3` → `https://HOST`.
 */
export function serverUrlFor(apiUrl: string): string {
  const url = new URL(apiUrl);
  if (url.hostname === 'api.github.com') return 'https://github.com';
  if (url.hostname.startsWith('api.') && url.hostname.endsWith('.ghe.com')) return `${url.protocol}//${url.hostname.slice(4)}`;
  return `${url.origin}${url.pathname.replace(/\/api\/v3\/?$/, '').replace(/\/+$/, '')}`;
}

/** An octokit client that retries outages and secondary limits, and waits out (or stops at) the primary rate limit. */
export function createGitHubClient(options: GitHubClientOptions = {}): GitHub {
  const maxWaitMs = options.maxWaitMs ?? 300_000;
  const unit = options.timeUnitMs ?? 1000;
  const octokit = new ThrottledOctokit({
    ...(options.token ? { auth: options.token } : {}),
    baseUrl: (options.apiUrl ?? DEFAULT_API_URL).replace(/\/+$/, ''),
    userAgent: `keyhound/${version()}`,
    // octokit logs request details at debug level; we print nothing of it, so no header can reach a log.
    log: { debug: () => {}, info: () => {}, warn: (m: string) => options.warn?.(m), error: (m: string) => options.warn?.(m) },
    retry: { retries: options.retries ?? 3, retryAfterBaseValue: unit },
    throttle: {
      retryAfterBaseValue: unit,
      // The primary limit is rateLimitWrapper's: it knows --max-wait and says when the limit resets.
      onRateLimit: () => false,
      onSecondaryRateLimit: (retryAfter: number, _request: unknown, _octokit: unknown, retryCount: number) => {
        const ms = retryAfter * 1000;
        if (retryCount >= SECONDARY_RETRIES || ms > maxWaitMs) return false;
        options.onWait?.(ms, 'GitHub asked to slow down (secondary rate limit)');
        return true;
      },
    },
  });
  // Registered last, so it wraps the plugins: it sees a failure only once they have given up on it.
  octokit.hook.wrap('request', rateLimitWrapper({ maxWaitMs, onWait: options.onWait, secondaryRetried: true }) as never);
  return octokit;
}

interface HttpFailure {
  name?: string;
  status?: number;
  message?: string;
  response?: { data?: unknown };
}

/** Whether an error is octokit's HTTP error with this status. */
export function isHttpError(error: unknown, status?: number): error is HttpFailure & { status: number } {
  const failure = error as HttpFailure | undefined;
  return typeof failure?.status === 'number' && failure.name === 'HttpError' && (status === undefined || failure.status === status);
}

/** What to do about each status, appended to the message. */
const ADVICE: Record<number, string> = {
  401: 'the token was rejected: check GITHUB_TOKEN or --token',
  403: 'the token lacks permission for this (or the repository blocks it)',
  404: 'not found, or the token cannot see it (private repositories need a token with access)',
  422: 'GitHub rejected the request as invalid',
};

/** An API failure with GitHub's status: callers tell a refused permission (401, 403, 404) from an outage. */
export class ApiError extends SourceError {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** Whether an error is GitHub refusing the token (no permission, no access, bad credentials), not an outage or a rate limit. */
export function isPermissionError(error: unknown): boolean {
  return error instanceof ApiError && [401, 403, 404].includes(error.status);
}

/**
 * Turns an API failure into a {@link SourceError} that says what was being
 * done, the status, GitHub's own message and what to do. GitHub's messages
 * never echo request bodies, and our requests carry no scanned content.
 */
export function apiError(error: unknown, doing: string, hint?: string): Error {
  if (error instanceof RateLimitError) return error;
  if (isHttpError(error) && !error.response) {
    // octokit reports a connection failure as a 500 without a response.
    return new SourceError(
      `GitHub API: ${doing} failed: could not reach the API (${error.message ?? 'network error'}); check --api-url and the network`,
    );
  }
  if (isHttpError(error)) {
    const data = error.response?.data as { message?: string } | undefined;
    const said = typeof data?.message === 'string' ? data.message : (error.message ?? '');
    const advice = [ADVICE[error.status] ?? (error.status >= 500 ? 'GitHub had a problem; try again later' : ''), hint]
      .filter(Boolean)
      .join('; ');
    return new ApiError(
      `GitHub API: ${doing} failed with ${error.status}${said ? ` (${said})` : ''}${advice ? `: ${advice}` : ''}`,
      error.status,
    );
  }
  return new SourceError(`GitHub API: ${doing} failed: ${(error as Error)?.message ?? String(error)}`);
}
