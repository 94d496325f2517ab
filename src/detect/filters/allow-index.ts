import { RegExpParser, visitRegExpAST } from '@eslint-community/regexpp';
import { requiredLiterals } from '../../rules/literals.js';

/**
 * Indexes that keep large allowlists fast (200,000 stop-words, 10,000 allow
 * regexes): a candidate is checked against the few entries whose literal
 * occurs in it, not against every entry. Each entry has an `order` (its
 * allowance's place in the config, then its place in that allowance's list);
 * lookups return the lowest order that matches, so the reason `--explain`
 * names is the one a scan of the list in order would have found.
 */

/** Literals are looked up by their first characters, at most this many: a handful of lookups a position, whatever the list. */
const KEY = 8;

export interface Ordered {
  /** [allowance index, index in its list]: compared in that order. */
  order: readonly [number, number];
}

export function earlier(a: Ordered | undefined, b: Ordered | undefined): boolean {
  if (!a) return false;
  if (!b) return true;
  return a.order[0] < b.order[0] || (a.order[0] === b.order[0] && a.order[1] < b.order[1]);
}

/** Lower-case literals, found as substrings of a lower-cased text, each with a payload. */
class LiteralIndex<T extends Ordered> {
  private readonly byKey = new Map<string, { literal: string; entry: T }[]>();
  /** Key lengths in use, ascending. */
  private lengths: number[] = [];

  add(literal: string, entry: T): void {
    const key = literal.slice(0, KEY);
    let bucket = this.byKey.get(key);
    if (!bucket) {
      this.byKey.set(key, (bucket = []));
      if (!this.lengths.includes(key.length)) this.lengths = [...this.lengths, key.length].sort((a, b) => a - b);
    }
    bucket.push({ literal, entry });
  }

  /** Calls `found` for every entry whose literal occurs in `lower`. */
  scan(lower: string, found: (entry: T) => void): void {
    const lengths = this.lengths;
    if (lengths.length === 0) return;
    for (let i = 0; i < lower.length; i++) {
      for (const length of lengths) {
        if (i + length > lower.length) break;
        const bucket = this.byKey.get(lower.slice(i, i + length));
        if (!bucket) continue;
        for (const { literal, entry } of bucket) if (literal.length <= KEY || lower.startsWith(literal, i)) found(entry);
      }
    }
  }
}

export interface StopwordEntry<A> extends Ordered {
  /** Lower-cased, as matched. */
  word: string;
  allowance: A;
}

/** Stop-words (case-insensitive substrings of a secret). */
export class StopwordIndex<A> {
  private readonly index = new LiteralIndex<StopwordEntry<A>>();
  /** An empty stop-word is in every secret. */
  private empty: StopwordEntry<A> | undefined;

  add(word: string, allowance: A, order: readonly [number, number]): void {
    const entry = { word: word.toLowerCase(), allowance, order };
    if (word.length === 0) {
      if (earlier(entry, this.empty)) this.empty = entry;
    } else this.index.add(entry.word, entry);
  }

  /** The first stop-word in `secret`, by order. */
  first(secret: string): StopwordEntry<A> | undefined {
    let best = this.empty;
    this.index.scan(secret.toLowerCase(), (entry) => {
      if (earlier(entry, best)) best = entry;
    });
    return best;
  }
}

export interface RegexEntry<A> extends Ordered {
  source: string;
  regex: RegExp;
  allowance: A;
}

/** Regexes tested together this many at a time when no literal narrows them down. */
const BATCH = 64;
const parser = new RegExpParser({ ecmaVersion: 2025 });

/**
 * Allow regexes on one kind of subject. A regex with literals every match
 * must contain is tested only when one occurs; the others are tested in
 * batches joined into one alternation (a batch that does not match clears
 * all of its regexes at once), except those that cannot be joined
 * (backreferences, named groups), which are tested alone.
 */
export class RegexIndex<A> {
  private readonly index = new LiteralIndex<RegexEntry<A>>();
  private readonly always: RegexEntry<A>[] = [];
  private batches: { test: RegExp | undefined; entries: RegexEntry<A>[] }[] | undefined;

  add(source: string, allowance: A, order: readonly [number, number]): void {
    const entry: RegexEntry<A> = { source, regex: new RegExp(source), allowance, order };
    const literals = requiredLiterals(source);
    if (literals) for (const literal of literals) this.index.add(literal, entry);
    else this.always.push(entry);
  }

  /** The first regex, by order, that matches `subject`. */
  first(subject: string): RegexEntry<A> | undefined {
    const hits = new Set<RegexEntry<A>>();
    this.index.scan(subject.toLowerCase(), (entry) => hits.add(entry));
    let best: RegexEntry<A> | undefined;
    for (const entry of hits) if (earlier(entry, best) && entry.regex.test(subject)) best = entry;
    for (const batch of this.batchesOf()) {
      if (!batch.entries.some((e) => earlier(e, best))) continue;
      if (batch.test && !batch.test.test(subject)) continue;
      for (const entry of batch.entries) {
        if (!earlier(entry, best)) break;
        if (entry.regex.test(subject)) best = entry;
      }
    }
    return best;
  }

  private batchesOf(): { test: RegExp | undefined; entries: RegexEntry<A>[] }[] {
    if (this.batches) return this.batches;
    const sorted = [...this.always].sort((a, b) => (earlier(a, b) ? -1 : earlier(b, a) ? 1 : 0));
    const batches: { test: RegExp | undefined; entries: RegexEntry<A>[] }[] = [];
    let joinable: RegexEntry<A>[] = [];
    const flush = (): void => {
      if (joinable.length > 0) batches.push({ test: joined(joinable), entries: joinable });
      joinable = [];
    };
    for (const entry of sorted) {
      if (!canJoin(entry.source)) {
        flush();
        batches.push({ test: undefined, entries: [entry] });
        continue;
      }
      joinable.push(entry);
      if (joinable.length === BATCH) flush();
    }
    flush();
    return (this.batches = batches);
  }
}

function joined(entries: readonly RegexEntry<unknown>[]): RegExp | undefined {
  if (entries.length === 1) return undefined;
  try {
    return new RegExp(entries.map((e) => `(?:${e.source})`).join('|'));
  } catch {
    return undefined;
  }
}

/** Whether a regex means the same inside an alternation: no backreferences (their numbers would shift) and no named groups (names would repeat). */
function canJoin(source: string): boolean {
  try {
    let ok = true;
    visitRegExpAST(parser.parsePattern(source), {
      onBackreferenceEnter: () => {
        ok = false;
      },
      onCapturingGroupEnter: (node) => {
        if (node.name !== null) ok = false;
      },
    });
    return ok;
  } catch {
    return false;
  }
}
