import type { Finding, RuleSpec } from '../../src/core/types.js';
import { NAMED_VERIFIERS, type VerifySpec } from '../../src/core/verify-spec.js';
import { Engine } from '../../src/detect/engine.js';
import { builtinRules } from '../../src/rules/builtin.js';
import { expandTemplates, seededRandom } from '../../src/rules/templates.js';
import { NAMED } from '../../src/verify/registry.js';
import { verifiesRule } from '../../src/verify/rules.js';

/**
 * What the generated verification tests need from the rules: each verifying
 * rule, the texts its examples expand to, and what its check promises to send
 * (method, path, where the secret travels, which hosts).
 */
export type VerifyingRule = RuleSpec & { verify: VerifySpec };

export const RULES: readonly RuleSpec[] = builtinRules();
export const VERIFYING: readonly VerifyingRule[] = RULES.filter(verifiesRule);

let engine: Engine | undefined;

/** One engine with every built-in rule, as a scan would run them. */
export async function fullEngine(): Promise<Engine> {
  if (!engine) {
    engine = new Engine([...RULES], { decode: 2 });
    await engine.prepare();
  }
  return engine;
}

/** A path the rule's `paths` globs accept. */
function examplePath(rule: RuleSpec): string {
  const glob = rule.paths?.[0];
  if (!glob) return 'example.txt';
  return glob
    .replace(/\*\*\//g, '')
    .replace(/\*\*/g, 'example')
    .replace(/\*/g, 'example')
    .replace(/[?[\]{}]/g, 'x');
}

/**
 * The rule's verification example (`verify.examples.text`) and its positive
 * examples, expanded, each scanned by the full engine: the findings of this
 * rule, with every other finding of the same text that does not verify (the
 * partners a check may pair with, like an AWS access key id).
 */
export async function exampleScans(rule: VerifyingRule): Promise<{ text: string; target: Finding; others: Finding[] }[]> {
  const scanner = await fullEngine();
  const random = seededRandom(`${rule.id}:verify`);
  const texts = [...(rule.verify.examples.text ? [rule.verify.examples.text] : []), ...rule.examples.positive.map((p) => p.text)];
  const out: { text: string; target: Finding; others: Finding[] }[] = [];
  for (const template of texts) {
    const text = expandTemplates(template, random).text;
    const { findings } = scanner.scan({ text, origin: { path: examplePath(rule) } });
    const target = findings.find((f) => f.ruleId === rule.id);
    if (target) out.push({ text, target, others: findings.filter((f) => f !== target && !RULES.find((r) => r.id === f.ruleId)?.verify) });
  }
  return out;
}

/** Where the rule's check puts the secret: `url`, `header:NAME`, `basic`, `body`, or nowhere (a signature). */
export function promisedPlaces(rule: VerifyingRule): string[] {
  const spec = rule.verify;
  if (spec.use) {
    const place = NAMED.get(spec.use)!.sends.secret;
    if (place === 'signature' || place === 'jwt-signature') return [];
    return [place === 'bearer' ? 'header:authorization' : place];
  }
  const request = spec.request!;
  const uses = (text: string | undefined): boolean => text !== undefined && /\{\{\s{0,2}secret\s{0,2}\}\}/.test(text);
  const places: string[] = [];
  if (uses(request.url)) places.push('url');
  for (const [name, text] of Object.entries(request.headers ?? {})) if (uses(text)) places.push(`header:${name.toLowerCase()}`);
  if (request.basic && (uses(request.basic.user) || uses(request.basic.password))) places.push('basic');
  if (uses(Object.values(request.form ?? {}).join('\n')) || uses(JSON.stringify(request.json ?? ''))) places.push('body');
  return places.sort();
}

/** The method and path (a regex) the rule's check sends. */
export function promisedRequest(rule: VerifyingRule): { method: string; path: RegExp } {
  const spec = rule.verify;
  // Braces are left alone: `{{secret}}` and `{AccountSid}` become "one path or query value".
  const escape = (text: string): string => text.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
  if (spec.use) {
    const sends = NAMED.get(spec.use)!.sends;
    return { method: sends.method, path: new RegExp(`^${escape(sends.path).replace(/\{[A-Za-z]+\}/g, '[^/?]+')}$`) };
  }
  const url = spec.request!.url.slice('https://'.length);
  const path = url.slice(url.split(/[/?]/, 1)[0]!.length) || '/';
  return { method: spec.request!.method, path: new RegExp(`^${escape(path).replace(/\{\{[^}]{1,80}\}\}/g, '[^/?&]+')}$`) };
}

/** The hosts (or host patterns) the rule may contact. */
export function promisedHosts(rule: VerifyingRule): string[] {
  const spec = rule.verify;
  if (spec.site) return spec.site.hosts;
  const url = spec.request?.url ?? NAMED_VERIFIERS[spec.use!]!.origin;
  return [new URL(url).host];
}
