/**
 * Builds the prefilter's keyword automaton (prefilter.ts): classes of
 * characters, the keywords' trie, and the dense transition table with
 * failure links folded in. Pure functions, one loop each, not a constructor:
 * V8 compiles a function that loops long while it runs, and compiled the
 * whole constructor (10-38 ms of compile time each) two or three times on
 * every thread.
 */

/** Characters outside ASCII never occur in keywords; they all fall in class 0. */
export const ASCII = 128;

function fold(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}

/** Class of each byte: one per character that occurs in some keyword (upper case shares lower case's), 0 for the rest. */
export function keywordClasses(keywords: readonly string[]): { classes: Uint8Array; classCount: number } {
  const classes = new Uint8Array(256);
  let classCount = 1;
  for (const keyword of keywords) {
    for (let i = 0; i < keyword.length; i++) {
      const code = fold(keyword.charCodeAt(i));
      if (code < ASCII && classes[code] === 0) classes[code] = classCount++;
    }
  }
  for (let c = 65; c <= 90; c++) classes[c] = classes[c + 32]!;
  return { classes, classCount };
}

/** The keywords' trie over classes: edges per state, and the keyword ids that end at each state. */
export function keywordTrie(keywords: readonly string[], classes: Uint8Array): { goto: Map<number, number>[]; outputs: number[][] } {
  const goto: Map<number, number>[] = [new Map<number, number>()];
  const outputs: number[][] = [[]];
  keywords.forEach((keyword, id) => {
    let state = 0;
    for (let i = 0; i < keyword.length; i++) {
      const code = keyword.charCodeAt(i);
      const c = code < ASCII ? classes[code]! : 0;
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
  return { goto, outputs };
}

/**
 * The dense transition table, with breadth-first failure links folded in;
 * adds to `outputs` the keywords that end at each state's failure states. A
 * state accepts when a keyword ends there or at its failure state, which is
 * nearer the root and so known first: each entry gets its `accept` bit as it
 * is written.
 */
export function transitionTable(
  goto: Map<number, number>[],
  outputs: number[][],
  shift: number,
  accept: number,
): Uint16Array | Uint32Array {
  const count = goto.length;
  const width = 1 << shift;
  const table = accept === 0x8000 ? new Uint16Array(count * width) : new Uint32Array(count * width);
  const mask = accept - 1;
  const accepting = new Uint8Array(count);
  const entry = (next: number): number => (accepting[next] === 1 ? (next | accept) >>> 0 : next);
  const fail = new Int32Array(count);
  const queue: number[] = [];
  for (const [c, next] of goto[0]!) {
    if (c === 0) continue;
    accepting[next] = outputs[next]!.length > 0 ? 1 : 0;
    table[c] = entry(next);
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
      fail[next] = table[failRow + c]! & mask;
      accepting[next] = outputs[next]!.length > 0 || accepting[fail[next]] === 1 ? 1 : 0;
      table[state * width + c] = entry(next);
      queue.push(next);
    }
  }
  return table;
}
