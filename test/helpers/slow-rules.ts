import { writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Custom rules that pass `rules lint` (one unbounded repetition of a single
 * literal character is allowed) yet are quadratic on a long run of spaces: at
 * each start ` *` eats the whole run, then fails. Their keyword is three
 * spaces, so a run of spaces is one long window. 200 KB of spaces costs about
 * 10^10 steps, minutes; 40 KB about 10^9, a few seconds. Returns the rule file.
 */
export function slowRules(dir: string, ids: readonly string[] = ['slow-first', 'slow-second']): string {
  const rule = (id: string) => `
  - id: ${id}
    title: Slow probe ${id}
    severity: low
    confidence: low
    keywords: ['   ']
    pattern: ' *x(?<secret>[a-z0-9]{12})'
    references: [https://example.org/slow]
    remediation: Nothing to revoke; a test rule.
    examples:
      positive: ['   xk3j9d8f7q2w1']
      negative: ['nothing here']`;
  const file = path.join(dir, 'slow.yaml');
  writeFileSync(file, `provider: Slow\nrules:${ids.map(rule).join('')}\n`);
  return file;
}

/** Text that stalls {@link slowRules} for minutes: past any test's budget. */
export const STALLING_TEXT = `#${' '.repeat(200_000)}.\n`;
