import { describe, expect, it } from 'vitest';
import type { ScanReport } from '../../src/core/report.js';
import { FileSource } from '../../src/sources/files.js';
import { FORMAT_NAMES, FORMATS, formatFor } from '../../src/report/index.js';
import { toReported } from '../../src/report/reported.js';
import { render } from '../../src/report/render.js';
import { reportSink } from '../../src/report/sink.js';
import { builtinRules } from '../../src/rules/builtin.js';
import { Fingerprints } from '../../src/scan/fingerprints.js';
import { runScan } from '../../src/scan/runner.js';
import { tempDir, writeTree } from '../helpers/tmp.js';
import { githubToken } from '../helpers/tokens.js';

/**
 * The contract every output format keeps, checked for every format in the
 * registry (src/report/index.ts): it renders a report with and without
 * findings, deterministically, masks every secret unless asked not to, and a
 * streaming format's batch output is exactly its streamed lines. A new format
 * registered there is held to all of this without touching this file.
 */
async function scanned(): Promise<{ report: ScanReport; secrets: string[] }> {
  const dir = tempDir();
  const secrets = [githubToken(), githubToken('gho_')];
  writeTree(dir, { 'a/app.env': `GITHUB_TOKEN=${secrets[0]!}\n`, 'b/deploy.sh': `export OAUTH="${secrets[1]!}"\n` });
  const report = await runScan({
    source: new FileSource({ paths: [dir], root: dir }),
    rules: builtinRules(),
    engine: {},
    fingerprints: new Fingerprints(),
  });
  return { report, secrets };
}

/** A sink that collects what it is given, standing in for stdout. */
function memory(): { stream: NodeJS.WritableStream; text: () => string } {
  let text = '';
  const stream = { write: (chunk: string) => ((text += chunk), true), on: () => stream } as unknown as NodeJS.WritableStream;
  return { stream, text: () => text };
}

describe('every registered output format', () => {
  for (const name of FORMAT_NAMES) {
    describe(name, () => {
      it('renders findings deterministically, without any secret unless --no-redact', async () => {
        const { report, secrets } = await scanned();
        expect(report.findings).toHaveLength(2);
        const out = render(report, { format: name });
        expect(out.length).toBeGreaterThan(0);
        expect(out.endsWith('\n')).toBe(true);
        expect(render(report, { format: name })).toBe(out);
        for (const secret of secrets) expect(out).not.toContain(secret);
        const whole = render(report, { format: name, redact: false });
        for (const secret of secrets) expect(whole).toContain(secret);
      });

      it('renders a report with no findings', () => {
        const empty: ScanReport = { findings: [], suppressed: [], stats: { files: 3, bytes: 10, skipped: {}, durationMs: 1 } };
        expect(() => render(empty, { format: name })).not.toThrow();
      });

      it('streams the same bytes it renders at the end (streaming formats), through the runner and a sink', async () => {
        const format = formatFor(name);
        const { report } = await scanned();
        if (!format.line) {
          expect(FORMATS[name]).not.toHaveProperty('line');
          return;
        }
        const lines = report.findings.map((finding) => format.line!(toReported(finding))).join('');
        expect(lines).toBe(render(report, { format: name }));
        const dir = tempDir();
        writeTree(dir, { 'app.env': `GITHUB_TOKEN=${githubToken()}\n` });
        const out = memory();
        const streamed = await runScan({
          source: new FileSource({ paths: [dir], root: dir }),
          rules: builtinRules(),
          engine: {},
          fingerprints: new Fingerprints(),
          sinks: [reportSink({ format: name, stdout: out.stream })],
        });
        expect(out.text()).toBe(render(streamed, { format: name }));
      });
    });
  }
});
