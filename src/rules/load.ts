import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RuleError, type Problem } from '../core/errors.js';
import type { RuleSpec } from '../core/types.js';
import { checkRuleSet } from './check.js';
import { parseRuleFile } from './parse.js';

/** The `rules/` folder shipped with the package (two levels up from this module in src/ and in dist/). */
export function builtinRulesDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return path.resolve(here, '..', '..', 'rules');
}

/** Every `*.yaml` / `*.yml` file under the given files and folders, sorted. */
export function listRuleFiles(paths: readonly string[]): string[] {
  const files: string[] = [];
  for (const entry of paths) {
    let stat;
    try {
      stat = statSync(entry);
    } catch {
      throw new RuleError([{ file: entry, message: 'no such rules file or folder' }]);
    }
    if (stat.isDirectory()) {
      for (const name of readdirSync(entry).sort()) if (/\.ya?ml$/.test(name)) files.push(path.join(entry, name));
    } else files.push(entry);
  }
  return files;
}

/** Reads and validates rule files, collecting problems instead of stopping at the first. */
export function readRuleFiles(files: readonly string[]): { rules: RuleSpec[]; problems: Problem[] } {
  const rules: RuleSpec[] = [];
  const problems: Problem[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      problems.push({ file, message: `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` });
      continue;
    }
    const parsed = parseRuleFile(text, file, path.basename(file).replace(/\.ya?ml$/, ''));
    rules.push(...parsed.rules);
    problems.push(...parsed.problems);
  }
  return { rules, problems };
}

/** Loads rule files and throws one {@link RuleError} listing every problem. */
export function loadRules(paths: readonly string[]): RuleSpec[] {
  const { rules, problems } = readRuleFiles(listRuleFiles(paths));
  problems.push(...checkRuleSet(rules));
  if (problems.length > 0) throw new RuleError(problems);
  return rules;
}
