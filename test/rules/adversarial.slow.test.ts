import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/detect/engine.js';
import { adversarialInputs } from '../../src/rules/adversarial.js';
import { builtinRulesDir, listRuleFiles, readRuleFiles } from '../../src/rules/load.js';

// Every built-in rule against inputs built to make its regex backtrack: each
// 1 MiB single line must scan within the budget. A budget, not a benchmark:
// a catastrophic pattern takes seconds to minutes here, a sound one
// milliseconds, so this tells them apart even on a busy machine.
const BUDGET_MS = 3000;
const { rules } = readRuleFiles(listRuleFiles([builtinRulesDir()]));

describe('rules on adversarial input', () => {
  it(`each of ${rules.length} rules scans every adversarial 1 MiB line within ${BUDGET_MS} ms`, async () => {
    const slow: string[] = [];
    let slowest = { ms: 0, what: '' };
    let cases = 0;
    for (const rule of rules) {
      const engine = new Engine([{ ...rule, report: true, near: undefined }]);
      await engine.prepare();
      for (const input of adversarialInputs(rule)) {
        const started = performance.now();
        engine.scan({ text: input.text, origin: { path: 'adversarial.txt' } });
        const ms = performance.now() - started;
        cases++;
        if (ms > slowest.ms) slowest = { ms, what: `${rule.id}: ${input.name}` };
        if (ms > BUDGET_MS) slow.push(`${rule.id}: ${input.name}: ${ms.toFixed(0)} ms`);
      }
    }
    console.log(`adversarial: ${cases} cases, slowest ${slowest.ms.toFixed(0)} ms (${slowest.what})`);
    expect(slow).toEqual([]);
  }, 600_000);
});
