import { RegExpParser, visitRegExpAST, type AST } from '@eslint-community/regexpp';
import type { Problem } from '../core/errors.js';
import type { RuleSpec } from '../core/types.js';
import { startsWithKeyword } from './anchor.js';

const parser = new RegExpParser({ ecmaVersion: 2025 });

/**
 * A variable repetition inside another whose end is ambiguous splits a run of
 * text between the outer's iterations in exponentially many ways
 * (`(?:[a-z]{1,30}){1,30}!` on 44 letters never finishes), so any such pair
 * whose bounds multiply past this is refused; at 16 a near-miss tries at most
 * 2^16 splits.
 */
const NESTED_LIMIT = 16;
/**
 * Two variable repetitions in a row over overlapping characters (`[a-z]{1,4000}[a-z]{1,4000}`)
 * try every split of a run at each start: the widths of their ranges multiplied.
 * Past this a near-miss costs too much per start (the built-in rules stay below 120000).
 */
const ADJACENT_LIMIT = 200_000;

export interface LintFinding {
  level: 'error' | 'warning';
  message: string;
}

/**
 * Catastrophic backtracking checks for a JavaScript regex (docs/rules.md: we run a
 * backtracking engine, so patterns must be written not to need it):
 * - no unbounded repetition (`*`, `+`, `{n,}`) except of a single literal character;
 * - no repetition nested in a repetition when both vary, where the inner one stops is ambiguous, and
 *   their bounds multiply past 16 (`(?:[a-z]{1,30}){1,30}`);
 * - no repeated group whose alternatives can start with the same character (`(a|ab){1,9}`);
 * - no two variable repetitions in a row over the same characters whose ranges multiply past 200000
 *   (`\w{1,1000}\w{1,1000}`: polynomial, not exponential, but as slow in practice).
 */
export function lintPattern(pattern: string, flags = ''): LintFinding[] {
  let ast: AST.Pattern;
  try {
    ast = parser.parsePattern(pattern, 0, pattern.length, { unicode: flags.includes('u'), unicodeSets: flags.includes('v') });
  } catch (error) {
    return [{ level: 'error', message: `does not parse: ${(error as Error).message}` }];
  }
  const out: LintFinding[] = [];
  const ignoreCase = flags.includes('i');
  visitRegExpAST(ast, {
    onAlternativeEnter(node) {
      for (const pair of adjacentOverlaps(node.elements, ignoreCase)) {
        out.push({ level: 'error', message: `repetitions "${pair[0].raw}" and "${pair[1].raw}" in a row can both match the same characters, so a run of them splits ${pair[2] === Infinity ? 'endlessly many' : pair[2]} ways at every start; make them match different characters or fix one's length` });
      }
    },
    onQuantifierEnter(node) {
      if (node.max === Infinity && node.element.type !== 'Character') {
        out.push({ level: 'error', message: `unbounded repetition "${node.raw}": bound it (e.g. {0,64}) so a long run of matching text cannot make the regex backtrack for ever` });
      }
      if (node.max > 1 && node.min !== node.max) {
        for (const inner of quantifiersWithin(node.element)) {
          // A variable repetition inside another backtracks only when where it stops is ambiguous:
          // when what may follow it could also be more of it.
          if (inner.max > 1 && inner.min !== inner.max && node.max * inner.max > NESTED_LIMIT && ambiguousEnd(inner, node, ignoreCase)) {
            out.push({ level: 'error', message: `nested repetition "${inner.raw}" inside "${node.raw}": the bounds multiply to ${node.max === Infinity || inner.max === Infinity ? 'infinity' : node.max * inner.max}; make one of them fixed-length` });
          }
        }
      }
      if (node.max > 1 && (node.element.type === 'Group' || node.element.type === 'CapturingGroup') && node.element.alternatives.length > 1) {
        const overlap = overlappingAlternatives(node.element.alternatives, ignoreCase);
        if (overlap) out.push({ level: 'error', message: `alternatives in the repeated group "${node.raw}" can both start with "${overlap}", which backtracks on near-misses; make them start differently` });
      }
    },
  });
  return out;
}

/** Variable repetitions followed (past only optional elements) by another over overlapping characters, with their split count. */
function adjacentOverlaps(elements: readonly AST.Element[], ignoreCase: boolean): [AST.Quantifier, AST.Quantifier, number][] {
  const out: [AST.Quantifier, AST.Quantifier, number][] = [];
  elements.forEach((first, i) => {
    if (first.type !== 'Quantifier' || first.max === first.min) return;
    const own = elementChars(first.element, ignoreCase);
    if (!own) return;
    for (const next of elements.slice(i + 1)) {
      if (next.type === 'Quantifier' && next.max !== next.min) {
        const splits = (first.max - first.min) * (next.max - next.min);
        const theirs = elementChars(next.element, ignoreCase);
        if (splits > ADJACENT_LIMIT && theirs && [...own].some((c) => theirs.has(c))) {
          out.push([first, next, splits]);
          return;
        }
      }
      if (!nullable(next)) return;
    }
  });
  return out;
}

function quantifiersWithin(node: AST.Node): AST.Quantifier[] {
  const found: AST.Quantifier[] = [];
  const visit = (n: AST.Node): void => {
    if (n.type === 'Quantifier') found.push(n);
    if ('alternatives' in n) for (const a of n.alternatives) visit(a);
    if ('elements' in n && n.type === 'Alternative') for (const e of n.elements) visit(e);
    if (n.type === 'Quantifier') visit(n.element);
  };
  visit(node);
  return found;
}

const ALL = (): Set<number> => new Set<number>(Array.from({ length: 128 }, (_u, i) => i));

/** Whether an element can match the empty string. */
function nullable(element: AST.Element): boolean {
  if (element.type === 'Assertion') return true;
  if (element.type === 'Quantifier') return element.min === 0 || nullable(element.element);
  if (element.type === 'Group' || element.type === 'CapturingGroup') return element.alternatives.some((a) => a.elements.every(nullable));
  return false;
}

/**
 * ASCII characters a sequence of elements may start with (optional elements
 * add their characters and let the next ones in). `undefined`: the sequence can
 * be empty, so what follows it counts too.
 */
function sequenceChars(elements: readonly AST.Element[], ignoreCase: boolean): Set<number> | undefined {
  const set = new Set<number>();
  for (const element of elements) {
    if (element.type === 'Assertion') continue;
    const chars = elementChars(element, ignoreCase) ?? ALL();
    for (const c of chars) set.add(c);
    if (!nullable(element)) return set;
  }
  return undefined;
}

/** ASCII characters an alternative may start with; all of them when it can be empty. */
function firstChars(alternative: AST.Alternative, ignoreCase: boolean): Set<number> {
  return sequenceChars(alternative.elements, ignoreCase) ?? ALL();
}

/**
 * Whether the text after `inner` (inside `outer`, including the start of the
 * next repetition of `outer`) may begin with a character `inner` also matches.
 * Not when a required element follows that neither `inner` nor the optional
 * elements before it can match (`[^\n]{0,200}\r?\n`): that element then pins
 * where each repetition of `outer` ends, and the choices left are local.
 */
function ambiguousEnd(inner: AST.Quantifier, outer: AST.Quantifier, ignoreCase: boolean): boolean {
  const own = elementChars(inner.element, ignoreCase) ?? ALL();
  const follow = new Set<number>();
  let node: AST.Node = inner;
  for (;;) {
    const parent = node.parent as AST.Node | null;
    if (!parent) return true;
    if (parent.type === 'Alternative') {
      const rest = parent.elements.slice(parent.elements.indexOf(node as AST.Element) + 1);
      const chars = sequenceChars(rest, ignoreCase);
      if (chars) {
        if (pinnedBy(rest, own, ignoreCase)) return false;
        for (const c of chars) follow.add(c);
        break;
      }
      for (const c of rest.flatMap((e) => [...(elementChars(e, ignoreCase) ?? [])])) follow.add(c);
      node = parent;
      continue;
    }
    if ((parent as AST.Node) === outer) {
      for (const c of elementChars(outer.element, ignoreCase) ?? ALL()) follow.add(c);
      break;
    }
    node = parent;
  }
  for (const c of own) if (follow.has(c)) return true;
  return false;
}

/**
 * Whether the first required element of `rest` matches none of `own` and none
 * of the characters of the optional elements before it.
 */
function pinnedBy(rest: readonly AST.Element[], own: Set<number>, ignoreCase: boolean): boolean {
  const before = new Set(own);
  for (const element of rest) {
    if (element.type === 'Assertion') continue;
    const chars = elementChars(element, ignoreCase);
    if (!chars) return false;
    if (!nullable(element)) return ![...chars].some((c) => before.has(c));
    for (const c of chars) before.add(c);
  }
  return false;
}

function elementChars(element: AST.Element, ignoreCase: boolean): Set<number> | undefined {
  const add = (set: Set<number>, code: number): void => {
    set.add(code);
    if (ignoreCase && code >= 65 && code <= 90) set.add(code + 32);
    if (ignoreCase && code >= 97 && code <= 122) set.add(code - 32);
  };
  const ascii = (test: (c: string) => boolean): Set<number> => {
    const set = new Set<number>();
    for (let c = 0; c < 128; c++) if (test(String.fromCharCode(c))) set.add(c);
    return set;
  };
  switch (element.type) {
    case 'Character': {
      const set = new Set<number>();
      add(set, element.value);
      return set;
    }
    case 'CharacterSet':
    case 'CharacterClass': {
      try {
        const regex = new RegExp(element.raw, ignoreCase ? 'i' : '');
        return ascii((c) => regex.test(c));
      } catch {
        return undefined;
      }
    }
    case 'Quantifier':
      // Whether it may be empty is sequenceChars' concern; here, what it starts with when it is not.
      return elementChars(element.element, ignoreCase);
    case 'Group':
    case 'CapturingGroup': {
      const set = new Set<number>();
      for (const alternative of element.alternatives) for (const c of firstChars(alternative, ignoreCase)) set.add(c);
      return set;
    }
    default:
      return undefined;
  }
}

function overlappingAlternatives(alternatives: readonly AST.Alternative[], ignoreCase: boolean): string | undefined {
  const sets = alternatives.map((a) => firstChars(a, ignoreCase));
  for (let i = 0; i < sets.length; i++) {
    for (let j = i + 1; j < sets.length; j++) {
      for (const c of sets[i]!) if (sets[j]!.has(c)) return String.fromCharCode(c);
    }
  }
  return undefined;
}

/** Lints a rule: its pattern and its `near` patterns; warns when keywords could anchor it but do not. */
export function lintRule(rule: RuleSpec): Problem[] {
  const problems: Problem[] = [];
  const at = (level: string, message: string): void => {
    problems.push({ file: rule.source?.file ?? '(inline)', line: rule.source?.line, subject: rule.id, message: `${level}: ${message}` });
  };
  for (const finding of lintPattern(rule.pattern, rule.flags)) at(finding.level, `pattern ${finding.message}`);
  for (const near of rule.near ?? []) {
    if (near.pattern) for (const finding of lintPattern(near.pattern, near.flags)) at(finding.level, `near pattern ${finding.message}`);
  }
  return problems;
}

/** Rules whose every match does not start at a keyword run in windows around hits, which costs more. */
export function isAnchored(rule: RuleSpec): boolean {
  return startsWithKeyword(rule.pattern, rule.flags, rule.keywords);
}
