import type { CompiledRule } from './compile.js';
import { longestKeyword } from './candidates.js';
import { asciiRunEndingAt, Prefilter } from './prefilter.js';

/** Literals of the inline markers (inline.ts), found by the same pass as rule keywords. */
const MARKER_KEYWORDS = ['keyhound:', 'gitleaks:allow', 'allowlist'];
const MARKER = -1;
/** Pseudo rule indexes of literal hints: -2 for the first, -3 for the second, ... */
const HINT = -2;

export interface Routes {
  /** Indexes of the rules whose keywords occur, ascending. */
  rules: number[];
  /** For each rule index in `rules`, the offsets where its keywords start, ascending. */
  starts: number[][];
  /** Whether an inline marker may occur (cheap to know here, costly to search for). */
  markers: boolean;
  /** Bit i is set when the i-th literal hint given to the router occurs (the decode stage's formats). */
  hints: number;
}

/**
 * Sends each chunk only to the rules whose keywords occur in it, with the
 * offsets where they occur: one prefilter pass, then per-rule hit lists.
 */
export class KeywordRouter {
  private readonly prefilter: Prefilter;
  /** Per automaton state: flat [ruleIndex, keywordLength, ...] of every keyword ending there. */
  private readonly stateRoutes: Int32Array[];
  /** Reused between chunks (an engine scans one chunk at a time). */
  private readonly starts: number[][];

  /** `hints`: up to 30 lower-case literals that other stages ask about (Routes.hints), found by the same pass. */
  constructor(rules: readonly CompiledRule[], hints: readonly string[] = []) {
    const keywords: string[] = [];
    const keywordRules: number[][] = [];
    const ids = new Map<string, number>();
    const add = (keyword: string, ruleIndex: number): void => {
      let id = ids.get(keyword);
      if (id === undefined) {
        id = keywords.length;
        ids.set(keyword, id);
        keywords.push(keyword);
        keywordRules.push([]);
      }
      if (!keywordRules[id]!.includes(ruleIndex)) keywordRules[id]!.push(ruleIndex);
    };
    rules.forEach((rule, index) => rule.spec.keywords.forEach((keyword) => add(keyword, index)));
    for (const marker of MARKER_KEYWORDS) add(marker, MARKER);
    hints.forEach((hint, i) => add(hint, HINT - i));
    this.prefilter = new Prefilter(keywords);
    this.stateRoutes = Array.from({ length: this.prefilter.stateCount }, (_unused, state) => {
      const routes: number[] = [];
      for (const id of this.prefilter.keywordsAt(state)) for (const rule of keywordRules[id]!) routes.push(rule, keywords[id]!.length);
      return Int32Array.from(routes);
    });
    this.starts = rules.map(() => []);
  }

  /** Forgets hits of a `route` call that was stopped part-way (the engine's time budget). */
  reset(): void {
    for (let i = 0; i < this.starts.length; i++) if (this.starts[i]!.length > 0) this.starts[i] = [];
  }

  /** `bytes`: the text as ASCII bytes, when the caller has them (Chunk.bytes). */
  route(text: string, bytes?: Uint8Array): Routes {
    const { count, pairs, exact } = this.prefilter.find(text, bytes);
    const touched: number[] = [];
    let markers = false;
    let hints = 0;
    for (let i = 0; i < count; i++) {
      const end = pairs[i * 2]!;
      const routes = this.stateRoutes[pairs[i * 2 + 1]!]!;
      // Read from a copy, a keyword is there only if the text is ASCII all along it: looked at once a hit, for its longest keyword.
      const ascii = exact ? Infinity : asciiRunEndingAt(text, end, this.prefilter.longest);
      for (let r = 0; r < routes.length; r += 2) {
        const rule = routes[r]!;
        if (routes[r + 1]! > ascii) continue;
        if (rule < 0) {
          if (rule === MARKER) markers = true;
          else hints |= 1 << (HINT - rule);
          continue;
        }
        const list = this.starts[rule]!;
        if (list.length === 0) touched.push(rule);
        list.push(end - routes[r + 1]! + 1);
      }
    }
    touched.sort((a, b) => a - b);
    const starts = touched.map((rule) => {
      const list = this.starts[rule]!;
      this.starts[rule] = [];
      // Hits arrive in order of their end; keywords of different lengths can end in a different order than they start.
      for (let i = 1; i < list.length; i++) {
        if (list[i]! < list[i - 1]!) return list.sort((a, b) => a - b);
      }
      return list;
    });
    return { rules: touched, starts, markers, hints };
  }
}

/** A set of rules with their router and each one's longest keyword (windows reach at least that far past a hit). */
export class RuleView {
  readonly router: KeywordRouter;
  readonly longest: number[];

  constructor(
    readonly rules: readonly CompiledRule[],
    hints: readonly string[] = [],
  ) {
    this.router = new KeywordRouter(rules, hints);
    this.longest = rules.map(longestKeyword);
  }
}
