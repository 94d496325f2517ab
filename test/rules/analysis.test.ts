import { describe, expect, it } from 'vitest';
import { compileRules } from '../../src/detect/compile.js';
import { analyseRule } from '../../src/rules/analyse.js';
import { buildRuleSet } from '../../src/scan/ruleset.js';
import { testRule } from '../helpers/rules.js';

describe('rule analysis computed at build time', () => {
  it('compiles every built-in rule exactly as analysing it on load does', async () => {
    const rules = await buildRuleSet();
    const onLoad = compileRules(rules.map(({ analysis: _, ...rule }) => rule));
    const prebuilt = compileRules(rules.map((rule) => ({ ...rule, analysis: analyseRule(rule) })));
    const shape = (r: (typeof onLoad)[number]): unknown[] => [r.spec.id, r.window, r.sticky !== undefined, r.cheap, r.certain, r.gate?.source];
    expect(prebuilt.map(shape)).toEqual(onLoad.map(shape));
  });

  it('uses a rule\'s analysis when it has one, and an unbounded pattern gets an unbounded window', () => {
    const spec = testRule({ id: 'test-token', keywords: ['tok_'], pattern: 'tok_(?<secret>[a-z]{8})' });
    expect(analyseRule(spec)).toEqual({ maxMatchLength: 12, anchored: true, secretFirst: false });
    const [given] = compileRules([{ ...spec, analysis: { maxMatchLength: 999, anchored: false } }]);
    expect(given!.window).toBe(999);
    expect(given!.sticky).toBeUndefined();
    const [unbounded] = compileRules([testRule({ id: 'test-open', keywords: ['open'], pattern: 'open(?<secret>[a-z]+)' })]);
    expect(unbounded!.window).toBe(Infinity);
  });
});

describe('cheap and expensive rules', () => {
  it('puts built-in tokens with a literal prefix on the cheap path, and generic, context and custom rules in the budget', async () => {
    const rules = await buildRuleSet();
    const compiled = new Map(compileRules(rules).map((r) => [r.spec.id, r]));
    const kind = (id: string) => {
      const rule = compiled.get(id)!;
      return rule.certain ? 'certain' : rule.cheap ? 'cheap' : 'expensive';
    };
    expect(kind('github-pat-classic')).toBe('certain');
    expect(kind('aws-access-key-id')).toBe('certain');
    expect(kind('stripe-webhook-secret')).toBe('cheap');
    expect(kind('generic-password')).toBe('expensive');
    expect(kind('generic-api-key')).toBe('expensive');
    // A name, a gap and an assignment before the value: a context rule.
    expect(kind('jdbc-url-password')).toBe('expensive');
    // `near` partners.
    expect(kind('aws-secret-access-key-near-key-id')).toBe('expensive');
    // The same pattern from a rule file is not trusted to run unbudgeted.
    const github = rules.find((r) => r.id === 'github-pat-classic')!;
    const { builtin: _builtin, ...custom } = github;
    expect(compileRules([custom])[0]!.cheap).toBe(false);
    expect([...compiled.values()].filter((r) => r.cheap).length).toBeGreaterThan(150);
  });
});
