/**
 * The keyword prefilter: one pass over a text finds every occurrence of every
 * rule keyword at once (Aho-Corasick), so the cost grows with the bytes
 * scanned, not with bytes × rules.
 *
 * The automaton is a dense transition table with case folding built in, kept
 * small so its hot rows stay in the CPU's first-level cache: characters are
 * first mapped to classes (one per character that occurs in some keyword, and
 * class 0 for every other one), rows are as wide as the classes need (a power
 * of two, 64 for the built-in rules' 1,187 keywords), and entries are 16-bit
 * state numbers with the top bit marking a state that ends a keyword. The hot
 * loop is one class lookup, one table lookup and one bit test per character;
 * with the earlier 128-wide table of 32-bit entries (3.4 MB for the built-in
 * rules, against 0.86 MB now) it ran at about half the speed inside a real
 * scan, where the regexes and filters evict it from the cache between files.
 */
/** Characters outside ASCII never occur in keywords; they all fall in class 0. */
const ASCII = 128;

function fold(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
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
  /** Row-major transitions: entry `(state << shift) | class`, the next state, with {@link accept} set when it ends a keyword. */
  private readonly table: Uint16Array | Uint32Array;
  /** Class of each ASCII character (upper-case letters share their lower-case class). */
  private readonly classes: Uint8Array;
  private readonly shift: number;
  private readonly accept: number;
  /** Keyword ids that end at each state (indexed by state number, not offset). */
  private readonly outputs: number[][];
  /** Reused between calls: scanning is single-threaded per engine and callers read hits before the next call. */
  private scratch = new Int32Array(1024);

  /** `keywords` must be non-empty ASCII strings; they are matched case-insensitively. */
  constructor(readonly keywords: readonly string[]) {
    this.classes = new Uint8Array(ASCII);
    let classCount = 1;
    for (const keyword of keywords) {
      for (let i = 0; i < keyword.length; i++) {
        const code = fold(keyword.charCodeAt(i));
        if (code < ASCII && this.classes[code] === 0) this.classes[code] = classCount++;
      }
    }
    for (let c = 65; c <= 90; c++) this.classes[c] = this.classes[c + 32]!;
    const classOf = (code: number): number => (code < ASCII ? this.classes[code]! : 0);

    const goto: Map<number, number>[] = [new Map()];
    const outputs: number[][] = [[]];
    keywords.forEach((keyword, id) => {
      let state = 0;
      for (let i = 0; i < keyword.length; i++) {
        const c = classOf(keyword.charCodeAt(i));
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

    const count = goto.length;
    this.shift = Math.max(1, Math.ceil(Math.log2(classCount)));
    const width = 1 << this.shift;
    // 16-bit entries while state numbers leave the top bit free; custom rule sets with more states get 32-bit ones.
    this.accept = count < 0x8000 ? 0x8000 : 0x80000000;
    const table = count < 0x8000 ? new Uint16Array(count * width) : new Uint32Array(count * width);
    // Breadth-first failure links, folded straight into the table.
    const fail = new Int32Array(count);
    const queue: number[] = [];
    for (const [c, next] of goto[0]!) {
      if (c === 0) continue;
      table[c] = next;
      queue.push(next);
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      const failRow = fail[state]! * width;
      outputs[state]!.push(...outputs[fail[state]!]!);
      // Start from the failure state's row (complete: it is nearer the root, so
      // already done), then put this state's own edges over it.
      table.copyWithin(state * width, failRow, failRow + width);
      for (const [c, next] of goto[state]!) {
        if (c === 0) continue;
        fail[next] = table[failRow + c]!;
        table[state * width + c] = next;
        queue.push(next);
      }
    }
    for (let i = 0; i < table.length; i++) if (outputs[table[i]!]!.length > 0) table[i] = (table[i]! | this.accept) >>> 0;
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
    const { table, classes, shift, accept } = this;
    const mask = accept - 1;
    const length = text.length;
    let pairs = this.scratch;
    let count = 0;
    let state = 0;
    for (let i = 0; i < length; i++) {
      const code = text.charCodeAt(i);
      const next = table[(state << shift) | (code < ASCII ? classes[code]! : 0)]!;
      state = next & mask;
      if (next >= accept) {
        if (count * 2 === pairs.length) {
          const grown = new Int32Array(pairs.length * 2);
          grown.set(pairs);
          pairs = this.scratch = grown;
        }
        pairs[count * 2] = i;
        pairs[count * 2 + 1] = state;
        count++;
      }
    }
    return { count, pairs };
  }
}
