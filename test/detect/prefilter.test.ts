import { describe, expect, it } from 'vitest';
import { Prefilter } from '../../src/detect/prefilter.js';

/** The hits as a map from keyword id to start offsets, for readable assertions. */
function positions(prefilter: Prefilter, text: string): Map<number, number[]> {
  const { count, pairs } = prefilter.find(text);
  const out = new Map<number, number[]>();
  for (let i = 0; i < count; i++) {
    for (const id of prefilter.keywordsAt(pairs[i * 2 + 1]!)) {
      const start = pairs[i * 2]! - prefilter.keywords[id]!.length + 1;
      out.set(id, [...(out.get(id) ?? []), start]);
    }
  }
  for (const list of out.values()) list.sort((a, b) => a - b);
  return out;
}

describe('Prefilter', () => {
  it('finds every occurrence of every keyword, overlapping ones included, case-insensitively', () => {
    const prefilter = new Prefilter(['ghp_', 'token', 'oken', 'secret']);
    const hits = positions(prefilter, 'TOKEN=ghp_x; Secret; tokenoken');
    expect(hits.get(0)).toEqual([6]);
    expect(hits.get(1)).toEqual([0, 21]);
    expect(hits.get(2)).toEqual([1, 22, 26]);
    expect(hits.get(3)).toEqual([13]);
  });

  it('is not thrown off by non-ASCII text between and around keywords', () => {
    const prefilter = new Prefilter(['key']);
    expect(positions(prefilter, 'ключ key 😀key kéy').get(0)).toEqual([5, 11]);
  });

  it('reports nothing for text without keywords', () => {
    expect(new Prefilter(['aws']).find('nothing to see here').count).toBe(0);
  });

  it('agrees with a naive search on random text', () => {
    const keywords = ['ab', 'abc', 'bca', 'cab', 'aaa'];
    const prefilter = new Prefilter(keywords);
    const text = Array.from({ length: 2000 }, () => 'abcABC '[Math.floor(Math.random() * 7)]).join('');
    const hits = positions(prefilter, text);
    keywords.forEach((keyword, id) => {
      const expected: number[] = [];
      for (let i = text.toLowerCase().indexOf(keyword); i >= 0; i = text.toLowerCase().indexOf(keyword, i + 1)) expected.push(i);
      expect(hits.get(id) ?? []).toEqual(expected);
    });
  });
});
