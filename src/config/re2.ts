/**
 * Translates Go RE2 regex syntax (gitleaks configs) into an equivalent
 * JavaScript regex. Handled: flag groups `(?i)` `(?s)` `(?m)` at the start or
 * anywhere, scoped `(?i:...)` and `(?-i:...)` (JavaScript on Node 20 has no
 * inline modifiers, so case-insensitive letters are expanded into `[aA]` when
 * the whole pattern is not case-insensitive), `(?P<name>...)`, `\A` and `\z`,
 * POSIX classes (`[[:alnum:]]`), `\Q...\E`, octal and `\x{...}` escapes,
 * `\pL` classes, a leading `]` in a class, and Go's `.` (which, unlike
 * JavaScript's, matches `\r`). What cannot be expressed throws a
 * {@link Re2Error} with the reason. Syntax: https://github.com/google/re2/wiki/Syntax
 */
import { isLetter, literal, POSIX, renderClass, type ClassItem } from './re2-class.js';

/**
 * A regex the translator refuses. `unsupported`: valid RE2 that JavaScript
 * cannot express (the rule is skipped with a notice); otherwise the regex is
 * not valid RE2 either (gitleaks would refuse the config too): a config error.
 */
export class Re2Error extends Error {
  constructor(
    message: string,
    readonly unsupported = false,
  ) {
    super(message);
  }
}

export interface Translated {
  source: string;
  /** JavaScript flags: `i` when the whole pattern is case-insensitive, `u` when Unicode classes need it. */
  flags: string;
  /** Capturing groups in the pattern. */
  groups: number;
}

export interface TranslateOptions {
  /** The capturing group (1-based) to name `secret` (gitleaks `secretGroup`). */
  secretGroup?: number;
  /** Never use the `i` flag: spell case-insensitive letters out (for places that take a regex source without flags). */
  flagless?: boolean;
}

interface Flags {
  ci: boolean;
  s: boolean;
  m: boolean;
}

export function translateRe2(pattern: string, options: TranslateOptions = {}): Translated {
  let i = 0;
  let plain = '';
  let expanded = '';
  let ciLetters = false;
  let csLetters = false;
  let needU = false;
  let groups = 0;
  let flags: Flags = { ci: false, s: false, m: false };
  const stack: Flags[] = [];
  const emit = (both: string, expandedText = both): void => {
    plain += both;
    expanded += expandedText;
  };
  const fail = (why: string, unsupported = false): never => {
    throw new Re2Error(`${why} (at offset ${i})`, unsupported);
  };
  const letterSeen = (): void => {
    if (flags.ci) ciLetters = true;
    else csLetters = true;
  };
  const emitChar = (cp: number): void => {
    if (isLetter(cp)) {
      letterSeen();
      const lower = String.fromCharCode(cp | 0x20);
      const upper = String.fromCharCode(cp & ~0x20);
      emit(literal(cp), flags.ci ? `[${upper}${lower}]` : literal(cp));
    } else emit(literal(cp));
  };

  /** Reads an escape after `\` (i points past the backslash). Returns a code point, or raw JavaScript text for classes and assertions. */
  const readEscape = (inClass: boolean): { cp: number } | { raw: string } => {
    const c = pattern[i++];
    if (c === undefined) return fail('pattern ends with a lone backslash');
    switch (c) {
      case 'a':
        return { cp: 7 };
      case 'f':
        return { cp: 12 };
      case 't':
        return { cp: 9 };
      case 'n':
        return { cp: 10 };
      case 'r':
        return { cp: 13 };
      case 'v':
        return { cp: 11 };
      case 'd':
      case 'D':
      case 's':
      case 'S':
      case 'w':
      case 'W':
        return { raw: `\\${c}` };
      case 'b':
      case 'B':
        if (inClass) return fail(`\\${c} is not allowed in a character class`);
        return { raw: `\\${c}` };
      case 'A':
        if (inClass) return fail('\\A is not allowed in a character class');
        return { raw: '(?<![\\s\\S])' };
      case 'z':
        if (inClass) return fail('\\z is not allowed in a character class');
        return { raw: '(?![\\s\\S])' };
      case 'x': {
        if (pattern[i] === '{') {
          const end = pattern.indexOf('}', i);
          const hex = end < 0 ? '' : pattern.slice(i + 1, end);
          if (!/^[0-9a-fA-F]{1,6}$/.test(hex)) return fail('bad \\x{...} escape');
          i = end + 1;
          const cp = parseInt(hex, 16);
          if (cp > 0xffff) return fail('code points above U+FFFF are not translated', true);
          return { cp };
        }
        const hex = pattern.slice(i, i + 2);
        if (!/^[0-9a-fA-F]{2}$/.test(hex)) return fail('bad \\x escape');
        i += 2;
        return { cp: parseInt(hex, 16) };
      }
      case 'p':
      case 'P': {
        let name: string;
        if (pattern[i] === '{') {
          const end = pattern.indexOf('}', i);
          if (end < 0) return fail('unterminated \\p{...}');
          name = pattern.slice(i + 1, end);
          i = end + 1;
        } else name = pattern[i++] ?? '';
        const negated = name.startsWith('^') !== (c === 'P');
        name = name.replace(/^\^/, '');
        if (!/^[A-Za-z_]{1,40}$/.test(name)) return fail(`bad Unicode class \\${c}{${name}}`);
        needU = true;
        const property = name.length <= 2 || name === 'Any' ? name : `Script=${name}`;
        return { raw: `\\${negated ? 'P' : 'p'}{${property}}` };
      }
      default:
        if (c >= '0' && c <= '7') {
          let digits = c;
          while (digits.length < 3 && /[0-7]/.test(pattern[i] ?? '')) digits += pattern.charAt(i++);
          if (c !== '0' && digits.length === 1) return fail('backreferences are not RE2 syntax');
          return { cp: parseInt(digits, 8) };
        }
        if (/[0-9A-Za-z]/.test(c)) return fail(`unknown escape \\${c}`);
        return { cp: c.charCodeAt(0) };
    }
  };

  const readClass = (): void => {
    // i points past '['.
    let negated = false;
    if (pattern[i] === '^') {
      negated = true;
      i++;
    }
    const items: ClassItem[] = [];
    let first = true;
    for (;;) {
      const c = pattern[i];
      if (c === undefined) fail('unterminated character class');
      if (c === ']' && !first) {
        i++;
        break;
      }
      first = false;
      if (c === '[' && pattern[i + 1] === ':') {
        const end = pattern.indexOf(':]', i + 2);
        if (end < 0) fail('unterminated POSIX class');
        const name = pattern.slice(i + 2, end);
        i = end + 2;
        const negatedPosix = name.startsWith('^');
        const ranges = POSIX[name.replace(/^\^/, '')];
        if (!ranges) fail(`unknown POSIX class [:${name}:]`);
        if (negatedPosix) {
          // [[:^alpha:]] alone is [^A-Za-z]; mixed with other items it has no JavaScript form without the v flag.
          if (items.length > 0 || negated || pattern[i] !== ']') fail(`a negated POSIX class [:${name}:] mixed with other items`, true);
          negated = true;
        }
        items.push({ kind: 'raw', text: ranges! });
        continue;
      }
      let lo: { cp: number } | { raw: string };
      i++;
      if (c === '\\') lo = readEscape(true);
      else lo = { cp: c!.codePointAt(0)! };
      if ('cp' in lo && pattern[i] === '-' && pattern[i + 1] !== ']' && pattern[i + 1] !== undefined) {
        i++;
        const c2 = pattern[i++]!;
        const hi = c2 === '\\' ? readEscape(true) : { cp: c2.codePointAt(0)! };
        if (!('cp' in hi)) fail('a class escape cannot end a range');
        const hiCp = (hi as { cp: number }).cp;
        if (hiCp < lo.cp) fail('range out of order in character class');
        items.push({ kind: 'range', lo: lo.cp, hi: hiCp });
      } else if ('cp' in lo) items.push({ kind: 'char', cp: lo.cp });
      else items.push({ kind: 'raw', text: lo.raw });
    }
    const hasLetters = items.some(
      (item) => (item.kind === 'char' && isLetter(item.cp)) || (item.kind === 'range' && item.lo <= 122 && item.hi >= 65),
    );
    if (hasLetters) letterSeen();
    emit(renderClass(items, negated, false), renderClass(items, negated, flags.ci && hasLetters));
  };

  const applyFlags = (text: string, base: Flags): Flags => {
    const next = { ...base };
    let on = true;
    for (const ch of text) {
      if (ch === '-') {
        if (!on) fail('bad flag group');
        on = false;
      } else if (ch === 'i') next.ci = on;
      else if (ch === 's') next.s = on;
      else if (ch === 'm') next.m = on;
      else if (ch === 'U') fail('the ungreedy flag (?U) has no JavaScript equivalent', true);
      else fail(`unknown flag "${ch}"`);
    }
    return next;
  };

  const target = options.secretGroup ?? 0;
  const openCapture = (name: string | undefined): void => {
    groups++;
    stack.push(flags);
    if (groups === target) emit('(?<secret>');
    else if (name !== undefined) {
      const safe = /^[A-Za-z_$][\w$]*$/.test(name) && name !== 'secret' ? name : `g_${name}_${groups}`;
      emit(`(?<${safe}>`);
    } else emit('(');
  };

  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === '\\') {
      i++;
      if (pattern[i] === 'Q') {
        i++;
        const end = pattern.indexOf('\\E', i);
        const text = end < 0 ? pattern.slice(i) : pattern.slice(i, end);
        i = end < 0 ? pattern.length : end + 2;
        for (const ch of text) emitChar(ch.charCodeAt(0));
        continue;
      }
      const escape = readEscape(false);
      if ('raw' in escape) emit(escape.raw);
      else emitChar(escape.cp);
      continue;
    }
    if (c === '[') {
      i++;
      readClass();
      continue;
    }
    if (c === '(') {
      i++;
      if (pattern[i] !== '?') {
        openCapture(undefined);
        continue;
      }
      i++;
      const named = /^P?<([^>]{1,64})>/.exec(pattern.slice(i));
      if (named) {
        i += named[0].length;
        openCapture(named[1]);
        continue;
      }
      if (pattern[i] === '=' || pattern[i] === '!' || (pattern[i] === '<' && (pattern[i + 1] === '=' || pattern[i + 1] === '!')))
        fail('lookarounds are not RE2 syntax');
      const flagGroup = /^([a-zA-Z-]*)([:)])/.exec(pattern.slice(i));
      if (!flagGroup) fail('unknown group syntax');
      i += flagGroup![0].length;
      const next = applyFlags(flagGroup![1]!, flags);
      if (flagGroup![2] === ')') {
        flags = next;
      } else {
        stack.push(flags);
        flags = next;
        emit('(?:');
      }
      continue;
    }
    if (c === ')') {
      if (stack.length === 0) fail('unbalanced )');
      flags = stack.pop()!;
      i++;
      emit(')');
      continue;
    }
    i++;
    if (c === '.') emit(flags.s ? '[\\s\\S]' : '[^\\n]');
    else if (c === '^') emit(flags.m ? '(?:^|(?<=\\n))' : '^');
    else if (c === '$') emit(flags.m ? '(?:$|(?=\\n))' : '$');
    else if (c === '*' || c === '+' || c === '?' || c === '|') emit(c);
    else if (c === '{') {
      const repeat = /^(\d{1,4})(,(\d{1,4})?)?\}/.exec(pattern.slice(i));
      if (repeat) {
        i += repeat[0].length;
        emit(`{${repeat[0]}`);
      } else emit('\\{');
    } else emitChar(c.charCodeAt(0));
  }
  if (stack.length > 0) fail('unbalanced (');
  if (target > groups) throw new Re2Error(`secretGroup ${target} but the regex has ${groups} capturing group${groups === 1 ? '' : 's'}`);

  const whole = !options.flagless && ciLetters && !csLetters;
  const source = whole || !ciLetters ? plain : expanded;
  const jsFlags = `${whole ? 'i' : ''}${needU ? 'u' : ''}`;
  try {
    new RegExp(source, `${jsFlags}d`);
  } catch (error) {
    throw new Re2Error(`the translated regex does not compile in JavaScript: ${(error as Error).message}`, true);
  }
  return { source, flags: jsFlags, groups };
}
