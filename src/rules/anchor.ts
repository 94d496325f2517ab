import { RegExpParser, type AST } from '@eslint-community/regexpp';

const parser = new RegExpParser({ ecmaVersion: 2025 });
/** Long enough to tell which keyword a match starts with; longer prefixes add nothing. */
const MAX_LITERAL = 32;
const MAX_LITERALS = 256;
/** A class or optional piece is expanded into its strings only when it is this small. */
const MAX_CLASS = 8;

interface Expansion {
  /** The literal strings the element sequence can start with. */
  prefixes: string[];
  /** True when `prefixes` are the whole of what the sequence matches. */
  complete: boolean;
}

/**
 * The literal strings every match of a pattern must start with (past leading
 * lookarounds and `\b`), or undefined when a match can start with something
 * that is not a short literal (a wide class, an open repetition).
 * `(?<![a-z])(?:ghp|gho)_x` → ["ghp_x", "gho_x"]; `abuse[_-]?ipdb` →
 * ["abuseipdb", "abuse_ipdb", "abuse-ipdb"].
 */
export function leadingLiterals(pattern: string, flags = ''): string[] | undefined {
  const ast = parser.parsePattern(pattern, 0, pattern.length, { unicode: flags.includes('u'), unicodeSets: flags.includes('v') });
  const expansion = alternatives(ast.alternatives);
  if (!expansion || expansion.prefixes.some((p) => p.length === 0)) return undefined;
  return [...new Set(expansion.prefixes)];
}

function alternatives(list: readonly AST.Alternative[]): Expansion | undefined {
  const prefixes: string[] = [];
  let complete = true;
  for (const alternative of list) {
    const expansion = sequence(alternative.elements);
    if (!expansion) return undefined;
    prefixes.push(...expansion.prefixes);
    complete &&= expansion.complete;
    if (prefixes.length > MAX_LITERALS) return undefined;
  }
  return { prefixes, complete };
}

function cross(heads: string[], tails: string[]): string[] | undefined {
  if (heads.length * tails.length > MAX_LITERALS) return undefined;
  return heads.flatMap((h) => tails.map((t) => (h + t).slice(0, MAX_LITERAL)));
}

/** The strings a single element matches, when they are few and literal. */
function strings(element: AST.Element | AST.CharacterClassElement): Expansion | undefined {
  switch (element.type) {
    case 'Character':
      return { prefixes: [String.fromCodePoint(element.value)], complete: true };
    case 'CharacterClass': {
      if (element.negate || element.unicodeSets) return undefined;
      const chars: string[] = [];
      for (const member of element.elements) {
        if (member.type === 'Character') chars.push(String.fromCodePoint(member.value));
        else if (member.type === 'CharacterClassRange' && member.max.value - member.min.value < MAX_CLASS) {
          for (let c = member.min.value; c <= member.max.value; c++) chars.push(String.fromCodePoint(c));
        } else return undefined;
        if (chars.length > MAX_CLASS) return undefined;
      }
      return { prefixes: chars, complete: true };
    }
    case 'Group':
    case 'CapturingGroup':
      return alternatives(element.alternatives);
    case 'Quantifier': {
      if (element.max > 1) return undefined;
      const inner = strings(element.element);
      if (!inner || !inner.complete) return undefined;
      return { prefixes: element.min === 0 ? ['', ...inner.prefixes] : inner.prefixes, complete: true };
    }
    default:
      return undefined;
  }
}

function sequence(elements: readonly AST.Element[]): Expansion | undefined {
  let index = 0;
  // Leading zero-width assertions do not move the start of the match.
  while (index < elements.length && elements[index]!.type === 'Assertion') index++;
  let prefixes = [''];
  for (; index < elements.length; index++) {
    const element = elements[index]!;
    if (element.type === 'Assertion') return { prefixes, complete: false };
    const expansion = strings(element);
    if (!expansion) return prefixes.every((p) => p.length > 0) ? { prefixes, complete: false } : undefined;
    const next = cross(prefixes, expansion.prefixes);
    if (!next) return prefixes.every((p) => p.length > 0) ? { prefixes, complete: false } : undefined;
    prefixes = next;
    if (!expansion.complete || prefixes.every((p) => p.length >= MAX_LITERAL)) return { prefixes, complete: false };
  }
  return { prefixes, complete: true };
}

/**
 * Whether every match must start where one of the keywords starts. Such a
 * rule's regex is tried only at keyword hits (sticky), once each: no windows,
 * no scanning, and no way to cut a match short.
 */
export function startsWithKeyword(pattern: string, flags: string | undefined, keywords: readonly string[]): boolean {
  const literals = leadingLiterals(pattern, flags);
  if (!literals) return false;
  return literals.every((literal) => keywords.some((keyword) => literal.toLowerCase().startsWith(keyword)));
}
