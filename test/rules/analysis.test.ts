import { describe, expect, it } from 'vitest';
import { analyseRule, compileRules } from '../../src/rules/compile.js';
import { buildRuleSet } from '../../src/scan/ruleset.js';
import { testRule } from '../helpers/rules.js';

describe('rule analysis computed at build time', () => {
  it('compiles every built-in rule exactly as analysing it on load does', async () => {
    const rules = await buildRuleSet();
    const onLoad = compileRules(rules.map(({ analysis: _, ...rule }) => rule));
    const prebuilt = compileRules(rules.map((rule) => ({ ...rule, analysis: analyseRule(rule) })));
    expect(prebuilt.map((r) => [r.spec.id, r.window, r.sticky !== undefined])).toEqual(onLoad.map((r) => [r.spec.id, r.window, r.sticky !== undefined]));
  });

  it('uses a rule\'s analysis when it has one, and an unbounded pattern gets an unbounded window', () => {
    const spec = testRule({ id: 'test-token', keywords: ['tok_'], pattern: 'tok_(?<secret>[a-z]{8})' });
    expect(analyseRule(spec)).toEqual({ maxMatchLength: 12, anchored: true });
    const [given] = compileRules([{ ...spec, analysis: { maxMatchLength: 999, anchored: false } }]);
    expect(given!.window).toBe(999);
    expect(given!.sticky).toBeUndefined();
    const [unbounded] = compileRules([testRule({ id: 'test-open', keywords: ['open'], pattern: 'open(?<secret>[a-z]+)' })]);
    expect(unbounded!.window).toBe(Infinity);
  });
});
