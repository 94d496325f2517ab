import { describe, expect, it } from 'vitest';
import { Prefilter } from '../../src/detect/prefilter.js';

describe('Prefilter', () => {
  it('finds every occurrence of every keyword, overlapping ones included, case-insensitively', () => {
    const prefilter = new Prefilter(['ghp_', 'token', 'oken', 'secret']);
    const hits = prefilter.find('TOKEN=ghp_x; Secret; tokenoken').positions;
    expect(hits.get(0)).toEqual([6]);
    expect(hits.get(1)).toEqual([0, 21]);
    expect(hits.get(2)).toEqual([1, 22, 26]);
    expect(hits.get(3)).toEqual([13]);
  });

  it('is not thrown off by non-ASCII text between and around keywords', () => {
    const prefilter = new Prefilter(['key']);
    expect(prefilter.find('ключ key 😀key kéy').positions.get(0)).toEqual([5, 11]);
  });

  it('reports nothing for text without keywords', () => {
    expect(new Prefilter(['aws']).find('nothing to see here').positions.size).toBe(0);
  });

  it('agrees with a naive search on random text', () => {
    const keywords = ['ab', 'abc', 'bca', 'cab', 'aaa'];
    const prefilter = new Prefilter(keywords);
    const text = Array.from({ length: 2000 }, () => 'abcABC '[Math.floor(Math.random() * 7)]).join('');
    const hits = prefilter.find(text).positions;
    keywords.forEach((keyword, id) => {
      const expected: number[] = [];
      for (let i = text.toLowerCase().indexOf(keyword); i >= 0; i = text.toLowerCase().indexOf(keyword, i + 1)) expected.push(i);
      expect(hits.get(id) ?? []).toEqual(expected);
    });
  });
});
