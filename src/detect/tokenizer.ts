import { BytePairCounter } from './bpe.js';

/**
 * The "rare, not random" measure: how many characters a BPE tokenizer (cl100k)
 * packs into one token. Words and identifiers encode in long tokens (4-6
 * characters each), random keys in short ones (1-1.8). The vocabulary is
 * three quarters of a megabyte, so it loads once, lazily, only when generic
 * rules are in use.
 */
let counter: BytePairCounter | undefined;
let loading: Promise<void> | undefined;

export function loadTokenizer(): Promise<void> {
  loading ??= import('./bpe-vocabulary.js').then(async ({ loadVocabulary }) => {
    counter = new BytePairCounter(await loadVocabulary());
  });
  return loading;
}

export function tokenizerLoaded(): boolean {
  return counter !== undefined;
}

/** Whether the vocabulary is loading now: asked for, not there yet. */
export function tokenizerLoading(): boolean {
  return loading !== undefined && counter === undefined;
}

/**
 * Thrown by {@link charsPerToken} before the vocabulary is loaded. The scan
 * that needed it loads it and runs again ({@link Engine.scanPrepared}), so runs
 * whose text never reaches a generic rule's BPE check never load it at all.
 */
export class TokenizerNotLoaded extends Error {}

/** Characters per BPE token. */
export function charsPerToken(text: string): number {
  if (text.length === 0) return 0;
  if (!counter) throw new TokenizerNotLoaded('the BPE vocabulary is not loaded yet');
  return text.length / counter.count(text);
}
