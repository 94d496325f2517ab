/**
 * The keyword prefilter: one pass over a text finds every occurrence of every
 * rule keyword at once (Aho-Corasick), so the cost grows with the bytes
 * scanned, not with bytes × rules.
 *
 * The automaton is a dense transition table over 7-bit ASCII with case folding
 * built in. State numbers are pre-multiplied by the alphabet size and a state
 * that ends a keyword is stored negated, so the hot loop is one table lookup
 * and one sign test per character (DESIGN.md, "Performance model": the dense
 * form ran ~3x faster than a naive automaton here).
 */
const ALPHABET = 128;

/** Characters outside ASCII never occur in keywords; they all map to symbol 0, which no keyword uses. */
function symbol(code: number): number {
  if (code >= ALPHABET) return 0;
  if (code >= 65 && code <= 90) return code + 32;
  return code;
}

/**
 * Keyword hits as a flat list of pairs: the offset where a keyword match ends
 * and the automaton state reached there (which names the keywords that end at
 * that offset; see {@link Prefilter.keywordsAt}). Flat typed storage keeps the
 * hot loop free of allocations when keywords are dense.
 */
export interface KeywordHits {
  count: number;
  /** [end0, state0, end1, state1, ...], `count` pairs. */
  pairs: Int32Array;
}

export class Prefilter {
  private readonly table: Int32Array;
  /** Keyword ids that end at each state (indexed by state number, not offset). */
  private readonly outputs: number[][];
  private readonly lengths: number[];
  /** Reused between calls: scanning is single-threaded per engine and callers read hits before the next call. */
  private scratch = new Int32Array(1024);

  /** `keywords` must be non-empty ASCII strings; they are matched case-insensitively. */
  constructor(readonly keywords: readonly string[]) {
    const goto: Map<number, number>[] = [new Map()];
    const outputs: number[][] = [[]];
    this.lengths = keywords.map((k) => k.length);
    keywords.forEach((keyword, id) => {
      let state = 0;
      for (let i = 0; i < keyword.length; i++) {
        const c = symbol(keyword.charCodeAt(i));
        let next = goto[state]!.get(c);
        if (next === undefined) {
          next = goto.length;
          goto.push(new Map());
          outputs.push([]);
          goto[state]!.set(c, next);
        }
        state = next;
      }
      outputs[state]!.push(id);
    });

    // Breadth-first failure links, folded straight into a dense table.
    const count = goto.length;
    const table = new Int32Array(count * ALPHABET);
    const fail = new Int32Array(count);
    const queue: number[] = [];
    for (let c = 0; c < ALPHABET; c++) {
      const next = goto[0]!.get(c);
      if (next !== undefined && c !== 0) {
        table[c] = next;
        queue.push(next);
      }
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      const failRow = fail[state]! * ALPHABET;
      outputs[state]!.push(...outputs[fail[state]!]!);
      // Start from the failure state's row (complete: it is nearer the root, so
      // already done), then put this state's own edges over it.
      table.copyWithin(state * ALPHABET, failRow, failRow + ALPHABET);
      for (const [c, next] of goto[state]!) {
        if (c === 0) continue;
        fail[next] = table[failRow + c]!;
        table[state * ALPHABET + c] = next;
        queue.push(next);
      }
    }
    // Upper-case letters move like their lower-case forms.
    for (let state = 0; state < count; state++) {
      for (let c = 65; c <= 90; c++) table[state * ALPHABET + c] = table[state * ALPHABET + c + 32]!;
    }
    // Pre-multiply and mark accepting states with a negative sign.
    for (let i = 0; i < table.length; i++) {
      const next = table[i]!;
      table[i] = outputs[next]!.length > 0 ? -(next * ALPHABET) : next * ALPHABET;
    }
    this.table = table;
    this.outputs = outputs;
  }

  /** The keyword ids that end at an accepting state from {@link KeywordHits}. */
  keywordsAt(state: number): readonly number[] {
    return this.outputs[state]!;
  }

  /** Number of automaton states (for callers that index per state). */
  get stateCount(): number {
    return this.outputs.length;
  }

  /** Every keyword occurrence in `text`, in order of where it ends. */
  find(text: string): KeywordHits {
    const table = this.table;
    const length = text.length;
    let pairs = this.scratch;
    let count = 0;
    let state = 0;
    for (let i = 0; i < length; i++) {
      const code = text.charCodeAt(i);
      state = table[state + (code < ALPHABET ? code : 0)]!;
      if (state < 0) {
        state = -state;
        if (count * 2 === pairs.length) {
          const grown = new Int32Array(pairs.length * 2);
          grown.set(pairs);
          pairs = this.scratch = grown;
        }
        pairs[count * 2] = i;
        pairs[count * 2 + 1] = state / ALPHABET;
        count++;
      }
    }
    return { count, pairs };
  }
}
