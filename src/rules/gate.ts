import { ASSIGN_START, PATTERN_MACROS } from './grammar.js';

const EXPANDED_ASSIGN = PATTERN_MACROS.assign!;
const CUT = `(?=${ASSIGN_START})`;
const LOOKAROUND = /^\(\?<?[=!]/;

interface Group {
  lookaround: boolean;
  /** One of its alternatives was cut at the grammar: what follows the group is dropped too. */
  cut: boolean;
}

/**
 * A cheap stand-in for a context rule's regex that matches wherever the rule's
 * regex can match (and at more places): the pattern with each `{{assign}}` and
 * everything after it dropped, in its alternative and in the alternatives
 * around it, and a lookahead for {@link ASSIGN_START} put in its place.
 * `(?:acme[\w-]{0,12}{{assign}}|api\.acme\.com/key=)(?<secret>…)` becomes
 * `(?:acme[\w-]{0,12}(?=<ASSIGN_START>)|api\.acme\.com/key=)`. The engine tries it
 * first, so a name hit followed by nothing a separator can start with
 * (`tokenizer`, `secret.`, `getToken(`) never runs, or even compiles, the
 * grammar's large alternation.
 *
 * Undefined when the pattern has no `{{assign}}`, or has one where cutting it
 * could reject a match the whole pattern accepts: inside a lookaround, or in a
 * group with a quantifier (`(?:…{{assign}})?`).
 */
export function separatorGate(pattern: string): string | undefined {
  if (!pattern.includes(EXPANDED_ASSIGN)) return undefined;
  const groups: Group[] = [];
  let out = '';
  /** Skipping the rest of the current alternative; `skipped` counts the groups opened while skipping. */
  let cutting = false;
  let skipped = 0;
  for (let i = 0; i < pattern.length; ) {
    if (!cutting && pattern.startsWith(EXPANDED_ASSIGN, i)) {
      if (groups.some((g) => g.lookaround)) return undefined;
      out += CUT;
      i += EXPANDED_ASSIGN.length;
      cutting = true;
      if (groups.length > 0) groups[groups.length - 1]!.cut = true;
      continue;
    }
    const token = tokenAt(pattern, i);
    i += token.length;
    if (cutting && skipped > 0) {
      if (token.startsWith('(')) skipped++;
      else if (token === ')') skipped--;
      continue;
    }
    if (token.startsWith('(')) {
      if (cutting) skipped++;
      else {
        groups.push({ lookaround: LOOKAROUND.test(token), cut: false });
        out += token;
      }
    } else if (token === '|') {
      out += token;
      cutting = false;
    } else if (token === ')') {
      const group = groups.pop();
      if (!group) return undefined;
      out += token;
      if (group.cut) {
        if (/^[?*+{]/.test(pattern.slice(i, i + 1))) return undefined;
        cutting = true;
        if (groups.length > 0) groups[groups.length - 1]!.cut = true;
      }
    } else if (!cutting) {
      out += token;
    }
  }
  return groups.length === 0 ? out : undefined;
}

/** The regex token at `i`: an escape, a whole character class, a group's opening (`(`, `(?:`, `(?<name>`, `(?<=`), or one character. */
function tokenAt(source: string, i: number): string {
  const c = source[i];
  if (c === '\\') return source.slice(i, i + 2);
  if (c === '[') {
    let j = i + 1;
    if (source[j] === '^') j++;
    // A `]` right after `[` or `[^` is a literal in some dialects, never in JavaScript: it closes an empty class.
    for (; j < source.length && source[j] !== ']'; j++) if (source[j] === '\\') j++;
    return source.slice(i, j + 1);
  }
  if (c === '(') return /^\((?:\?(?:[:=!]|<[=!]|<[A-Za-z_$][\w$]*>))?/.exec(source.slice(i, i + 40))![0];
  return c!;
}
