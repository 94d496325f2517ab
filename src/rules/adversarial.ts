import type { RuleSpec } from '../core/types.js';
import { expandTemplates, seededRandom } from './templates.js';

export interface AdversarialInput {
  name: string;
  text: string;
}

/** The characters a secret is made of, from the rule's first positive example (or a broad default). */
function alphabetOf(secret: string): string {
  const chars = [...new Set(secret)].join('');
  return chars.length >= 4 ? chars : 'aZ09+/_-';
}

function fill(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / Math.max(1, unit.length))).slice(0, size);
}

/**
 * Inputs built to make a rule's regex work hard: its own example over and over
 * on one line, each keyword followed by a long run of the secret's characters
 * (no terminator), near-misses (examples cut one character short, repeated),
 * and keywords before long runs of separators, each on a single line.
 */
export function adversarialInputs(rule: RuleSpec, size = 1024 * 1024, denseSize = 64 * 1024): AdversarialInput[] {
  const random = seededRandom(`adversarial:${rule.id}`);
  const example = rule.examples.positive[0] ? expandTemplates(rule.examples.positive[0].text, random).text.replace(/[\r\n]+/g, ' ') : rule.keywords[0]!;
  const secretish = example.replace(/^.{0,40}?[:=]\s{0,4}["']?/, '') || example;
  const alphabet = alphabetOf(secretish);
  // A 4 KiB block repeated: building a 1 MiB run character by character cost more than scanning it (most of this test's time).
  const block = Array.from({ length: 4096 }, (_u, i) => alphabet[(i * 7 + (i >> 3)) % alphabet.length]).join('');
  const run = (length: number) => fill(block, length);
  const keyword = rule.keywords[0]!;
  return [
    // Text dense with real matches costs per finding, not per byte: 64 KiB says as much.
    { name: 'its own example, repeated on one line', text: fill(`${example} `, denseSize) },
    { name: 'a keyword before a long run of secret characters', text: `${keyword}=${run(size - keyword.length - 1)}` },
    { name: 'near-misses: the example cut one character short, repeated', text: fill(`${example.slice(0, -1)}${keyword}`, denseSize) },
    { name: 'keywords before long runs of separators', text: fill(`${rule.keywords.join(' = \t ')}${' '.repeat(64)}:=${'\t'.repeat(64)}`, size) },
  ];
}
