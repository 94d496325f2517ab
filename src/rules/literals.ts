import { RegExpParser, type AST } from '@eslint-community/regexpp';

const parser = new RegExpParser({ ecmaVersion: 2025 });
const MIN = 3;

/**
 * Lower-case literals of which every match of a pattern contains at least one
 * (`xox[baprs]-` → `xox`; `(?:AKIA|ASIA)[A-Z0-9]{16}` → `akia`, `asia`), or
 * undefined when there is no such set of literals of three or more printable
 * ASCII characters. They serve as prefilter keywords for gitleaks rules that
 * name none: the engine runs a rule only where one of its keywords occurs.
 */
export function requiredLiterals(source: string, flags = ''): string[] | undefined {
  let ast: AST.Pattern;
  try {
    ast = parser.parsePattern(source, 0, source.length, { unicode: flags.includes('u') });
  } catch {
    return undefined;
  }
  const set = ofAlternatives(ast.alternatives);
  return set ? [...new Set(set)] : undefined;
}

/** A set that covers every alternative: the union of each alternative's set. */
function ofAlternatives(alternatives: readonly AST.Alternative[]): string[] | undefined {
  const out: string[] = [];
  for (const alternative of alternatives) {
    const set = ofSequence(alternative.elements);
    if (!set) return undefined;
    for (const literal of set) out.push(literal);
  }
  return out.length > 0 ? out : undefined;
}

/** The single character an element always matches (a letter in either case counts), if it is one. */
function charOf(element: AST.Element): string | undefined {
  if (element.type === 'Character') {
    const ch = String.fromCodePoint(element.value).toLowerCase();
    return /^[\x20-\x7e]$/.test(ch) ? ch : undefined;
  }
  // [aA], as RE2 translation writes case-insensitive letters.
  if (element.type === 'CharacterClass' && !element.negate && element.elements.length === 2) {
    const [a, b] = element.elements;
    if (a?.type === 'Character' && b?.type === 'Character') {
      const x = String.fromCodePoint(a.value);
      const y = String.fromCodePoint(b.value);
      if (x.toLowerCase() === y.toLowerCase() && /^[a-z]$/i.test(x)) return x.toLowerCase();
    }
  }
  return undefined;
}

/** In a sequence, the best set: a literal run, or the set of a required group; longer shortest-member first, then fewer members. */
function ofSequence(elements: readonly AST.Element[]): string[] | undefined {
  const options: string[][] = [];
  let run = '';
  const flush = (): void => {
    if (run.length >= MIN) options.push([run]);
    run = '';
  };
  for (const element of elements) {
    const ch = charOf(element);
    if (ch !== undefined) {
      run += ch;
      continue;
    }
    flush();
    if (element.type === 'Group' || element.type === 'CapturingGroup') {
      const set = ofAlternatives(element.alternatives);
      if (set) options.push(set);
    } else if (element.type === 'Quantifier' && element.min >= 1) {
      const inner = element.element;
      const set = inner.type === 'Group' || inner.type === 'CapturingGroup' ? ofAlternatives(inner.alternatives) : undefined;
      if (set) options.push(set);
    }
  }
  flush();
  if (options.length === 0) return undefined;
  const score = (set: string[]): number => set.reduce((min, s) => Math.min(min, s.length), Infinity) * 100 - set.length;
  return options.reduce((best, set) => (score(set) > score(best) ? set : best));
}
