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
}

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

/** An octokit client that waits out (or stops at) rate limits. */
export function createGitHubClient(options: GitHubClientOptions = {}): GitHub {
  const octokit = new Octokit({
    ...(options.token ? { auth: options.token } : {}),
    baseUrl: (options.apiUrl ?? DEFAULT_API_URL).replace(/\/+$/, ''),
    userAgent: `keyhound/${version()}`,
    // octokit logs request details at debug level; we print nothing of it, so no header can reach a log.
    log: { debug: () => {}, info: () => {}, warn: (m: string) => options.warn?.(m), error: (m: string) => options.warn?.(m) },
  });
  octokit.hook.wrap('request', rateLimitWrapper({ maxWaitMs: options.maxWaitMs ?? 300_000, onWait: options.onWait }) as never);
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
