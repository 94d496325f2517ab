import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { ScanTimeoutError } from '../../src/core/errors.js';
import type { ScanResult } from '../../src/core/types.js';
import { Engine } from '../../src/detect/engine.js';
import { builtinRules } from '../../src/rules/builtin.js';
import { decodeBytes } from '../../src/sources/decode.js';
import { locateInBinary } from '../../src/sources/strings.js';
import { githubToken } from '../helpers/tokens.js';

/**
 * Property: whatever surrounds a prefixed, checksummed token (random bytes,
 * NUL runs, keyword padding that stalls the generic rules, text), under any
 * name, plain or gzip'd, the path a file takes through sniffing and the engine
 * reports the token: as text, as a binary's printable run, or in the partial
 * result of a timed-out scan; or refuses the file with a reason (gzip past its
 * limits: highly repetitive padding compresses past 100 times). Never a silent miss.
 */
let engine: Engine;
beforeAll(async () => {
  engine = new Engine(builtinRules(), { budgetMs: 150 });
  await engine.prepare();
});

/**
 * What a file yields: findings of its text, of its printable runs, or of a
 * stopped scan; or the reason it was refused (gzip past its limits), which the
 * runner reports as not scanned: not silent either.
 */
function secretsOf(bytes: Buffer, path: string): string[] | 'refused' {
  const decoded = decodeBytes(bytes, { path });
  if (!decoded.ok && decoded.reason !== 'binary') return 'refused';
  let result: ScanResult;
  try {
    result = decoded.ok
      ? engine.scan({ text: decoded.text, origin: { path } })
      : locateInBinary(engine.scanCertain({ text: decoded.strings.text, origin: { path } }), decoded.strings);
  } catch (error) {
    if (!(error instanceof ScanTimeoutError)) throw error;
    result = error.partial;
  }
  return result.findings.map((f) => f.secret);
}

/** Padding, described small (a counterexample prints the description, not megabytes) and built in the property. */
const padding = fc.oneof(
  fc.record({ kind: fc.constant('random' as const), n: fc.integer({ min: 1, max: 4096 }) }),
  fc.record({ kind: fc.constant('nul' as const), n: fc.integer({ min: 1, max: 64 * 1024 }) }),
  fc.record({ kind: fc.constant('keyword' as const), n: fc.integer({ min: 1, max: 400_000 }) }),
  fc.record({ kind: fc.constant('text' as const), n: fc.integer({ min: 1, max: 2000 }) }),
  fc.record({ kind: fc.constant('code' as const), n: fc.integer({ min: 1, max: 2048 }) }),
);
type Padding = { kind: 'random' | 'nul' | 'keyword' | 'text' | 'code'; n: number };

function build(p: Padding): Buffer {
  switch (p.kind) {
    case 'random':
      return randomBytes(p.n);
    case 'nul':
      return Buffer.alloc(p.n);
    case 'keyword':
      return Buffer.from('pwd'.repeat(p.n));
    case 'text':
      return Buffer.from(`password = hunter2 # a line of text\n`.repeat(Math.ceil(p.n / 36)));
    case 'code':
      return Buffer.from(randomBytes(p.n).map((b) => (b % 3 === 0 ? 0 : b % 32)));
  }
}

describe('a planted token is never lost to sniffing or the budget', () => {
  it('is reported, however it is padded, named and compressed', () => {
    fc.assert(
      fc.property(
        fc.array(padding, { maxLength: 4 }),
        fc.array(padding, { maxLength: 4 }),
        fc.constantFrom('.env', 'app.bin', 'data', 'notes.txt', 'x.sqlite'),
        fc.boolean(),
        (before, after, name, gzip) => {
          const token = githubToken();
          const plain = Buffer.concat([...before.map(build), Buffer.from(`\n${token}\n`), ...after.map(build)]);
          const bytes = gzip ? gzipSync(plain) : plain;
          const found = secretsOf(bytes, gzip ? `${name}.gz` : name);
          if (found === 'refused') expect(gzip).toBe(true);
          else expect(found).toContain(token);
        },
      ),
      { numRuns: 60 },
    );
  }, 300_000);
});
