import { redactText } from '../core/redact.js';
import type { Verification } from '../core/types.js';
import type { JsonCondition, VerifyMatcher, VerifySpec } from '../core/verify-spec.js';
import { inconclusive, type HttpAnswer } from './http.js';
import { dead, live } from './types.js';

/** Longest fact kept; a list of scopes is cut, with an ellipsis. */
const MAX_FACT = 160;

type Response = Extract<HttpAnswer, { kind: 'response' }>;

/** Follows `a.b.0.c` through objects and arrays; `length` of an array is its length; `*` collects from every item. */
export function resolvePath(value: unknown, path: readonly string[]): unknown {
  let current: unknown[] = [value];
  let spread = false;
  for (const segment of path) {
    const next: unknown[] = [];
    for (const item of current) {
      if (segment === '*') {
        if (Array.isArray(item)) next.push(...(item as unknown[]));
        spread = true;
      } else if (Array.isArray(item)) {
        if (segment === 'length') next.push(item.length);
        else if (/^\d+$/.test(segment)) next.push((item as unknown[])[Number(segment)]);
      } else if (typeof item === 'object' && item !== null && Object.hasOwn(item, segment))
        next.push((item as Record<string, unknown>)[segment]);
    }
    current = next.filter((v) => v !== undefined);
  }
  return spread ? current : current[0];
}

/** A printable, bounded form of a scalar or a list of scalars; undefined for anything else or nothing. */
function printableValue(value: unknown): string | undefined {
  const one = (v: unknown): string | undefined =>
    typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
      ? String(v)
          .replace(/[^\x20-\x7e]/g, '')
          .trim() || undefined
      : undefined;
  const text = Array.isArray(value) ? value.map(one).filter(Boolean).join(', ') || undefined : one(value);
  if (text === undefined) return undefined;
  return text.length > MAX_FACT ? `${text.slice(0, MAX_FACT - 1)}…` : text;
}

class Parsed {
  private body?: { value: unknown };
  constructor(readonly answer: Response) {}

  json(): unknown {
    if (!this.body) {
      try {
        this.body = { value: JSON.parse(this.answer.body) as unknown };
      } catch {
        this.body = { value: undefined };
      }
    }
    return this.body.value;
  }

  /** `status`, `header.NAME` or `json.PATH`. */
  source(source: string): unknown {
    if (source === 'status') return this.answer.status;
    if (source.startsWith('header.')) return this.answer.headers.get(source.slice(7)) ?? undefined;
    return resolvePath(this.json(), source.slice(5).split('.'));
  }
}

function conditionHolds(value: unknown, condition: JsonCondition): boolean {
  if (typeof condition === 'object' && condition !== null && !Array.isArray(condition)) return (value !== undefined) === condition.exists;
  return (Array.isArray(condition) ? condition : [condition]).some((expected) => value === expected);
}

function matches(matcher: VerifyMatcher, parsed: Parsed): boolean {
  const { answer } = parsed;
  if (matcher.status && !matcher.status.includes(answer.status)) return false;
  if (matcher.body && !matcher.body.every((text) => answer.body.includes(text))) return false;
  for (const [name, regex] of Object.entries(matcher.headers ?? {})) {
    const value = answer.headers.get(name);
    if (value === null || !new RegExp(regex, 'i').test(value)) return false;
  }
  for (const [path, condition] of Object.entries(matcher.json ?? {})) {
    if (!conditionHolds(resolvePath(parsed.json(), path.split('.')), condition)) return false;
  }
  return true;
}

/** `{{name}}` from `values`; a `[...]` part whose placeholders lack a value is dropped. */
export function renderReason(template: string, values: Readonly<Record<string, string>>): string {
  const PLACEHOLDER = /\{\{([a-z][a-z0-9_-]{0,31})\}\}/g;
  const fill = (text: string): string | undefined =>
    [...text.matchAll(PLACEHOLDER)].every((m) => values[m[1]!] !== undefined)
      ? text.replace(PLACEHOLDER, (_whole, name: string) => values[name]!)
      : undefined;
  const withOptional = template.replace(/\[([^[\]]{0,200})\]/g, (_whole, inner: string) => fill(inner) ?? '');
  return fill(withOptional) ?? withOptional.replace(/\{\{[a-z][a-z0-9_-]{0,31}\}\}/g, '?');
}

export interface ClassifyContext {
  /** The provider's display name, for default reasons. */
  provider: string;
  /** The secret and its partners: masked wherever they would show up in facts or reasons. */
  mask: readonly string[];
  /** The host the request was meant for (`{{host}}` in a reason). */
  host: string;
}

/**
 * The verdict for an answer to an HTTP check: the first `live` matcher that
 * holds makes it live (with the facts), then the first `dead` one makes it
 * dead; anything else (a failure, 429, 5xx, a redirect, an answer no matcher
 * expects) is unknown. Facts and reasons never carry the secret.
 */
export function classify(answer: HttpAnswer, spec: VerifySpec, context: ClassifyContext): Verification {
  if (answer.kind !== 'response') return inconclusive(answer);
  const parsed = new Parsed(answer);
  const clean = (text: string): string => redactText(text, context.mask);
  const facts: Record<string, string> = {};
  for (const [name, source] of Object.entries(spec.facts ?? {})) {
    const value = printableValue(parsed.source(source));
    if (value !== undefined) facts[name] = clean(value);
  }
  const values = { ...facts, status: String(answer.status), host: context.host };
  const liveMatcher = spec.live?.find((m) => matches(m, parsed));
  if (liveMatcher) {
    const summary = Object.entries(facts)
      .map(([name, value]) => `; ${name}: ${value}`)
      .join('');
    const reason = liveMatcher.reason
      ? renderReason(liveMatcher.reason, values)
      : `${context.provider} accepted the credential (HTTP ${answer.status})${summary}`;
    return live(clean(reason), facts);
  }
  const deadMatcher = spec.dead?.find((m) => matches(m, parsed));
  if (deadMatcher) {
    const reason = deadMatcher.reason
      ? renderReason(deadMatcher.reason, values)
      : `${context.provider} rejected the credential (HTTP ${answer.status})`;
    return dead(clean(reason));
  }
  return inconclusive(answer);
}
