import { describe, expect, it } from 'vitest';
import { maxMatchLength } from '../../src/rules/regex-length.js';

describe('maxMatchLength', () => {
  it('adds up bounded repetitions, takes the longest alternative and ignores lookarounds', () => {
    expect(maxMatchLength('(?<![a-z])ghp_[A-Za-z0-9]{36}(?![a-z])')).toBe(40);
    expect(maxMatchLength('(?:ab|cdef){2}x?')).toBe(9);
    expect(maxMatchLength('key\\s{0,4}=\\s{0,4}(?<secret>[a-f0-9]{32})')).toBe(44);
  });

  it('is Infinity for unbounded repetition, also through a backreference', () => {
    expect(maxMatchLength('a+b')).toBe(Infinity);
    expect(maxMatchLength('(a+)x\\1')).toBe(Infinity);
  });

  it('measures a backreference as the longest its group can match', () => {
    expect(maxMatchLength('(a)\\1')).toBe(2);
    expect(maxMatchLength('(?<kind>RSA |EC )?KEY \\k<kind>')).toBe(12);
    // Duplicate names in alternatives: the longer group counts.
    expect(maxMatchLength('(?:(?<q>a)|(?<q>bcd))-\\k<q>')).toBe(7);
    // Inside its own group a backreference matches nothing.
    expect(maxMatchLength('(a\\1)')).toBe(1);
  });

  it('counts a class as two units under the u flag (surrogate pairs)', () => {
    expect(maxMatchLength('[a-z]{3}', 'u')).toBe(6);
  });
});
