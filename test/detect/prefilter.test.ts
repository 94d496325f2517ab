import { describe, expect, it } from 'vitest';
import { asciiRunEndingAt, Prefilter } from '../../src/detect/prefilter.js';

/** The hits as a map from keyword id to start offsets, for readable assertions; inexact ones checked as the router does. */
function positions(prefilter: Prefilter, text: string, bytes?: Uint8Array): Map<number, number[]> {
  const { count, pairs, exact } = prefilter.find(text, bytes);
  const out = new Map<number, number[]>();
  for (let i = 0; i < count; i++) {
    for (const id of prefilter.keywordsAt(pairs[i * 2 + 1]!)) {
      const start = pairs[i * 2]! - prefilter.keywords[id]!.length + 1;
      const length = prefilter.keywords[id]!.length;
      if (!exact && asciiRunEndingAt(text, pairs[i * 2]!, length) < length) continue;
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

  it('reads characters past U+00FF as their low byte, and the hits they fake fail the ASCII check', () => {
    const prefilter = new Prefilter(['abc', 'key']);
    // U+0163 is 0x63 (c) and U+046B is 0x6B (k) in the low byte; U+0133 0x33 is in no keyword.
    const text = 'abţ ѫey abc KEY ĳ';
    const hits = prefilter.find(text);
    expect(hits.exact).toBe(false);
    const raw = Array.from({ length: hits.count }, (_, i) => hits.pairs[i * 2]!);
    expect(raw).toEqual([2, 6, 10, 14]);
    expect(positions(prefilter, text)).toEqual(
      new Map([
        [0, [8]],
        [1, [12]],
      ]),
    );
    // Only bytes that stand for the text make the hits exact; any copy is checked hit by hit.
    expect(prefilter.find('plain abc', Buffer.from('plain abc')).exact).toBe(true);
    expect(prefilter.find('plain abc').exact).toBe(false);
    expect(positions(prefilter, 'plain abc')).toEqual(new Map([[0, [6]]]));
  });

  it('reports nothing for text without keywords', () => {
    expect(new Prefilter(['aws']).find('nothing to see here').count).toBe(0);
  });

  /** Every start of every keyword, by indexOf on the lower-cased text. */
  function naive(keywords: string[], text: string): Map<number, number[]> {
    const lower = text.toLowerCase();
    const out = new Map<number, number[]>();
    keywords.forEach((keyword, id) => {
      const found: number[] = [];
      for (let i = lower.indexOf(keyword); i >= 0; i = lower.indexOf(keyword, i + 1)) found.push(i);
      if (found.length > 0) out.set(id, found);
    });
    return out;
  }

  it('agrees with a naive search on random text, short (one lane) and long (four lanes, non-ASCII too, with characters whose low byte is a keyword letter)', () => {
    const keywords = ['ab', 'abc', 'bca', 'cab', 'aaa', 'cabcabcabca'];
    const prefilter = new Prefilter(keywords);
    for (const [length, alphabet] of [
      [2000, 'abcABC '],
      [50_000, 'abcABC '],
      [50_001, 'abcé€ţšŢABC😀 '],
    ] as const) {
      const symbols = Array.from(alphabet);
      const text = Array.from({ length }, () => symbols[Math.floor(Math.random() * symbols.length)]).join('');
      expect(positions(prefilter, text)).toEqual(naive(keywords, text));
    }
  });

  it('reads the bytes a text was decoded from, ASCII or Latin-1, as it reads the text', () => {
    const prefilter = new Prefilter(['ab', 'abc', 'bca', 'cab', 'aaa', 'cabcabcabca']);
    for (const [length, alphabet] of [
      [2000, 'abcABC '],
      [50_000, 'abcABC \n'],
      [50_001, 'abcé\u00ff\u00c1ABC '],
    ] as const) {
      const symbols = Array.from(alphabet);
      const text = Array.from({ length }, () => symbols[Math.floor(Math.random() * symbols.length)]).join('');
      const bytes = Buffer.from(text, 'latin1');
      expect(positions(prefilter, text, bytes)).toEqual(positions(prefilter, text));
    }
    // Bytes of another length are not the text's: the text is read.
    expect(positions(prefilter, 'ab cab', Buffer.from('zz'))).toEqual(positions(prefilter, 'ab cab'));
  });

  it('builds a 32-bit table when the automaton outgrows 16-bit state numbers, with the same hits', () => {
    // 5,000 random twelve-letter keywords: about 45,000 states, past the 32,767 a 16-bit entry can name.
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const unique = [
      ...new Set(Array.from({ length: 5000 }, () => Array.from({ length: 12 }, () => letters[Math.floor(Math.random() * 26)]).join(''))),
    ];
    const prefilter = new Prefilter(unique);
    expect(prefilter.stateCount).toBeGreaterThan(0x8000);
    const text = Array.from({ length: 300 }, (_, i) => `${unique[(i * 37) % unique.length]!.toUpperCase()} ${'xyz'.repeat(i % 5)}`).join(
      ' ',
    );
    expect(positions(prefilter, text)).toEqual(naive(unique, text));
  });

  it('finds a keyword that straddles the border between two lanes once', () => {
    const keyword = 'x'.repeat(30) + 'needle';
    const prefilter = new Prefilter([keyword, 'ab']);
    for (let at = 10_000 - 40; at <= 10_000 + 5; at++) {
      // 40,000 characters: lanes of 10,000, the second starting at 10,000.
      const text = `${'-'.repeat(at)}${keyword}${'-'.repeat(40_000 - at - keyword.length)}`;
      expect(positions(prefilter, text)).toEqual(new Map([[0, [at]]]));
    }
  });
});
