import { describe, expect, it } from 'vitest';
import { shannonEntropy } from '../../src/detect/entropy.js';
import { placeholderIn } from '../../src/detect/filters/placeholder.js';

describe('shannonEntropy', () => {
  it('is 0 for one repeated character and log2(n) for n distinct ones', () => {
    expect(shannonEntropy('')).toBe(0);
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abcd')).toBeCloseTo(2);
    expect(shannonEntropy('0123456789abcdef')).toBeCloseTo(4);
    expect(shannonEntropy('ab😀😀')).toBeCloseTo(shannonEntropy('abccdd'));
  });
});

describe('placeholderIn', () => {
  it('names what marks a value as a placeholder', () => {
    expect(placeholderIn('AKIAIOSFODNN7EXAMPLE')).toMatch(/example/);
    expect(placeholderIn('${API_KEY}')).toMatch(/template/);
    expect(placeholderIn('{{ .Values.token }}')).toMatch(/template/);
    expect(placeholderIn('<your-token>')).toMatch(/your-/);
    expect(placeholderIn('abcAAAAAAdef')).toMatch(/repeated/);
    expect(placeholderIn('xy123456zz')).toMatch(/sequential run "123456"/);
    expect(placeholderIn('qpFEDCBAz')).toMatch(/sequential run "FEDCBA"/);
  });

  it('lets random keys through', () => {
    expect(placeholderIn('q8Jv3mX1ab9ZkL2pQ7rT4wY6uE0iO5sD')).toBeUndefined();
    expect(placeholderIn('12345xyz')).toBeUndefined();
  });
});
