import { createHash } from 'node:crypto';
import { redactText } from '../core/redact.js';
import type { Finding, RuleSpec, Verification } from '../core/types.js';
import { builtinRules } from '../rules/builtin.js';
import { hostAllowed, parseHost } from './hosts.js';
import { Http, type HttpSettings } from './http.js';
import { chain, limiter, type Limiter } from './limits.js';
import { planFor, type Plan } from './plan.js';
import { revokeUrl, verifiesRule } from './rules.js';
import { isVerification, unknown, type InputContext } from './types.js';

export interface RunnerOptions {
  /** Requests in flight at once, over all providers. Default 8. */
  concurrency?: number;
  /** Requests in flight at once for one provider, unless its rules ask for fewer. Default 4. */
  providerConcurrency?: number;
  /** Requests a provider is sent per second, unless its rules ask for fewer. Default 10. */
  providerPerSecond?: number;
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
  /** The rules the findings came from (their `verify:` blocks). Default: the built-in rules. */
  rules?: readonly RuleSpec[];
  /** Called before each request: the URL the rule names and the URL really used (see `HttpSettings.onRequest`). */
  onRequest?: (intended: URL, sent: URL) => void;
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

const place = (f: Finding): string => `${f.path}\0${f.origin.commit?.sha ?? ''}\0${f.origin.blob ?? ''}`;

/** Each provider's limiter: the smallest concurrency and rate any of its rules asks for, within the run's defaults. */
function providerLimits(
  rules: readonly RuleSpec[],
  concurrency: number,
  perSecond: number,
): Map<string, { concurrency: number; perSecond: number }> {
  const limits = new Map<string, { concurrency: number; perSecond: number }>();
  for (const rule of rules) {
    if (!rule.verify) continue;
    const current = limits.get(rule.providerKey) ?? { concurrency, perSecond };
    limits.set(rule.providerKey, {
      concurrency: Math.min(current.concurrency, rule.verify.limit?.concurrency ?? concurrency),
      perSecond: Math.min(current.perSecond, rule.verify.limit?.perSecond ?? perSecond),
    });
  }
  return limits;
}

/**
 * Verifies findings: picks each one's plan from its rule's `verify:` block,
 * gathers what the request needs (paired ids, the site), and sends each
 * distinct request once a run, within per-provider and overall limits.
 * Returns one verdict a finding, in order. Findings whose rule does not verify
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
    onRequest: (intended, sent) => {
      summary.requests++;
      options.onRequest?.(intended, sent);
    },
  };
  const rules = options.rules ?? builtinRules();
  const verifying = new Map(rules.filter(verifiesRule).map((rule) => [rule.id, rule]));
  const allowedHosts = options.hosts ?? [];
  const overall = limiter(Math.max(1, options.concurrency ?? 8));
  const limits = providerLimits([...verifying.values()], Math.max(1, options.providerConcurrency ?? 4), options.providerPerSecond ?? 10);
  const limiters = new Map<string, Limiter>();
  const clients = new Map<string, Http>();
  const plans = new Map<string, Plan>();
  const cache = new Map<string, Promise<Verification>>();
  const byPlace = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byPlace.get(place(f));
    if (list) list.push(f);
    else byPlace.set(place(f), [f]);
  }

  // The nearest finding of rule `ruleId` in the same file (and commit): pairs a secret with an id reported on its own.
  const nearestFinding = (finding: Finding, ruleId: string): string | undefined => {
    let best: Finding | undefined;
    for (const other of byPlace.get(place(finding)) ?? []) {
      if (other.ruleId !== ruleId || Math.abs(other.line - finding.line) > PARTNER_LINES) continue;
      if (!best || Math.abs(other.line - finding.line) < Math.abs(best.line - finding.line)) best = other;
    }
    return best?.secret;
  };

  const contextOf = (finding: Finding, plan: Plan): InputContext => {
    const spec = plan.rule.verify;
    const related = (name: string): string | undefined => {
      const value = finding.related?.[name] ?? finding.context?.[name] ?? nearestFinding(finding, name);
      const shape = spec.partners?.[name]?.value;
      return value !== undefined && shape && !new RegExp(`^(?:${shape})$`).test(value) ? undefined : value;
    };
    return {
      related,
      site() {
        const site = spec.site;
        if (!site) return unknown(`${plan.rule.id} names no site to contact`);
        const found = related(site.partner);
        if (!found) return unknown(`no ${plan.rule.provider} site host found near the secret`);
        let host = parseHost(found);
        if (!host) return unknown('the site found near the secret is not a plain host name; not contacted');
        if (site.suffix && !host.includes('.')) host += site.suffix;
        if (!hostAllowed(host, site.hosts, allowedHosts))
          return unknown(`site ${host} is not a ${site.hosts.join(' or ')} site; not contacted (allow it with --verify-host ${host})`);
        return { host };
      },
    };
  };

  const withRevoke = (verdict: Verification, rule: RuleSpec): Verification => {
    const link = verdict.status === 'dead' ? undefined : revokeUrl(rule);
    return link ? { ...verdict, revokeUrl: link } : verdict;
  };

  // Facts and reasons come from the provider's answer: the secret never shows in them, its partners not in facts.
  const masked = (verdict: Verification, finding: Finding): Verification => {
    const out: Verification = { ...verdict, reason: redactText(verdict.reason, [finding.secret]) };
    if (verdict.facts) {
      const hide = [finding.secret, ...Object.values(finding.related ?? {})];
      out.facts = Object.fromEntries(Object.entries(verdict.facts).map(([name, value]) => [name, redactText(value, hide)]));
    }
    return out;
  };

  const verifyOne = async (finding: Finding): Promise<Verification> => {
    const rule = verifying.get(finding.ruleId);
    if (!rule) return unknown(`no verifier for ${finding.ruleId}`);
    let plan = plans.get(rule.id);
    if (!plan) plans.set(rule.id, (plan = planFor(rule)));
    let input: unknown;
    try {
      input = plan.input(finding, contextOf(finding, plan));
    } catch {
      return withRevoke(unknown('could not prepare the verification request'), rule);
    }
    if (isVerification(input)) return withRevoke(input, rule);
    // The same check with the same inputs (secret, paired id, site), from any rule: one request a run.
    // The key is hashed so no secret sits in it.
    const { request, use, live, dead, facts } = rule.verify;
    const key = createHash('sha256')
      .update(rule.providerKey)
      .update('\0')
      .update(JSON.stringify({ request, use, live, dead, facts }))
      .update('\0')
      .update(JSON.stringify(input))
      .digest('hex');
    let pending = cache.get(key);
    if (!pending) {
      const provider = rule.providerKey;
      let http = clients.get(provider);
      if (!http) clients.set(provider, (http = new Http(provider, settings)));
      let limit = limiters.get(provider);
      if (!limit) {
        const own = limits.get(provider)!;
        limiters.set(provider, (limit = chain(limiter(own.concurrency, own.perSecond), overall)));
      }
      const client = http;
      const current = plan;
      pending = limit
        .run(() => current.run(input, client))
        .catch((error: unknown) => unknown(`verification failed (${(error as Error).name || 'error'})`));
      cache.set(key, pending);
    }
    return withRevoke(masked(await pending, finding), rule);
  };

  const results = await Promise.all(findings.map(verifyOne));
  for (const result of results) summary[result.status]++;
  return { results, summary };
}
