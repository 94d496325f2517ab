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
 * loop is one class lookup, one table lookup and one bit test per character.
 * The earlier 128-wide table of 32-bit entries (3.4 MB for the built-in rules,
 * against 0.86 MB now) took 17% longer inside a real scan, where the regexes
 * and filters evict it from the cache between files.
 *
 * Two more things make the pass fast. It reads bytes, not the string: text is
 * copied to a byte buffer one byte per UTF-16 unit (or read from the file's
 * own bytes: Chunk.bytes), so offsets stay string offsets; see byteCopy for
 * text outside ASCII. And a long text is cut into four lanes stepped in the same
 * loop: one automaton's next step waits for its previous table lookup, four
 * independent ones keep the CPU busy meanwhile (about 2x in all, 840 MB/s
 * against 410 on the bench tree). A lane starts as many characters early as
 * the longest keyword minus one, so its automaton is in the same state as a
 * single pass would be by the time it reaches its own part, and it reports
 * only hits that end there: the hits are exactly a single pass's.
 */
import { ASCII, keywordClasses, keywordTrie, transitionTable } from './keyword-automaton.js';

/** Texts shorter than this are scanned in one lane: splitting would cost more than it saves. */
const LANE_MIN_CHARS = 4096;

/** Hits of one lane, as {@link KeywordHits} pairs. */
class Lane {
  count = 0;
  /** The automaton's state where the lane's steps in {@link Prefilter.stepLanes} stopped. */
  state = 0;
  pairs: Int32Array;

  constructor() {
    this.pairs = new Int32Array(0);
    // Written twice on purpose: see Prefilter's constructor.
    this.pairs = new Int32Array(256);
  }

  push(end: number, state: number): void {
    if (this.count * 2 === this.pairs.length) {
      const grown = new Int32Array(this.pairs.length * 2);
      grown.set(this.pairs);
      this.pairs = grown;
    }
    this.pairs[this.count * 2] = end;
    this.pairs[this.count * 2 + 1] = state;
    this.count++;
  }
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
  /**
   * False when the pass read a copy of the text, each character as its low
   * byte (a character past U+00FF may read as a letter), rather than bytes
   * that stand for it: every real occurrence is among the hits, but a hit is
   * real only if the text is ASCII all along it ({@link asciiRunEndingAt}).
   */
  exact: boolean;
}

/**
 * How many characters up to and including `text[end]` are ASCII, counting
 * back at most `limit`: a hit of an inexact pass ({@link KeywordHits.exact})
 * is real for a keyword no longer than this.
 */
export function asciiRunEndingAt(text: string, end: number, limit: number): number {
  let run = 0;
  while (run < limit && end - run >= 0 && text.charCodeAt(end - run) < ASCII) run++;
  return run;
}

export class Prefilter {
  /** Row-major transitions: entry `(state << shift) | class`, the next state, with {@link accept} set when it ends a keyword. */
  private readonly table: Uint16Array | Uint32Array;
  /** Class of each byte of the byte copy (upper-case letters share their lower-case class; bytes past ASCII are class 0). */
  private readonly classes: Uint8Array;
  private readonly shift: number;
  private readonly accept: number;
  /** Keyword ids that end at each state (indexed by state number, not offset). */
  private readonly outputs: number[][];
  /** The longest keyword: a lane starts this many characters, less one, before its part. */
  readonly longest: number;
  /** Reused between calls: scanning is single-threaded per engine and callers read hits before the next call. */
  private readonly lanes = [new Lane(), new Lane(), new Lane(), new Lane()];
  private scratch: Int32Array;
  private bytes: Uint8Array;

  /** `keywords` must be non-empty ASCII strings; they are matched case-insensitively. */
  constructor(readonly keywords: readonly string[]) {
    // The buffers that grow are written twice here on purpose. V8 compiles code that reads a
    // field written only once around its value; the first time a buffer grew, that code was
    // thrown out and compiled again, on every thread (docs/performance.md, "Compiled once").
    this.scratch = new Int32Array(0);
    this.scratch = new Int32Array(1024);
    this.bytes = new Uint8Array(1);
    this.bytes = new Uint8Array(0);
    this.longest = Math.max(1, ...keywords.map((k) => k.length));
    const { classes, classCount } = keywordClasses(keywords);
    this.classes = classes;
    const { goto, outputs } = keywordTrie(keywords, classes);
    this.shift = Math.max(1, Math.ceil(Math.log2(classCount)));
    // 16-bit entries while state numbers leave the top bit free; custom rule sets with more states get 32-bit ones.
    this.accept = goto.length < 0x8000 ? 0x8000 : 0x80000000;
    const table = transitionTable(goto, outputs, this.shift, this.accept);
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

  /**
   * Every keyword occurrence in `text`, in order of where it ends. `ascii`:
   * bytes of the text, one a character, each ASCII character as itself and
   * anything else as any byte of 128 or more (Chunk.bytes), read in place of
   * a copy.
   */
  find(text: string, ascii?: Uint8Array): KeywordHits {
    const length = text.length;
    const exact = ascii?.length === length;
    if (!exact) this.byteCopy(text);
    // A file's bytes come as a Buffer, the copy as a plain Uint8Array: seen both, the hot loops were
    // compiled for one, thrown out on the other ("wrong map") and compiled again, on every thread.
    const bytes = ascii?.length === length ? new Uint8Array(ascii.buffer, ascii.byteOffset, length) : this.bytes.subarray(0, length);
    // Lanes need parts longer than their warm-up.
    if (length < LANE_MIN_CHARS || length < 8 * this.longest) {
      const lane = this.lanes[0]!;
      lane.count = 0;
      this.runLane(bytes, 0, length, 0, 0, lane);
      return { count: lane.count, pairs: lane.pairs, exact };
    }
    return { ...this.findInLanes(bytes, length), exact };
  }

  /**
   * Copies `text` into {@link bytes}, one byte per UTF-16 unit, as Latin-1:
   * each unit's low byte, at memory speed. ASCII stays itself and
   * U+0080-U+00FF fall in class 0, but a character past U+00FF can turn into
   * a letter (U+0163 into `c`), so such a copy finds every real hit and
   * perhaps some that are not; the router drops those ({@link asciiRunEndingAt}).
   * A copy is never taken as exact: learning that the text is ASCII first
   * (TextEncoder, which stops at the first character past it) cost a second
   * pass over every text that is not, 6x the copy itself (68 against 11 ms
   * over node_modules' 68 MB of such text), while checking a hit costs a few
   * characters. Files whose bytes stand for their text need no copy at all
   * (Chunk.bytes).
   */
  private byteCopy(text: string): void {
    const length = text.length;
    if (this.bytes.length < length) this.bytes = new Uint8Array(Math.max(length, this.bytes.length * 2));
    Buffer.from(this.bytes.buffer, this.bytes.byteOffset, length).write(text, 0, length, 'latin1');
  }

  /** Steps one automaton from `state` over `bytes[from, to)`, recording hits that end at `recordFrom` or later; returns its state. */
  private runLane(bytes: Uint8Array, from: number, to: number, recordFrom: number, state: number, lane: Lane): number {
    const { table, classes, shift, accept } = this;
    const mask = accept - 1;
    for (let i = from; i < to; i++) {
      const next = table[(state << shift) | classes[bytes[i]!]!]!;
      state = next & mask;
      if (next >= accept && i >= recordFrom) lane.push(i, state);
    }
    return state;
  }

  private findInLanes(bytes: Uint8Array, length: number): Omit<KeywordHits, 'exact'> {
    const [lane0, lane1, lane2, lane3] = this.lanes as [Lane, Lane, Lane, Lane];
    lane0.count = lane1.count = lane2.count = lane3.count = 0;
    // Lane k owns [start k, start k+1) and reads from `warm` characters before it.
    const size = Math.ceil(length / 4);
    const warm = this.longest - 1;
    const steps = Math.min(size, length - (3 * size - warm));
    this.stepLanes(bytes, size, warm, steps);
    // The rest of each lane's part, one lane at a time.
    this.runLane(bytes, steps, size, 0, lane0.state, lane0);
    this.runLane(bytes, size - warm + steps, 2 * size, size, lane1.state, lane1);
    this.runLane(bytes, 2 * size - warm + steps, 3 * size, 2 * size, lane2.state, lane2);
    this.runLane(bytes, 3 * size - warm + steps, length, 3 * size, lane3.state, lane3);

    const count = lane0.count + lane1.count + lane2.count + lane3.count;
    if (this.scratch.length < count * 2) this.scratch = new Int32Array(count * 2);
    let at = 0;
    for (const lane of this.lanes) {
      this.scratch.set(lane.pairs.subarray(0, lane.count * 2), at);
      at += lane.count * 2;
    }
    return { count, pairs: this.scratch };
  }

  /**
   * The four lanes' first `steps` steps, together; each lane's state after them is left in
   * `lane.state`. A function of its own so that V8 compiles this loop alone: compiled in the
   * middle of a long first text, a function that went on past the loop met code it had never
   * run, threw the compiled code out and compiled it again.
   */
  private stepLanes(bytes: Uint8Array, size: number, warm: number, steps: number): void {
    const { table, classes, shift, accept } = this;
    const mask = accept - 1;
    const [lane0, lane1, lane2, lane3] = this.lanes as [Lane, Lane, Lane, Lane];
    const start1 = size;
    const start2 = 2 * size;
    const start3 = 3 * size;
    const from1 = start1 - warm;
    const from2 = start2 - warm;
    const from3 = start3 - warm;
    let a = 0;
    let b = 0;
    let c = 0;
    let d = 0;
    for (let i = 0; i < steps; i++) {
      const na = table[(a << shift) | classes[bytes[i]!]!]!;
      const nb = table[(b << shift) | classes[bytes[from1 + i]!]!]!;
      const nc = table[(c << shift) | classes[bytes[from2 + i]!]!]!;
      const nd = table[(d << shift) | classes[bytes[from3 + i]!]!]!;
      a = na & mask;
      b = nb & mask;
      c = nc & mask;
      d = nd & mask;
      // A bit test, not a comparison: with 32-bit entries the OR is a negative int32.
      if (((na | nb | nc | nd) & accept) !== 0) {
        if (na >= accept) lane0.push(i, a);
        if (nb >= accept && from1 + i >= start1) lane1.push(from1 + i, b);
        if (nc >= accept && from2 + i >= start2) lane2.push(from2 + i, c);
        if (nd >= accept && from3 + i >= start3) lane3.push(from3 + i, d);
      }
    }
    lane0.state = a;
    lane1.state = b;
    lane2.state = c;
    lane3.state = d;
  }
}
