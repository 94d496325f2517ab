import { describe, expect, it } from 'vitest';
import { requiredLiterals } from '../../src/rules/literals.js';
import { Re2Error, translateRe2 } from '../../src/config/re2.js';

const compile = (pattern: string, secretGroup?: number): RegExp => {
  const t = translateRe2(pattern, secretGroup ? { secretGroup } : {});
  return new RegExp(t.source, t.flags);
};

describe('RE2 to JavaScript translation', () => {
  it('turns a leading (?i) into the i flag', () => {
    const t = translateRe2('(?i)api[_-]?key\\s*=\\s*([a-z0-9]{8})');
    expect(t.flags).toBe('i');
    expect(t.source.startsWith('api')).toBe(true);
    expect(new RegExp(t.source, t.flags).test('API_KEY = ABCD1234')).toBe(true);
  });

  it('scopes (?i:...) and a mid-pattern (?i) to their group, spelling letters out', () => {
    const scoped = compile('(?i:token)_[a-z]{4}');
    expect(scoped.test('TOKEN_abcd')).toBe(true);
    expect(scoped.test('TOKEN_ABCD')).toBe(false);
    // gitleaks configs in the wild: `\.(?i)(?:png|jpe?g)$` is case-insensitive only after the dot.
    const midway = compile('\\.(?i)(?:png|jpe?g)$');
    expect(midway.test('a.PNG')).toBe(true);
    expect(midway.test('a.JpG')).toBe(true);
    expect(midway.test('a_png')).toBe(false);
  });

  it('turns case-insensitivity off inside (?-i:...)', () => {
    const r = compile('(?i)key=(?-i:AKIA)[0-9]{4}');
    expect(r.test('KEY=AKIA1234')).toBe(true);
    expect(r.test('key=akia1234')).toBe(false);
  });

  it('expands case in character classes inside a case-insensitive scope', () => {
    const r = compile('x(?i:[a-c]+)');
    expect(r.test('xABC')).toBe(true);
    expect(r.test('XABC')).toBe(false);
  });

  it('translates \\A, \\z, POSIX classes, \\Q...\\E, (?P<name>), octal and \\x{...}', () => {
    expect(compile('\\Aabc\\z').test('abc')).toBe(true);
    expect(compile('\\Aabc\\z').test('abc\n')).toBe(false);
    expect(compile('^[[:alnum:]_]{3}$').test('a_9')).toBe(true);
    expect(compile('^[[:^digit:]]+$').test('abc')).toBe(true);
    expect(compile('^[[:^digit:]]+$').test('ab1')).toBe(false);
    expect(compile('\\Qa.b*\\E').test('a.b*')).toBe(true);
    expect(compile('\\Qa.b*\\E').test('axb')).toBe(false);
    expect(compile('(?P<key>\\x{41}\\101)').exec('AA')?.groups?.key).toBe('AA');
  });

  it("keeps Go's dot, which matches \\r, and (?s), which matches newlines", () => {
    expect(compile('a.b').test('a\rb')).toBe(true);
    expect(compile('a.b').test('a\nb')).toBe(false);
    expect(compile('(?s)a.b').test('a\nb')).toBe(true);
  });

  it('names the secretGroup capture "secret"', () => {
    const r = compile('(key)=([a-z]+)', 2);
    expect(r.exec('key=abc')?.groups?.secret).toBe('abc');
  });

  it('rejects what JavaScript cannot express, with the reason', () => {
    expect(() => translateRe2('(?U)a+')).toThrow(/ungreedy/);
    expect(() => translateRe2('(a)\\1')).toThrow(/backreferences/);
    expect(() => translateRe2('a(?=b)')).toThrow(/lookarounds/);
    expect(() => translateRe2('(a)', { secretGroup: 2 })).toThrow(/secretGroup 2/);
    expect(() => translateRe2('[[:^digit:]a]')).toThrow(Re2Error);
  });
});

describe('required literals (prefilter keywords for gitleaks rules without keywords)', () => {
  it('finds a literal every match contains', () => {
    expect(requiredLiterals('xox[baprs]-[0-9]{10}')).toEqual(['xox']);
    expect(requiredLiterals('(?:A3T[A-Z0-9]|AKIA|ASIA)[A-Z0-9]{16}')!.sort()).toEqual(['a3t', 'akia', 'asia']);
    expect(requiredLiterals('[tT][oO][kK][eE][nN]=[a-z]{8}')).toEqual(['token=']);
  });

  it('gives up when some match need not contain one', () => {
    expect(requiredLiterals('[a-f0-9]{32}')).toBeUndefined();
    expect(requiredLiterals('(?:abc|x)[0-9]+')).toBeUndefined();
    expect(requiredLiterals('(?:abcd)?[0-9]+')).toBeUndefined();
  });
});
