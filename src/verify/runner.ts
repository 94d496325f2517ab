import { createHash } from 'node:crypto';
import type { Finding, Verification } from '../core/types.js';
import { hostAllowed } from './hosts.js';
import { Http, type HttpSettings } from './http.js';
import { verifierFor, VERIFIERS } from './registry.js';
import { isVerification, unknown, type InputContext, type Verifier } from './types.js';

export interface RunnerOptions {
  /** Requests in flight at once. Default 8. */
  concurrency?: number;
  /** Per request, in milliseconds. Default 10000. */
  timeoutMs?: number;
  /** Extra attempts after 429 or 5xx. Default 2. */
  retries?: number;
  /** First retry delay in milliseconds (doubling) when there is no Retry-After. Default 500. */
  backoffMs?: number;
  /** Longest Retry-After honoured, in milliseconds. Default 30000. */
  maxRetryAfterMs?: number;
  /** `--verify-host`: hosts from scanned content that may receive credentials. */
  hosts?: readonly string[];
  /** `--verify-endpoint`: provider key → origin. */
  endpoints?: ReadonlyMap<string, string>;
  userAgent?: string;
  verifiers?: readonly Verifier[];
}

export interface VerifySummary {
  live: number;
  dead: number;
  unknown: number;
  /** HTTP requests sent, retries included. */
  requests: number;
}

/** Lines within which a finding of a partner rule (an AWS access key id) pairs with a secret that has no `near` of its own. */
const PARTNER_LINES = 10;

/** A tiny semaphore: at most `limit` tasks run at once. */
function limiter(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await task();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

const place = (f: Finding): string => `${f.path}\0${f.origin.commit?.sha ?? ''}\0${f.origin.blob ?? ''}`;

/**
 * Verifies findings: picks each one's verifier, gathers what the request needs
 * (paired ids, the site), and sends each distinct request once a run, a few at
 * a time. Returns one verdict a finding, in order. Findings without a verifier
 * are `unknown`. Never throws for a failed request.
 */
export async function verifyFindings(
  findings: readonly Finding[],
  options: RunnerOptions = {},
): Promise<{ results: Verification[]; summary: VerifySummary }> {
  const summary: VerifySummary = { live: 0, dead: 0, unknown: 0, requests: 0 };
  const settings: HttpSettings = {
    timeoutMs: options.timeoutMs ?? 10_000,
    retries: options.retries ?? 2,
    backoffMs: options.backoffMs ?? 500,
    maxRetryAfterMs: options.maxRetryAfterMs ?? 30_000,
    userAgent: options.userAgent ?? 'keyhound (secret verification)',
    endpoints: options.endpoints ?? new Map(),
    onRequest: () => summary.requests++,
  };
  const verifiers = options.verifiers ?? VERIFIERS;
  const hosts = options.hosts ?? [];
  const run = limiter(Math.max(1, options.concurrency ?? 8));
  const clients = new Map<string, Http>();
  const cache = new Map<string, Promise<Verification>>();
  const byPlace = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byPlace.get(place(f));
    if (list) list.push(f);
    else byPlace.set(place(f), [f]);
  }

  const contextOf = (finding: Finding): InputContext => ({
    related: (name) => finding.related?.[name] ?? finding.context?.[name] ?? partner(finding, name),
    hostAllowed: (host, known) => hostAllowed(host, known, hosts),
  });
  // The nearest finding of rule `ruleId` in the same file (and commit): pairs a secret with an id reported on its own.
  const partner = (finding: Finding, ruleId: string): string | undefined => {
    let best: Finding | undefined;
    for (const other of byPlace.get(place(finding)) ?? []) {
      if (other.ruleId !== ruleId || Math.abs(other.line - finding.line) > PARTNER_LINES) continue;
      if (!best || Math.abs(other.line - finding.line) < Math.abs(best.line - finding.line)) best = other;
    }
    return best?.secret;
  };

  const verifyOne = (finding: Finding): Promise<Verification> => {
    const verifier = verifierFor(finding, verifiers);
    if (!verifier) return Promise.resolve(unknown(`no verifier for ${finding.ruleId}`));
    let input: unknown;
    try {
      input = verifier.input(finding, contextOf(finding));
    } catch {
      return Promise.resolve(unknown('could not prepare the verification request'));
    }
    if (isVerification(input)) return Promise.resolve(input);
    // Same provider and same inputs (secret, paired id, site): one request a run. The key is hashed so no secret sits in it.
    const key = createHash('sha256').update(verifier.provider).update('\0').update(JSON.stringify(input)).digest('hex');
    let pending = cache.get(key);
    if (!pending) {
      let http = clients.get(verifier.provider);
      if (!http) clients.set(verifier.provider, (http = new Http(verifier.provider, settings)));
      const client = http;
      pending = run(() => verifier.verify(input, client)).catch((error: unknown) =>
        unknown(`verification failed (${(error as Error).name ?? 'error'})`),
      );
      cache.set(key, pending);
    }
    return pending;
  };

  const results = await Promise.all(findings.map(verifyOne));
  for (const result of results) summary[result.status]++;
  return { results, summary };
}
