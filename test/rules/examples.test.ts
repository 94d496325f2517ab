import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRuleSet } from '../../src/rules/check.js';
import { checkExamples } from '../../src/scan/examples.js';
import { lintRule } from '../../src/rules/lint.js';
import { builtinRulesDir, listRuleFiles, readRuleFiles } from '../../src/rules/load.js';

// Every built-in rule file is valid, and every rule's positive examples are
// reported (and negatives are not) by a real engine holding that rule.
const files = listRuleFiles([builtinRulesDir()]);
const { rules, problems } = readRuleFiles(files);

describe('built-in rules', () => {
  it('load without problems', () => {
    const all = [...problems, ...checkRuleSet(rules)].map((p) => `${p.file}:${p.line ?? ''} ${p.subject ?? ''} ${p.message}`);
    expect(all).toEqual([]);
  });

  it('rule ids start with their file\'s provider key', () => {
    const wrong = rules.filter((rule) => !rule.id.startsWith(`${rule.providerKey}-`) && rule.id !== rule.providerKey).map((rule) => `${rule.id} in ${rule.providerKey}.yaml`);
    expect(wrong).toEqual([]);
  });

  it('pass the pattern linter (no catastrophic backtracking)', () => {
    const errors = rules.flatMap(lintRule).filter((p) => p.message.startsWith('error')).map((p) => `${p.subject}: ${p.message}`);
    expect(errors).toEqual([]);
  });

  for (const file of files) {
    const fileRules = rules.filter((rule) => rule.source?.file === file);
    it(`${path.basename(file)}: examples pass through the engine`, async () => {
      const failures = await checkExamples(fileRules, rules);
      expect(failures.map((f) => `${f.ruleId} ${f.kind} example ${f.index}: ${f.message}`)).toEqual([]);
    });
  }
});
