import { packVocabulary } from './bpe.js';

/**
 * The cl100k vocabulary, packed for {@link BytePairCounter}. Run from source
 * (tests, tools), it is packed from gpt-tokenizer's ranks when loaded; the
 * bundles replace this module with the packed bytes themselves
 * (scripts/build.mjs), so gpt-tokenizer is needed only to build and test.
 */
export async function loadVocabulary(): Promise<Uint8Array> {
  const { default: ranks } = await import('gpt-tokenizer/bpeRanks/cl100k_base');
  const encoder = new TextEncoder();
  return packVocabulary(ranks.map((token) => (typeof token === 'string' ? encoder.encode(token) : Uint8Array.from(token))));
}
