import { describe, expect, it } from 'vitest';
import { lintPattern } from '../../src/rules/lint.js';

const errors = (pattern: string, flags?: string) => lintPattern(pattern, flags).filter((f) => f.level === 'error').map((f) => f.message);

describe('lintPattern', () => {
  it('accepts bounded patterns', () => {
    expect(errors('(?<![A-Za-z0-9])(?<secret>ghp_[A-Za-z0-9]{36})(?![A-Za-z0-9])')).toEqual([]);
    expect(errors('key\\s{0,4}=\\s{0,4}["\']?(?<secret>[a-f0-9]{32})')).toEqual([]);
    expect(errors('(?:[A-Za-z0-9+/]{4}){10,200}')).toEqual([]);
    expect(errors('a+b')).toEqual([]);
  });

  it('rejects unbounded repetition of anything but one literal character', () => {
    expect(errors('token=(?<secret>.+)')[0]).toMatch(/unbounded repetition "\.\+"/);
    expect(errors('\\w*x')[0]).toMatch(/unbounded/);
    expect(errors('[a-z]{3,}')[0]).toMatch(/unbounded/);
  });

  it('rejects nested variable repetition', () => {
    expect(errors('(?:\\w{1,50}[\\w.]){1,50}com').some((m) => /nested repetition/.test(m))).toBe(true);
    expect(errors('(?:a+)+b').some((m) => /nested repetition/.test(m))).toBe(true);
  });

  it('rejects repeated groups whose alternatives overlap', () => {
    expect(errors('(?:a|ab){1,20}c')[0]).toMatch(/can both start with "a"/);
    expect(errors('(?:\\d|[0-9a-f]){1,40}')[0]).toMatch(/can both start/);
    expect(errors('(?:Key|key){1,3}', 'i')[0]).toMatch(/can both start/);
    expect(errors('(?:ab|cd){1,20}')).toEqual([]);
  });
});

describe('lintPattern on nested repetition with clear ends', () => {
  it('accepts nested repetition when a delimiter that the inner part cannot match ends it', () => {
    expect(errors('(?:(?:sv|sp|se)=[\\w%:.+/-]{1,80}&){2,20}')).toEqual([]);
    expect(errors('(?:,fm_[A-Za-z0-9+/=_-]{20,3000}){0,5}')).toEqual([]);
    expect(errors('(?:<id>[^<]{0,200}</id>\\s{0,40}){0,6}')).toEqual([]);
    expect(errors('(?:[A-Za-z0-9+/=]|\\\\[rn]|\\r?\\n[ \\t]{0,40}(?=[A-Za-z0-9+/])){600,30000}')).toEqual([]);
  });

  it('still rejects it when the inner part can swallow what ends it', () => {
    expect(errors('(?:\\w{1,50}\\.?){1,50}com').some((m) => /nested repetition/.test(m))).toBe(true);
  });

  it('rejects small nested bounds too when the split between repetitions is ambiguous (exponential, not large)', () => {
    // 900 letters' worth of bounds: a 44-byte near-miss never finishes.
    expect(errors('(?:[a-z]{1,30}){1,30}!')[0]).toMatch(/nested repetition "\[a-z\]\{1,30\}" inside "\(\?:\[a-z\]\{1,30\}\)\{1,30\}"/);
    expect(errors('(?:[a-z]{1,5}){1,5}!')[0]).toMatch(/bounds multiply to 25/);
    expect(errors('(?:[a-z]{1,4}){1,4}!')).toEqual([]);
  });

  it('accepts an optional character before a required delimiter the inner part cannot match', () => {
    expect(errors('(?:[a-z_]{1,12}=[^\\n]{0,200}\\r?\\n){0,4}')).toEqual([]);
    expect(errors('(?:[a-z_]{1,12}=[^\\n]{0,200}\\r?[a-z]){0,4}').some((m) => /nested repetition/.test(m))).toBe(true);
  });
});

describe('lintPattern on repetitions in a row', () => {
  it('rejects two wide repetitions over the same characters, even with optional parts between', () => {
    expect(errors('k(?<secret>[a-z]{1,4000}[a-z]{1,4000}Q)')[0]).toMatch(/repetitions "\[a-z\]\{1,4000\}" and "\[a-z\]\{1,4000\}" in a row/);
    expect(errors('x\\w{1,1000}-?[a-z0-9]{1,1000}y')[0]).toMatch(/in a row/);
    expect(errors('a+a*b')[0]).toMatch(/endlessly many/);
  });

  it('accepts them when their characters differ, a required part separates them, or the ranges are small', () => {
    expect(errors('[a-z]{1,4000}[0-9]{1,4000}')).toEqual([]);
    expect(errors('[a-z]{1,4000}=[a-z]{1,4000}')).toEqual([]);
    expect(errors('[\\w-]{1,30}[\\s\\S]{0,4000}?')).toEqual([]);
    expect(errors('\\s{0,4}[\\w.-]{3,60}')).toEqual([]);
  });
});
