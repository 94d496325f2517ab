import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { identity } from '../../src/core/fingerprint.js';
import { redact } from '../../src/core/redact.js';
import type { Finding } from '../../src/core/types.js';
import { Engine } from '../../src/detect/engine.js';
import { toReported } from '../../src/report/reported.js';
import { builtinRules } from '../../src/rules/builtin.js';
import { fake } from '../helpers/providers.js';
import { githubToken } from '../helpers/tokens.js';

/**
 * Properties of the whole engine with every built-in rule, over generated text:
 * it never throws, its locations are sane, reported findings never carry the
 * raw secret, and a finding's identity (rule and secret) does not depend on where
 * it sits.
 */
const rules = builtinRules();
const keywords = [...new Set(rules.flatMap((rule) => rule.keywords))];
let engine: Engine;
let explaining: Engine;
beforeAll(async () => {
  engine = new Engine(rules);
  explaining = new Engine(rules, { explain: true, redact: false });
  await Promise.all([engine.prepare(), explaining.prepare()]);
});

/** Text built to reach rules: keywords, assignments, token-shaped runs, base64, line breaks of every kind, and arbitrary code units. */
const piece = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 3, arbitrary: fc.constantFrom(...keywords) },
  { weight: 3, arbitrary: fc.stringMatching(/^[A-Za-z0-9+/=_-]{8,64}$/) },
  { weight: 1, arbitrary: fc.base64String({ minLength: 8, maxLength: 80 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '=',
      ': ',
      '="',
      "'",
      '"',
      '\n',
      '\r\n',
      '\r',
      ' ',
      '\t',
      '-----BEGIN RSA PRIVATE KEY-----',
      'keyhound:allow',
      '\u2028',
      '😀',
      '\ud800',
    ),
  },
  { weight: 1, arbitrary: fc.constant(null).map(() => githubToken()) },
);
const text = fc.array(piece, { maxLength: 50 }).map((pieces) => pieces.join(''));

function checkFinding(finding: Finding, chunkText: string, firstLine: number): void {
  expect(finding.line).toBeGreaterThanOrEqual(firstLine);
  expect(finding.endLine).toBeGreaterThanOrEqual(finding.line);
  expect(finding.column).toBeGreaterThanOrEqual(1);
  // The engine makes no fingerprints (each costs a scrypt): the runner stamps what it reports.
  expect(finding.fingerprint).toBe('');
  // A direct finding's secret is the text at its offset; a decoded one's is inside its encoded segment.
  if (!finding.decoded) expect(chunkText.slice(finding.offset, finding.offset + finding.secret.length)).toBe(finding.secret);
  const shown = JSON.stringify(toReported(finding));
  if (finding.secret.length >= 8) expect(shown).not.toContain(finding.secret);
}

describe('engine properties over arbitrary text', () => {
  it('never throws, and every finding is located and redacted, whatever the chunk', () => {
    let findings = 0;
    fc.assert(
      fc.property(
        text,
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 1, max: 500 }),
        fc.boolean(),
        fc.string({ unit: 'binary', maxLength: 30 }),
        (chunkText, firstLine, firstColumn, diff, path) => {
          const lines = diff ? [{ start: firstLine, end: firstLine + 3 }] : undefined;
          for (const scanner of [engine, explaining]) {
            const result = scanner.scan({ text: chunkText, origin: { path }, firstLine, firstColumn, ...(lines ? { lines } : {}) });
            findings += result.findings.length;
            for (const finding of result.findings) checkFinding(finding, chunkText, firstLine);
            for (const dropped of result.suppressed) expect(dropped.line).toBeGreaterThanOrEqual(firstLine);
          }
        },
      ),
      { numRuns: 1000 },
    );
    // The generated text does reach rules (GitHub tokens are planted among the pieces).
    expect(findings).toBeGreaterThan(20);
  });

  it('redaction never gives the secret back, in any field, even when a commit message or a provider answer quotes it', () => {
    const secret = githubToken();
    const [finding] = engine.scan({ text: `t = "${secret}"\n`, origin: { path: 'a' } }).findings;
    expect(finding).toBeDefined();
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }), (before, after) => {
        const quoted = `${before}${secret}${after}`;
        const shown = toReported({
          ...finding!,
          origin: {
            ...finding!.origin,
            commit: { sha: 'a'.repeat(40), author: quoted, email: quoted, date: '2024-01-01T00:00:00Z', message: quoted },
          },
          context: { site: quoted },
          verified: { status: 'live', reason: quoted },
        });
        expect(JSON.stringify(shown)).not.toContain(secret);
        expect(redact(quoted)).not.toBe(quoted);
      }),
      { numRuns: 200 },
    );
  });
});

describe('identities under insertion of unrelated lines', () => {
  /** Blocks of self-contained lines, each holding one secret (pairs stay together in their block). */
  function blocks(): string[] {
    return [
      `GITHUB_TOKEN=${githubToken()}`,
      `NPM_TOKEN=${githubToken('npm_')}`,
      `SLACK_BOT_TOKEN=${fake.slackBot()}`,
      `stripe_key = "${fake.stripeLive()}"`,
      `OPENAI_API_KEY=${fake.openai()}`,
      `aws_access_key_id = ${fake.awsKeyId()}\naws_secret_access_key = ${fake.awsSecret()}`,
      `BT_API_HOST=acme.beyondtrustcloud.com\nBT_CLIENT_ID=${fake.btClientId()}\nBT_CLIENT_SECRET=${fake.btSecret()}`,
    ];
  }
  // Lines that cannot hold a secret or a keyword: digits, spaces and punctuation.
  const unrelated = fc.array(fc.stringMatching(/^[0-9 .,;()[\]{}<>#*!?]{0,60}$/), { maxLength: 6 });

  // A fingerprint is a function of rule and secret alone (test/core/fingerprint.test.ts): the same identities mean the same fingerprints.
  it('the same findings with the same identities, each moved down by the lines inserted above it', () => {
    const planted = blocks();
    const eol = fc.constantFrom('\n', '\r\n');
    const base = engine.scan({ text: `${planted.join('\n')}\n`, origin: { path: 'app.env' } }).findings;
    expect(base.length).toBeGreaterThanOrEqual(planted.length);
    fc.assert(
      fc.property(fc.array(unrelated, { minLength: planted.length + 1, maxLength: planted.length + 1 }), eol, (inserts, newline) => {
        let chunkText = '';
        let shift = 0;
        const shifts: number[] = [];
        planted.forEach((block, i) => {
          const lines = inserts[i]!;
          chunkText += lines.map((l) => `${l}${newline}`).join('');
          shift += lines.length;
          shifts.push(shift);
          chunkText += `${block.split('\n').join(newline)}${newline}`;
        });
        chunkText += inserts[planted.length]!.map((l) => `${l}${newline}`).join('');
        const moved = engine.scan({ text: chunkText, origin: { path: 'app.env' } }).findings;
        expect(moved.map(identity).sort()).toEqual(base.map(identity).sort());
        // Every finding moved down by exactly the lines inserted above its block.
        const lineOf = new Map(base.map((f) => [identity(f), f.line]));
        const blockOf = (line: number): number =>
          planted.findIndex(
            (_b, i) =>
              planted
                .slice(0, i + 1)
                .join('\n')
                .split('\n').length >= line,
          );
        for (const f of moved) expect(f.line - lineOf.get(identity(f))!).toBe(shifts[blockOf(lineOf.get(identity(f))!)]);
      }),
      { numRuns: 150 },
    );
  });
});
