import type { Chunk } from '../core/types.js';
import { looseRegexes, type CompiledRule } from './compile.js';
import { shannonEntropy } from './entropy.js';
import type { Candidate } from './filters/types.js';
import { windowsAround, type Window } from './windows.js';

/**
 * A rule's candidates at its keyword hits (`starts`): one sticky attempt per
 * hit, or its regex in windows around them. `loose`: a certain rule's
 * regex without its leading lookbehinds (binary files' printable runs).
 */
export function ruleCandidates(
  rule: CompiledRule,
  chunk: Chunk,
  starts: readonly number[],
  longestKeyword: number,
  loose = false,
): Candidate[] {
  if (rule.matchesPath && !rule.matchesPath(chunk.origin.path)) return [];
  if (loose && rule.certain) return findAnchoredCandidates(rule, chunk.text, starts, looseRegexes(rule));
  if (rule.sticky) return findAnchoredCandidates(rule, chunk.text, starts);
  return findCandidates(rule, chunk.text, windowsAround(chunk.text, starts, longestKeyword, rule.window));
}

/** A rule's longest keyword: windows reach at least that far past a hit. */
export function longestKeyword(rule: CompiledRule): number {
  let longest = 0;
  for (const keyword of rule.spec.keywords) longest = Math.max(longest, keyword.length);
  return longest;
}

/**
 * Runs a rule's regex inside each window. A match that touches a window edge
 * the window did not share with the text may have been cut short (or its
 * lookbehind starved), so that window is retried four times wider until no
 * match touches a cut edge: windows trade speed, never recall.
 */
export function findCandidates(rule: CompiledRule, text: string, windows: readonly Window[]): Candidate[] {
  const found = new Map<string, Candidate>();
  for (const initial of windows) {
    let window = initial;
    for (;;) {
      const cutEdge = runWindow(rule, text, window, found);
      if (!cutEdge) break;
      const grow = Math.max(window.end - window.start, rule.window) * 2;
      window = { start: Math.max(0, window.start - grow), end: Math.min(text.length, window.end + grow) };
    }
  }
  return [...found.values()].sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * Keyword hits denser than one per this many characters make one sticky
 * attempt each cost more (a call per hit) than the regex's own scan of the
 * whole text; text padded with a keyword is the case that matters.
 */
const DENSE_HITS = 256;
/** ...and this many at least: in a small file a few hits are cheaper than a scan of it all. */
const DENSE_MIN = 64;

/**
 * For rules whose every match starts with a keyword: one sticky attempt at each
 * hit, over the whole text (so lookbehinds see real context and nothing is cut).
 * When hits are dense, the regex scans the text once instead: every match
 * starts at a hit, so the leftmost match past the previous one is the match at
 * the first hit past it, and both find the same candidates.
 */
export function findAnchoredCandidates(
  rule: CompiledRule,
  text: string,
  starts: readonly number[],
  loose?: { regex: RegExp; sticky: RegExp },
): Candidate[] {
  // rule.regex is read only here: an anchored rule builds its global regex on first use (compile.ts).
  if (starts.length >= DENSE_MIN && starts.length * DENSE_HITS > text.length) return findAll(rule, text, loose ? loose.regex : rule.regex);
  const regex = loose ? loose.sticky : rule.sticky!;
  // The gate is worked out from the rule's own pattern: loose regexes (no leading lookbehinds) go without it.
  const gate = loose ? undefined : rule.gate;
  const out: Candidate[] = [];
  let covered = -1;
  for (const start of starts) {
    // A hit inside the previous match's name and separator starts nothing new; one inside its value may
    // (`key = process.env.API_TOKEN || "…"`: the value is a reference, the fallback after it is the key).
    if (start < covered) continue;
    if (gate) {
      gate.lastIndex = start;
      if (!gate.test(text)) continue;
    }
    regex.lastIndex = start;
    const m = regex.exec(text);
    if (!m || m[0].length === 0) continue;
    const candidate = toCandidate(rule, text, m, 0);
    if (candidate) {
      out.push(candidate);
      covered = candidate.secretStart;
    }
  }
  return out;
}

/** Every match of a rule's regex in the whole text, left to right. */
function findAll(rule: CompiledRule, text: string, regex: RegExp): Candidate[] {
  const out: Candidate[] = [];
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m; m = regex.exec(text)) {
    if (m[0].length === 0) {
      regex.lastIndex++;
      continue;
    }
    const candidate = toCandidate(rule, text, m, 0);
    if (candidate) out.push(candidate);
  }
  return out;
}

function toCandidate(rule: CompiledRule, text: string, m: RegExpExecArray, base: number): Candidate | undefined {
  const start = base + m.index;
  const end = start + m[0].length;
  const group = m.indices?.groups?.secret;
  const secretStart = group ? base + group[0] : start;
  const secretEnd = group ? base + group[1] : end;
  if (secretEnd <= secretStart) return undefined;
  const secret = text.slice(secretStart, secretEnd);
  const candidate: Candidate = { rule, start, end, secretStart, secretEnd, secret, match: m[0], entropy: shannonEntropy(secret) };
  // The match's other named groups (the `id` of an `id:secret` pair) are for verification only.
  if (m.groups) {
    for (const [name, value] of Object.entries(m.groups as Record<string, string | undefined>))
      if (value !== undefined && name !== 'secret') (candidate.related ??= {})[name] = value;
  }
  return candidate;
}

/** Collects matches into `found`; returns true when a match touched a cut edge and the window must grow. */
function runWindow(rule: CompiledRule, text: string, window: Window, found: Map<string, Candidate>): boolean {
  const whole = window.start === 0 && window.end === text.length;
  const slice = whole ? text : text.slice(window.start, window.end);
  if (rule.gate) {
    // No gate match in the window: no match of the rule either, and no edge to widen.
    rule.gate.lastIndex = 0;
    if (!rule.gate.test(slice)) return false;
  }
  const regex = rule.regex;
  const pending: Candidate[] = [];
  regex.lastIndex = 0;
  for (let m = regex.exec(slice); m; m = regex.exec(slice)) {
    if (m[0].length === 0) {
      regex.lastIndex++;
      continue;
    }
    const end = window.start + m.index + m[0].length;
    if ((window.start > 0 && m.index === 0) || (window.end < text.length && end === window.end)) return true;
    const candidate = toCandidate(rule, text, m, window.start);
    if (candidate) pending.push(candidate);
  }
  for (const candidate of pending) found.set(`${candidate.secretStart}:${candidate.secretEnd}`, candidate);
  return false;
}
