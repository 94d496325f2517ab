import type { Verification } from '../core/types.js';
import { unknown } from './verdicts.js';

export interface HttpSettings {
  /** Per attempt. */
  timeoutMs: number;
  /** Extra attempts after a 429 or 5xx answer (never after a network error or timeout). */
  retries: number;
  /** First backoff; doubles each retry unless the answer says `Retry-After`. */
  backoffMs: number;
  /** The longest `Retry-After` honoured; longer waits give up with `unknown`. */
  maxRetryAfterMs: number;
  userAgent: string;
  /** `--verify-endpoint`: provider key → origin replacing the provider's scheme, host and port. */
  endpoints: ReadonlyMap<string, string>;
  /**
   * Called before every request that goes out (for the summary's count, and
   * for tests that prove which hosts a run meant to contact): the URL the
   * provider's rule names, and the URL really used (they differ under
   * `--verify-endpoint`).
   */
  onRequest?: (intended: URL, sent: URL) => void;
}

export interface HttpRequest {
  method: 'GET' | 'HEAD' | 'POST';
  /** Path and query, e.g. `/user` or `/api/auth.test`. */
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export type HttpAnswer = { kind: 'response'; status: number; headers: Headers; body: string } | { kind: 'failed'; reason: string };

/** A verdict never needs more of an answer than this; a bigger one is cut (and its JSON then unreadable). */
const MAX_BODY = 256 * 1024;

/** The body as text, at most `limit` bytes of it: a hostile or broken server cannot make keyhound buffer gigabytes. */
async function readCapped(response: Response, limit: number): Promise<string> {
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  // Leaving the loop early cancels the stream.
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    chunks.push(chunk);
    size += chunk.byteLength;
    if (size >= limit) break;
  }
  return Buffer.concat(chunks).subarray(0, limit).toString('utf8');
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** `Retry-After` in seconds or as an HTTP date (RFC 9110 §10.2.3), in milliseconds. */
function retryAfter(headers: Headers): number | undefined {
  const value = headers.get('retry-after');
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/**
 * The only road from a verifier to the network, one instance a provider: it
 * applies `--verify-endpoint`, the timeout, the retry policy and never follows
 * redirects (a redirect could carry the credential to another host).
 */
export class Http {
  constructor(
    private readonly provider: string,
    private readonly settings: HttpSettings,
  ) {}

  /** The origin a request for `origin` really goes to. */
  target(origin: string): string {
    return this.settings.endpoints.get(this.provider) ?? origin;
  }

  async send(origin: string, request: HttpRequest): Promise<HttpAnswer> {
    const intended = new URL(request.path, origin);
    const url = new URL(request.path, this.target(origin));
    const host = url.host;
    for (let attempt = 0; ; attempt++) {
      this.settings.onRequest?.(intended, url);
      let response: Response;
      try {
        response = await fetch(url, {
          method: request.method,
          headers: { 'user-agent': this.settings.userAgent, accept: 'application/json', ...request.headers },
          ...(request.body !== undefined ? { body: request.body } : {}),
          redirect: 'manual',
          signal: AbortSignal.timeout(this.settings.timeoutMs),
        });
      } catch (error) {
        const name = (error as Error).name;
        if (name === 'TimeoutError' || name === 'AbortError')
          return { kind: 'failed', reason: `${host} did not answer within ${this.settings.timeoutMs / 1000} s` };
        const code = (error as { cause?: { code?: string } }).cause?.code ?? 'network error';
        return { kind: 'failed', reason: `could not reach ${host} (${code})` };
      }
      const status = response.status;
      let body: string;
      try {
        body = await readCapped(response, MAX_BODY);
      } catch {
        return { kind: 'failed', reason: `${host} broke off its answer (HTTP ${status})` };
      }
      if ((status === 429 || status >= 500) && attempt < this.settings.retries) {
        const wait = retryAfter(response.headers) ?? this.settings.backoffMs * 2 ** attempt;
        if (wait > this.settings.maxRetryAfterMs) return { kind: 'response', status, headers: response.headers, body };
        await sleep(wait);
        continue;
      }
      return { kind: 'response', status, headers: response.headers, body };
    }
  }
}

/** A JSON body, or undefined when it is not JSON. */
export function json(answer: HttpAnswer): Record<string, unknown> | undefined {
  if (answer.kind !== 'response') return undefined;
  try {
    const value: unknown = JSON.parse(answer.body);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The verdict for answers a verifier does not handle itself: failures, rate limits, server errors, anything unexpected. */
export function inconclusive(answer: HttpAnswer): Verification {
  if (answer.kind === 'failed') return unknown(answer.reason);
  if (answer.status === 429) return unknown('rate limited (HTTP 429); try again later');
  if (answer.status >= 500) return unknown(`the provider failed (HTTP ${answer.status})`);
  if (answer.status >= 300 && answer.status < 400) return unknown(`redirected (HTTP ${answer.status}); not followed`);
  return unknown(`unexpected answer (HTTP ${answer.status})`);
}

/** A short, printable piece of a provider's answer (a login, a team name) for a reason; never a body. */
export function field(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return undefined;
  const text = String(value)
    .replace(/[^\x20-\x7e]/g, '')
    .trim();
  return text.length > 0 ? text.slice(0, 80) : undefined;
}
