import { LineCounter, parseDocument, isMap, isNode, isScalar, isSeq, type Node } from 'yaml';
import type { Problem } from '../core/errors.js';
import type { RuleSpec } from '../core/types.js';
import { validateRule } from './validate.js';

export interface ParsedRules {
  rules: RuleSpec[];
  problems: Problem[];
}

const FILE_FIELDS = new Set(['provider', 'rules']);

/**
 * Parses one rules file. `providerKey` is the file's stem. Problems carry the
 * file and the line of the rule they belong to; a file with problems still
 * yields its good rules so every problem in every file can be shown at once.
 */
export function parseRuleFile(text: string, file: string, providerKey: string): ParsedRules {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems: Problem[] = [];
  const lineOf = (node: Node | null | undefined): number | undefined =>
    node?.range ? lineCounter.linePos(node.range[0]).line : undefined;

  if (document.errors.length > 0) {
    // The first error is the real one; the parser's later errors cascade from it, one a token.
    const error = document.errors[0]!;
    problems.push({ file, line: lineCounter.linePos(error.pos[0]).line, message: `invalid YAML: ${error.message.split('\n')[0]}` });
    return { rules: [], problems };
  }
  const root = document.contents;
  if (!isMap(root)) {
    problems.push({ file, line: 1, message: 'a rules file must be a mapping with "provider" and "rules"' });
    return { rules: [], problems };
  }
  const data = root.toJSON() as Record<string, unknown>;
  for (const key of Object.keys(data)) {
    if (!FILE_FIELDS.has(key)) problems.push({ file, line: lineOf(root.get(key, true)), message: `unknown top-level field "${key}" (known: provider, rules)` });
  }
  const providerName = typeof data.provider === 'string' && data.provider.trim() !== '' ? data.provider : undefined;
  if (!providerName) problems.push({ file, line: 1, message: 'missing "provider" (the provider\'s display name, e.g. "GitHub")' });
  const rulesNode = root.get('rules', true) as Node | undefined;
  if (!isSeq(rulesNode) || rulesNode.items.length === 0) {
    problems.push({ file, line: lineOf(rulesNode) ?? 1, message: '"rules" must be a non-empty list' });
    return { rules: [], problems };
  }
  const rules: RuleSpec[] = [];
  for (const item of rulesNode.items) {
    const raw: unknown = isNode(item) ? item.toJSON() : item;
    // Problems in a verify: block point at its `verify:` key.
    const verifyKey = isMap(item) ? item.items.find((pair) => isScalar(pair.key) && pair.key.value === 'verify')?.key : undefined;
    const verifyNode = isNode(verifyKey) ? verifyKey : undefined;
    const result = validateRule(raw, {
      file,
      line: lineOf(item as Node),
      providerName: providerName ?? providerKey,
      providerKey,
      ...(verifyNode ? { verifyLine: lineOf(verifyNode) } : {}),
    });
    problems.push(...result.problems);
    if (result.rule) rules.push(result.rule);
  }
  return { rules, problems };
}
