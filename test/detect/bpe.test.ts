import { encode } from 'gpt-tokenizer/encoding/cl100k_base';
import { beforeAll, describe, expect, it } from 'vitest';
import { BytePairCounter, packVocabulary } from '../../src/detect/bpe.js';
import { loadVocabulary } from '../../src/detect/bpe-vocabulary.js';
import { charsPerToken, loadTokenizer } from '../../src/detect/tokenizer.js';

/** A small deterministic generator, so a failure names a string that can be run again. */
function generator(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % n;
  };
}

const ALPHABETS = {
  base64: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=',
  hex: '0123456789abcdef',
  identifier: 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_-.0123456789',
  punctuation: ' \t\n\r!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
  // Letters and digits of other scripts, combining marks, emoji (surrogate pairs), and the edges of ranges.
  unicode: 'éßøñ中文字日本語한국어абвгдеΩπ١٢٣४५\u0301\u200b😀🔑\u00a0\u3000\ud83d',
};
const WORDS = ['password', 'token', 'secret', 'api', 'key', 'value', 'config', 'the', 'and', "'s", "'ll", 'DEFAULT', 'prod'];

/** Strings of the kinds the "rare, not random" check sees: keys, identifiers, words, and their mixtures. */
function sampleStrings(count: number, seed: number): string[] {
  const next = generator(seed);
  // Code points, not user-perceived characters: decomposing emoji and combining marks is the point.
  const pick = (text: string): string => {
    const points = Array.from(text);
    return points[next(points.length)]!;
  };
  const samples: string[] = [];
  const kinds = Object.values(ALPHABETS);
  for (let i = 0; i < count; i++) {
    let text = '';
    const length = 1 + next(i % 10 === 0 ? 200 : 48);
    while (text.length < length) {
      if (next(6) === 0) text += WORDS[next(WORDS.length)]!;
      else text += pick(kinds[next(kinds.length)]!);
    }
    samples.push(text);
  }
  return samples;
}

describe('BytePairCounter', () => {
  let counter: BytePairCounter;
  beforeAll(async () => {
    counter = new BytePairCounter(await loadVocabulary());
  });

  it('holds every cl100k token', () => {
    expect(counter.size).toBe(100_256);
  });

  it('counts as gpt-tokenizer does, on 6,000 generated strings', () => {
    const mismatches = sampleStrings(6_000, 20261208)
      .map((text) => ({ text, ours: counter.count(text), theirs: encode(text).length }))
      .filter(({ ours, theirs }) => ours !== theirs);
    expect(mismatches).toEqual([]);
  });

  it('counts as gpt-tokenizer does on real key shapes and code', () => {
    const texts = [
      'ghp_' + 'aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5',
      'AKIA' + 'QWERTYUIOPASDFGH',
      'xoxb-1234567890-1234567890123-abcdefghijklmnopqrstuvwx',
      'sk_live_' + '4eC39HqLyjWDarjtT1zdp7dc',
      'correct-horse-battery-staple',
      'MyS3cretPassw0rd!',
      'const apiKey = process.env.API_KEY ?? "";\n\n  return   token;',
      '   \n\t  trailing spaces   ',
      "it's we'll they've I'M YOU'RE",
      '12345678901234567890',
    ];
    for (const text of texts) expect(counter.count(text), text).toBe(encode(text).length);
  });

  it('reads special tokens as plain text, where gpt-tokenizer threw by default', () => {
    const text = 'a value: "<|endoftext|>Xq9#mZ2v<|fim_prefix|>" and more';
    expect(() => encode(text)).toThrow(/special token/);
    expect(counter.count(text)).toBe(encode(text, { disallowedSpecial: new Set() }).length);
  });

  it('counts a lone surrogate as gpt-tokenizer does (as U+FFFD, never a whole-piece token)', () => {
    for (const text of ['\ud83d', 'a\udc00b', '\ud83d\ud83d', 'key=\udfff']) expect(counter.count(text)).toBe(encode(text).length);
  });

  it('merges the lowest-ranked pair first, and keeps a piece that is a token whole', () => {
    const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
    const counterOf = (tokens: string[]): BytePairCounter => new BytePairCounter(packVocabulary(tokens.map(bytes)));
    // "bc" first leaves a, bc, d, which no token joins: three. "ab" first gives ab, cd: two.
    expect(counterOf(['a', 'b', 'c', 'd', 'bc', 'ab', 'cd']).count('abcd')).toBe(3);
    expect(counterOf(['a', 'b', 'c', 'd', 'ab', 'cd', 'bc']).count('abcd')).toBe(2);
    // Merging would end at a, bc, d; the whole piece is a token, so one.
    expect(counterOf(['a', 'b', 'c', 'd', 'bc', 'ab', 'cd', 'abcd']).count('abcd')).toBe(1);
  });

  it('refuses a token it cannot pack', () => {
    expect(() => packVocabulary([new Uint8Array(0)])).toThrow(RangeError);
    expect(() => packVocabulary([new Uint8Array(256)])).toThrow(RangeError);
  });
});

describe('charsPerToken', () => {
  it('is characters per gpt-tokenizer token once loaded', async () => {
    await loadTokenizer();
    for (const text of sampleStrings(200, 7)) expect(charsPerToken(text)).toBe(text.length / encode(text).length);
  });
});
