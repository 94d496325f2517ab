import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { notVerifyingList, verifyingTables } from './doc-tables.js';
import { RULES, VERIFYING } from './examples.js';

const DOC = path.join(ROOT, 'docs', 'verification.md');

/** The document with the text between `<!-- generated: NAME ... -->` and `<!-- end: NAME -->` replaced. */
function withSection(doc: string, name: string, body: string): string {
  const start = new RegExp(`(<!-- generated: ${name}[^>]*-->\\n)[\\s\\S]*?(<!-- end: ${name} -->)`);
  expect(doc, `docs/verification.md lacks the markers of "${name}"`).toMatch(start);
  return doc.replace(start, (_whole, open: string, close: string) => `${open}\n${body}\n\n${close}`);
}

describe('docs/verification.md lists which rules verify and which do not', () => {
  it('is up to date with the rules (KEYHOUND_UPDATE_DOCS=1 rewrites the generated parts)', () => {
    const doc = readFileSync(DOC, 'utf8');
    const expected = withSection(withSection(doc, 'verifying rules', verifyingTables(RULES)), 'not verifying', notVerifyingList(RULES));
    if (process.env.KEYHOUND_UPDATE_DOCS === '1') writeFileSync(DOC, expected);
    expect(doc).toBe(expected);
  });

  it('names every verifying rule once in the tables, and every other reported rule once in the reasons', () => {
    const doc = readFileSync(DOC, 'utf8');
    for (const rule of RULES) {
      if (rule.report === false) continue;
      const mentions = doc.split(`\`${rule.id}\``).length - 1;
      expect(mentions, rule.id).toBe(1);
    }
    expect(VERIFYING.length).toBeGreaterThanOrEqual(150);
  });
});
