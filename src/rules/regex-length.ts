import { RegExpParser, type AST } from '@eslint-community/regexpp';

const parser = new RegExpParser({ ecmaVersion: 2025 });

/**
 * The longest text a pattern can match, in UTF-16 units, or Infinity when a
 * repetition is unbounded. The engine sizes keyword windows with it: every
 * match that contains a keyword hit lies within this distance of the hit, so
 * windows cost nothing in recall.
 */
export function maxMatchLength(pattern: string, flags = ''): number {
  const ast = parser.parsePattern(pattern, 0, pattern.length, { unicode: flags.includes('u'), unicodeSets: flags.includes('v') });
  // Without the u or v flag a class or `.` matches one UTF-16 unit; with it, possibly a surrogate pair.
  const unit = flags.includes('u') || flags.includes('v') ? 2 : 1;
  return measure(ast, unit, new Set());
}

/** `open`: the groups being measured, around `node`; a backreference to one of them matches nothing (JavaScript semantics). */
function measure(node: AST.Node, unit: number, open: Set<AST.CapturingGroup>): number {
  switch (node.type) {
    case 'Pattern':
    case 'Group':
      return Math.max(0, ...node.alternatives.map((a) => measure(a, unit, open)));
    case 'CapturingGroup': {
      open.add(node);
      const longest = Math.max(0, ...node.alternatives.map((a) => measure(a, unit, open)));
      open.delete(node);
      return longest;
    }
    case 'Alternative':
      return node.elements.reduce((sum, element) => sum + measure(element, unit, open), 0);
    case 'Quantifier': {
      const inner = measure(node.element, unit, open);
      if (inner === 0) return 0;
      return node.max === Infinity ? Infinity : inner * node.max;
    }
    case 'Character':
      return node.value > 0xffff ? 2 : 1;
    case 'CharacterClass':
    case 'CharacterSet':
    case 'ExpressionCharacterClass':
      return unit;
    case 'Assertion':
      return 0;
    case 'Backreference': {
      // It repeats what its group matched: no longer than the longest the group can match.
      const groups = Array.isArray(node.resolved) ? node.resolved : [node.resolved];
      return Math.max(0, ...groups.map((group) => (open.has(group) ? 0 : measure(group, unit, open))));
    }
    default:
      return Infinity;
  }
}
