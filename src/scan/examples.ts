import type { RuleSpec } from '../core/types.js';
import { Engine } from '../detect/engine.js';
import { expandTemplates, seededRandom } from '../rules/templates.js';

export interface ExampleFailure {
  ruleId: string;
  file?: string;
  line?: number;
  kind: 'positive' | 'negative' | 'template';
  index: number;
  message: string;
}

/** A path an example is scanned under: one that the rule's `paths` globs accept. */
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
 * Runs each rule's examples through a real engine holding that rule alone
 * (plus the rules its `near` names): filters, checksums and windows included.
 * Failure messages describe the example by kind and number, never by its text.
 */
export async function checkExamples(rules: readonly RuleSpec[], all: readonly RuleSpec[] = rules): Promise<ExampleFailure[]> {
  const byId = new Map(all.map((rule) => [rule.id, rule]));
  const failures: ExampleFailure[] = [];
  for (const rule of rules) {
    const partners = (rule.near ?? []).flatMap((near) =>
      near.rule && byId.get(near.rule) ? [{ ...byId.get(near.rule)!, report: false }] : [],
    );
    // A building-block rule (report: false) is tested as if it reported, so its examples prove its pattern.
    const engine = new Engine([{ ...rule, report: true }, ...partners], { explain: true });
    await engine.prepare();
    const path = examplePath(rule);
    const fail = (kind: ExampleFailure['kind'], index: number, message: string): void => {
      failures.push({ ruleId: rule.id, file: rule.source?.file, line: rule.source?.line, kind, index, message });
    };
    const random = seededRandom(rule.id);
    rule.examples.positive.forEach((example, index) => {
      let text: string;
      let expected: string | undefined;
      try {
        const expanded = expandTemplates(example.text, random);
        text = expanded.text;
        expected =
          example.secret === undefined
            ? undefined
            : expandTemplates(example.secret.replaceAll('{{same}}', expanded.first ?? '{{same}}'), random).text;
      } catch (error) {
        fail('template', index + 1, (error as Error).message);
        return;
      }
      const result = engine.scan({ text, origin: { path } });
      const mine = result.findings.filter((f) => f.ruleId === rule.id);
      if (mine.length === 0) {
        const why = result.suppressed.filter((s) => s.ruleId === rule.id).map((s) => `${s.filter}: ${s.reason}`);
        fail('positive', index + 1, why.length > 0 ? `not reported; dropped by ${why.join('; ')}` : 'the pattern does not match');
      } else if (expected !== undefined && !mine.some((f) => f.secret === expected)) {
        fail(
          'positive',
          index + 1,
          `reported a secret of length ${mine[0]!.secret.length}, expected the given secret of length ${expected.length}`,
        );
      }
    });
    rule.examples.negative.forEach((example, index) => {
      let text: string;
      try {
        text = expandTemplates(example, random).text;
      } catch (error) {
        fail('template', index + 1, (error as Error).message);
        return;
      }
      const result = engine.scan({ text, origin: { path } });
      if (result.findings.some((f) => f.ruleId === rule.id)) fail('negative', index + 1, 'reported, but this example must not be');
    });
  }
  return failures;
}
