/**
 * The "rare, not random" measure: how many characters a BPE tokenizer (cl100k)
 * packs into one token. Words and identifiers encode in long tokens (4-6
 * characters each), random keys in short ones (1-1.8). The vocabulary is a few
 * megabytes, so it loads once, lazily, only when generic rules are in use.
 */
type Encode = (text: string) => number[];

let encode: Encode | undefined;
let loading: Promise<void> | undefined;

export function loadTokenizer(): Promise<void> {
  loading ??= import('gpt-tokenizer/encoding/cl100k_base').then((module) => {
    encode = module.encode as Encode;
  });
  return loading;
}

export function tokenizerLoaded(): boolean {
  return encode !== undefined;
}

/** Characters per BPE token, or undefined when the tokenizer is not loaded. */
export function charsPerToken(text: string): number | undefined {
  if (!encode || text.length === 0) return undefined;
  return text.length / encode(text).length;
}
