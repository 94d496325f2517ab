import { describe, expect, it } from 'vitest';
import { leadingLiterals, secretFirst, startsWithKeyword, withoutLeadingLookbehinds } from '../../src/rules/anchor.js';

describe('leadingLiterals', () => {
  it('collects the literal starts of every alternative, past lookbehinds and groups', () => {
    expect(leadingLiterals('(?<![A-Za-z0-9])(?<secret>gh[pous]_[A-Za-z0-9]{36})')).toEqual(['ghp_', 'gho_', 'ghu_', 'ghs_']);
    expect(leadingLiterals('(?:xoxb|xoxp)-\\d{10}')).toEqual(['xoxb-', 'xoxp-']);
    expect(leadingLiterals('\\bAKIA[A-Z2-7]{16}')).toEqual(['AKIA']);
    expect(leadingLiterals('(?:api[_.-]?key|token)\\s{0,3}=')?.sort()).toEqual(['api-key', 'api.key', 'api_key', 'apikey', 'token']);
  });

  it('is undefined when a match can start with a class or a quantifier', () => {
    expect(leadingLiterals('[A-Za-z0-9_.-]{0,40}?token')).toBeUndefined();
    expect(leadingLiterals('(?:token|[a-z]{3})x')).toBeUndefined();
    expect(leadingLiterals('\\w?token')).toBeUndefined();
  });
});

describe('startsWithKeyword', () => {
  it('holds only when every start begins with a keyword', () => {
    expect(startsWithKeyword('(?:ghp|gho)_[a-z]{4}', undefined, ['ghp_', 'gho_'])).toBe(true);
    expect(startsWithKeyword('(?:API_KEY|secret)=', 'i', ['api_key', 'secret'])).toBe(true);
    expect(startsWithKeyword('(?:beyondtrust|bt)_secret', 'i', ['beyondtrust'])).toBe(false);
    expect(startsWithKeyword('x(?:token)', undefined, ['token'])).toBe(false);
  });
});

describe('leadingLiterals expansion', () => {
  it('expands small optional classes and optional groups', () => {
    expect(leadingLiterals('(?:abuse[_-]?ipdb)[\\w]{0,30}key')?.sort()).toEqual(['abuse-ipdb', 'abuse_ipdb', 'abuseipdb']);
    expect(leadingLiterals('sk_(?:live|test)_x')).toEqual(['sk_live_x', 'sk_test_x']);
    expect(leadingLiterals('(?:op_)?connect')?.sort()).toEqual(['connect', 'op_connect']);
  });

  it('refuses starts that could be empty or wide', () => {
    expect(leadingLiterals('(?:x)?[a-z]{2}')).toBeUndefined();
    expect(leadingLiterals('[A-Za-z]key')).toBeUndefined();
  });
});

describe('token shapes', () => {
  it('tells whether the secret starts every match', () => {
    expect(secretFirst('(?<![A-Za-z0-9_])(?<secret>ghp_[A-Za-z0-9]{36})(?![A-Za-z0-9_])')).toBe(true);
    expect(secretFirst('(?<secret>AKIA[A-Z0-9]{16})|(?<secret>ASIA[A-Z0-9]{16})', 'v')).toBe(true);
    expect(secretFirst('token\\s{0,4}=\\s{0,4}(?<secret>[a-f0-9]{32})')).toBe(false);
    expect(secretFirst('(?<other>ghp_[a-z]{4})')).toBe(false);
  });

  it('drops the lookbehinds that open a pattern, in every alternative, and nothing else', () => {
    expect(withoutLeadingLookbehinds('(?<![A-Za-z0-9_])(?<secret>ghp_[A-Za-z0-9]{36})(?![A-Za-z0-9_])')).toBe('(?<secret>ghp_[A-Za-z0-9]{36})(?![A-Za-z0-9_])');
    expect(withoutLeadingLookbehinds('(?<!x)(?<=y)ab|(?<!z)cd(?<!q)')).toBe('ab|cd(?<!q)');
    expect(withoutLeadingLookbehinds('\\bab(?<!c)')).toBeUndefined();
  });
});
