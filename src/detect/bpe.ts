/**
 * Counts cl100k BPE tokens, the "rare, not random" measure's unit
 * (tokenizer.ts), from a packed vocabulary: every token's bytes in rank
 * order, each after one byte of length ({@link packVocabulary}).
 *
 * gpt-tokenizer gives the same counts, but its vocabulary is a megabyte of
 * JavaScript array literal: 100,000 strings to parse, compile and collect
 * on every thread that loads it, 65-85 ms each time. Packed bytes decode in
 * a millisecond, and the lookup table below builds in a few; a test checks
 * the counts against gpt-tokenizer's on thousands of strings.
 */

/** cl100k's pre-tokenizer: BPE merges never cross these pieces (the same pattern as tiktoken's). */
const PIECES =
  /'(?:[sS]|[dD]|[mM]|[tT]|[lL][lL]|[vV][eE]|[rR][eE])|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s+$|\s*[\r\n]|\s+(?!\S)|\s/gu;
/** A surrogate outside a pair (with the `u` flag a pair reads as one code point). */
const LONE_SURROGATE = /\p{Cs}/u;
/** Rank of a pair that is no token: never the lowest. */
const NO_RANK = 0x7fffffff;
/** Tokens are at most this long (cl100k's longest is 128 bytes): one byte of length each. */
const MAX_TOKEN_BYTES = 255;

/** Packs tokens, given in rank order, as one byte of length then the bytes. */
export function packVocabulary(tokens: readonly Uint8Array[]): Uint8Array {
  let size = 0;
  for (const token of tokens) {
    if (token.length === 0 || token.length > MAX_TOKEN_BYTES) throw new RangeError(`a token of ${token.length} bytes cannot be packed`);
    size += 1 + token.length;
  }
  const packed = new Uint8Array(size);
  let at = 0;
  for (const token of tokens) {
    packed[at++] = token.length;
    packed.set(token, at);
    at += token.length;
  }
  return packed;
}

function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
  return hash >>> 0;
}

export class BytePairCounter {
  /** Where each rank's bytes start in {@link packed}, and how many there are. */
  private readonly starts: Uint32Array;
  private readonly lengths: Uint8Array;
  /** Open-addressing table from a token's bytes to its rank plus one (0: empty). */
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly encoder = new TextEncoder();
  private bytes = new Uint8Array(256);
  /** Scratch for a piece's merge: part boundaries and the rank of each pair of neighbouring parts. */
  private bounds = new Int32Array(257);
  private ranks = new Int32Array(257);

  constructor(private readonly packed: Uint8Array) {
    let count = 0;
    for (let at = 0; at < packed.length; at += 1 + packed[at]!) count++;
    this.starts = new Uint32Array(count);
    this.lengths = new Uint8Array(count);
    let size = 1;
    while (size < count * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    for (let rank = 0, at = 0; rank < count; rank++, at += 1 + packed[at]!) {
      const start = at + 1;
      const end = start + packed[at]!;
      this.starts[rank] = start;
      this.lengths[rank] = end - start;
      let slot = hashBytes(packed, start, end) & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = rank + 1;
    }
  }

  /** Number of tokens in the vocabulary. */
  get size(): number {
    return this.starts.length;
  }

  /** cl100k tokens in `text`, as gpt-tokenizer's `encode(text).length` (special tokens are plain text here). */
  count(text: string): number {
    let total = 0;
    for (const [piece] of text.matchAll(PIECES)) total += this.countPiece(piece);
    return total;
  }

  private countPiece(piece: string): number {
    if (this.bytes.length < piece.length * 3) this.bytes = new Uint8Array(piece.length * 3);
    const { written: length } = this.encoder.encodeInto(piece, this.bytes);
    // A piece that is a token is one, even where merging its bytes would end elsewhere (tiktoken's shortcut).
    // gpt-tokenizer looks it up as a string, which never matches a lone surrogate (encoded as U+FFFD).
    if (!LONE_SURROGATE.test(piece) && this.rank(0, length) !== NO_RANK) return 1;
    return this.merge(length);
  }

  /**
   * Byte-pair merging of `bytes[0, length)`: repeatedly joins the neighbouring
   * parts whose union is the lowest-ranked token (the leftmost on a tie)
   * until no union is a token; returns the number of parts left.
   */
  private merge(length: number): number {
    if (this.bounds.length < length + 1) {
      this.bounds = new Int32Array(length + 1);
      this.ranks = new Int32Array(length + 1);
    }
    const { bounds, ranks } = this;
    let parts = length;
    for (let i = 0; i <= length; i++) bounds[i] = i;
    for (let i = 0; i < parts; i++) ranks[i] = i + 1 < parts ? this.rank(i, i + 2) : NO_RANK;
    while (parts > 1) {
      let lowest = NO_RANK;
      let at = -1;
      for (let i = 0; i < parts - 1; i++) {
        if (ranks[i]! < lowest) {
          lowest = ranks[i]!;
          at = i;
        }
      }
      if (at < 0) break;
      // Parts at and at + 1 become one: drop the boundary between them.
      bounds.copyWithin(at + 1, at + 2, parts + 1);
      ranks.copyWithin(at, at + 1, parts);
      parts--;
      ranks[at] = at + 1 < parts ? this.pairRank(at) : NO_RANK;
      if (at > 0) ranks[at - 1] = this.pairRank(at - 1);
    }
    return parts;
  }

  /** Rank of parts `part` and `part + 1` joined. */
  private pairRank(part: number): number {
    return this.rank(this.bounds[part]!, this.bounds[part + 2]!);
  }

  /** Rank of the token `bytes[start, end)`, or {@link NO_RANK}. */
  private rank(start: number, end: number): number {
    const { bytes, packed, slots, mask } = this;
    const length = end - start;
    let slot = hashBytes(bytes, start, end) & mask;
    for (let entry = slots[slot]!; entry !== 0; slot = (slot + 1) & mask, entry = slots[slot]!) {
      const rank = entry - 1;
      if (this.lengths[rank] !== length) continue;
      const from = this.starts[rank]!;
      let i = 0;
      while (i < length && packed[from + i] === bytes[start + i]) i++;
      if (i === length) return rank;
    }
    return NO_RANK;
  }
}
