import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir, writeTree } from '../helpers/tmp.js';
import { githubToken } from '../helpers/tokens.js';

/**
 * Never a silent green (issue "Fail closed", the property): a file holding a
 * real-looking token among random padding, binary junk, NUL runs and keyword
 * padding that stalls the slow rules, up to 20 MB, under any kind of name,
 * plain or gzip'd, is either reported by `keyhound scan` (exit 1) or the run
 * says it could not read it (exit 3). Exit 0 would be the bug.
 */
const segment = fc.oneof(
  fc.uint8Array({ minLength: 1, maxLength: 4096 }).map((bytes) => Buffer.from(bytes)),
  fc.integer({ min: 1, max: 64 * 1024 }).map((n) => Buffer.alloc(n)),
  fc.integer({ min: 1, max: 2 * 1024 * 1024 }).map((n) => Buffer.from('pwd'.repeat(Math.ceil(n / 3)))),
  fc.integer({ min: 1, max: 8 * 1024 * 1024 }).map((n) => Buffer.alloc(n, 'x')),
  fc.constantFrom('config = {\n', '  "api": "https://example.com",\n', 'const a = 1;\n').map((text) => Buffer.from(text)),
);

const NAMES = ['app.env', 'settings.yaml', 'dump.sqlite', 'blob', 'image.raw', 'notes.txt', 'main.go'];

describe('fail closed: a planted token is reported or the run is incomplete', () => {
  it('holds for random files up to 20 MB (real CLI processes)', () => {
    fc.assert(
      fc.property(
        fc.array(segment, { minLength: 0, maxLength: 6 }),
        fc.array(segment, { minLength: 0, maxLength: 6 }),
        fc.constantFrom(...NAMES),
        fc.boolean(),
        (before, after, name, gzip) => {
          const token = githubToken();
          let content = Buffer.concat([...before, Buffer.from(`\nGITHUB_TOKEN=${token}\n`), ...after]);
          if (content.length > 20 * 1024 * 1024) content = content.subarray(content.length - 20 * 1024 * 1024);
          if (!content.includes(token)) return;
          const file = gzip ? `${name}.gz` : name;
          const dir = tempDir();
          writeTree(dir, { [file]: gzip ? gzipSync(content) : content });
          const run = runCli(['scan', dir, '--format', 'json', '--file-timeout', '0.5', '--max-file-size', '20MB', '--threads', '1']);
          expect(run.stdout).not.toContain(token);
          const report = JSON.parse(run.stdout) as { findings: unknown[]; stats: { complete: boolean } };
          if (run.code === 1) expect(report.findings.length).toBeGreaterThan(0);
          else {
            expect(run.code, `${file}: ${run.stderr}`).toBe(3);
            expect(report.stats.complete).toBe(false);
          }
        },
      ),
      { numRuns: 24 },
    );
  }, 600_000);
});
