import { RegExpParser, type AST } from '@eslint-community/regexpp';

const parser = new RegExpParser({ ecmaVersion: 2025 });
/** Long enough to tell which keyword a match starts with; longer prefixes add nothing. */
const MAX_LITERAL = 32;
const MAX_LITERALS = 256;
/** A class or optional piece is expanded into its strings only when it is this small. */
const MAX_CLASS = 8;

/** A literal a match can start with; `complete` when it is all the element sequence matches. */
interface Literal {
  text: string;
  complete: boolean;
}

type Expansion = Literal[];

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
  if (!expansion || expansion.some((l) => l.text.length === 0)) return undefined;
  return [...new Set(expansion.map((l) => l.text))];
}

function alternatives(list: readonly AST.Alternative[]): Expansion | undefined {
  const out: Literal[] = [];
  for (const alternative of list) {
    const expansion = sequence(alternative.elements);
    if (!expansion) return undefined;
    out.push(...expansion);
    if (out.length > MAX_LITERALS) return undefined;
  }
  return out;
}

/** The strings a single element matches, when they are few and literal. */
function strings(element: AST.Element | AST.CharacterClassElement): Expansion | undefined {
  switch (element.type) {
    case 'Character':
      return [{ text: String.fromCodePoint(element.value), complete: true }];
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
      return chars.map((text) => ({ text, complete: true }));
    }
    case 'Group':
    case 'CapturingGroup':
      return alternatives(element.alternatives);
    case 'Quantifier': {
      if (element.max > 1) return undefined;
      const inner = strings(element.element);
      if (!inner || inner.some((l) => !l.complete)) return undefined;
      return element.min === 0 ? [{ text: '', complete: true }, ...inner] : inner;
    }
    default:
      return undefined;
  }
}

/**
 * Expands a sequence element by element. A literal that is complete so far
 * takes every continuation of the next element; one that is not (its
 * alternative ran into a wide class) ends where it is.
 */
function sequence(elements: readonly AST.Element[]): Expansion | undefined {
  let index = 0;
  // Leading zero-width assertions do not move the start of the match.
  while (index < elements.length && elements[index]!.type === 'Assertion') index++;
  let literals: Literal[] = [{ text: '', complete: true }];
  for (; index < elements.length; index++) {
    if (literals.every((l) => !l.complete || l.text.length >= MAX_LITERAL)) break;
    const element = elements[index]!;
    const expansion = element.type === 'Assertion' ? undefined : strings(element);
    const growing = literals.filter((l) => l.complete && l.text.length < MAX_LITERAL);
    if (!expansion || growing.length * expansion.length > MAX_LITERALS) {
      // What was complete so far stops here; empty starts mean the pattern has no literal start.
      literals = literals.map((l) => ({ text: l.text, complete: false }));
      break;
    }
    const next: Literal[] = literals.filter((l) => !l.complete || l.text.length >= MAX_LITERAL);
    for (const head of growing) for (const tail of expansion) next.push({ text: (head.text + tail.text).slice(0, MAX_LITERAL), complete: tail.complete });
    literals = next;
  }
  return literals;
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

/**
 * Whether every match starts with the named group `secret`, past leading
 * assertions: `(?<![A-Za-z0-9])(?<secret>ghp_[A-Za-z0-9]{36})` yes,
 * `token\\s{0,4}=\\s{0,4}(?<secret>[a-f0-9]{32})` no.
 */
export function secretFirst(pattern: string, flags = ''): boolean {
  const ast = parser.parsePattern(pattern, 0, pattern.length, { unicode: flags.includes('u'), unicodeSets: flags.includes('v') });
  return ast.alternatives.every((alternative) => {
    const first = alternative.elements.find((element) => element.type !== 'Assertion');
    return first?.type === 'CapturingGroup' && first.name === 'secret';
  });
}

/**
 * The pattern without the lookbehinds that open it (`(?<![A-Za-z0-9_])ghp_...`
 * → `ghp_...`), for the printable runs of binary files: fields of a database
 * record or a string table touch each other (`githubghp_...`), so what comes
 * before a token says nothing there, while its prefix still marks its start.
 * Undefined when there is none to drop.
 */
export function withoutLeadingLookbehinds(pattern: string, flags = ''): string | undefined {
  const ast = parser.parsePattern(pattern, 0, pattern.length, { unicode: flags.includes('u'), unicodeSets: flags.includes('v') });
  const parts: string[] = [];
  let dropped = false;
  for (const alternative of ast.alternatives) {
    let from = alternative.start;
    for (const element of alternative.elements) {
      if (element.type !== 'Assertion' || element.kind !== 'lookbehind') break;
      from = element.end;
      dropped = true;
    }
    parts.push(pattern.slice(from, alternative.end));
  }
  return dropped ? parts.join('|') : undefined;
}
