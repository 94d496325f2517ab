import path from 'node:path';
import { RuleError } from '../../core/errors.js';
import type { RuleSpec } from '../../core/types.js';
import { builtinRules } from '../../rules/builtin.js';
import { checkRuleSet } from '../../rules/check.js';
import { checkExamples } from '../../scan/examples.js';
import { listRuleFiles, readRuleFiles } from '../../rules/load.js';
import { lintRule } from '../../rules/lint.js';
import { verifiesRule } from '../../verify/rules.js';
import type { CliIO } from '../io.js';
import type { Command } from './types.js';

function listRules(rules: readonly RuleSpec[], format: string, io: CliIO): number {
  if (format === 'json') {
    const rows = rules.map((r) => ({
      id: r.id,
      title: r.title,
      provider: r.provider,
      severity: r.severity,
      confidence: r.confidence,
      keywords: r.keywords,
      reported: r.report !== false,
      verifies: verifiesRule(r),
    }));
    io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  const width = Math.max(...rules.map((r) => r.id.length));
  // The verify column: whether --verify can tell a live secret of this rule from a dead one.
  for (const r of rules)
    io.stdout.write(
      `${r.id.padEnd(width)}  ${r.severity.padEnd(8)}  ${r.confidence.padEnd(6)}  ${verifiesRule(r) ? 'verify' : '-     '}  ${r.title}\n`,
    );
  const verifying = rules.filter(verifiesRule).length;
  io.stdout.write(
    `${rules.length} rules from ${new Set(rules.map((r) => r.providerKey)).size} providers; ${verifying} verify with --verify (column "verify")\n`,
  );
  return 0;
}

async function testRules(files: readonly string[], io: CliIO): Promise<number> {
  let rules: RuleSpec[];
  let all: RuleSpec[];
  if (files.length === 0) {
    rules = builtinRules();
    all = rules;
  } else {
    rules = readOrThrow(files);
    // Custom rules may name built-in ones in `near`.
    all = [...builtinRules().filter((b) => !rules.some((r) => r.id === b.id)), ...rules];
  }
  const problems = checkRuleSet(all);
  if (problems.length > 0) throw new RuleError(problems);
  const failures = await checkExamples(rules, all);
  for (const f of failures)
    io.stdout.write(`FAIL ${f.file ? `${f.file}:${f.line ?? ''} ` : ''}${f.ruleId}: ${f.kind} example ${f.index}: ${f.message}\n`);
  const examples = rules.reduce((n, r) => n + r.examples.positive.length + r.examples.negative.length, 0);
  io.stdout.write(`${rules.length} rules, ${examples} examples, ${failures.length} failure${failures.length === 1 ? '' : 's'}\n`);
  return failures.length > 0 ? 1 : 0;
}

function lintRules(files: readonly string[], io: CliIO): number {
  const rules = files.length === 0 ? builtinRules() : readOrThrow(files);
  const problems = rules.flatMap(lintRule);
  for (const p of problems) io.stdout.write(`${p.file}${p.line ? `:${p.line}` : ''}: ${p.subject}: ${p.message}\n`);
  const errors = problems.filter((p) => p.message.startsWith('error')).length;
  io.stdout.write(`${rules.length} rules, ${errors} error${errors === 1 ? '' : 's'}\n`);
  return errors > 0 ? 1 : 0;
}

function readOrThrow(files: readonly string[]): RuleSpec[] {
  const read = readRuleFiles(listRuleFiles(files));
  if (read.problems.length > 0) throw new RuleError(read.problems);
  return read.rules;
}

export const rulesCommand: Command = {
  command: 'rules <action> [files..]',
  describe: 'List the rules, test rule files against their examples, or lint their patterns',
  builder: (yargs) =>
    yargs
      .positional('action', {
        choices: ['list', 'test', 'lint'] as const,
        describe: 'list: show the rules; test: run rule examples through the engine; lint: check patterns for catastrophic backtracking',
      })
      .positional('files', { type: 'string', array: true, describe: 'Rule files or folders (test; default: the built-in rules)' })
      .option('format', { choices: ['text', 'json'] as const, default: 'text', describe: 'Output format of list' }),
  async run(argv, io) {
    const action = argv.action as string;
    const files = ((argv.files as string[] | undefined) ?? []).map((f) => path.resolve(io.cwd, f));
    if (action === 'list') return listRules(builtinRules(), argv.format as string, io);
    if (action === 'lint') return lintRules(files, io);
    return testRules(files, io);
  },
};
