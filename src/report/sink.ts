import { maskTokens } from '../core/redact.js';
import type { ScanReport } from '../core/report.js';
import type { Finding } from '../core/types.js';
import { openOutput, streamOutput, type Output } from '../io/write.js';
import { formatFor } from './index.js';
import { Masker } from './mask.js';
import { secretsOf, toReported, type ReportedFinding } from './reported.js';
import { render, type RenderOptions } from './render.js';

/**
 * Where a scan's results go. The runner (src/scan/runner.ts) opens every sink
 * before the scan, hands streaming sinks each finding as it becomes final,
 * and gives every sink the finished report; a failed run aborts them, so no
 * half-written output is left behind.
 */
export interface Sink {
  /** Before the scan: `streaming` says whether {@link finding} will be called with each finding before {@link finish}. */
  open?(streaming: boolean): void | Promise<void>;
  /** A final finding, after every per-finding step (streaming runs only). */
  finding?(finding: Finding): void;
  finish(report: ScanReport): void | Promise<void>;
  abort?(): void | Promise<void>;
}

export interface ReportSinkOptions extends RenderOptions {
  /** Absolute path of `--output`; absent: `stdout`. */
  file?: string;
  stdout: NodeJS.WritableStream;
}

/**
 * A report in one format to a file or standard output. Streaming formats
 * (`jsonl`) write each finding as it comes when the run streams; others
 * render the whole report at the end. A file is readable by its owner only:
 * with `--no-redact` it holds secrets.
 */
export function reportSink(options: ReportSinkOptions): Sink {
  const format = formatFor(options.format);
  let out: Output | undefined;
  let streamed = false;
  // A streamed line goes out before the run knows every secret: the masker learns them as they come.
  const masker = options.redact === false ? undefined : new Masker([], options.hidePercent);
  const streamedFinding = (finding: Finding): ReportedFinding => {
    if (!masker) return toReported(finding, { redact: false });
    masker.add(secretsOf(finding));
    const out = toReported(finding, { masker });
    // A commit message may quote a secret of a commit not yet scanned: token-like runs in it are masked too.
    for (const key of ['author', 'email', 'message'] as const) if (out[key] !== undefined) out[key] = maskTokens(out[key]);
    return out;
  };
  const output = (): Output => {
    out ??= options.file ? openOutput(options.file, 0o600) : streamOutput(options.stdout);
    return out;
  };
  return {
    open(streaming) {
      streamed = streaming && format.line !== undefined;
      if (streamed) output();
    },
    finding(finding) {
      if (streamed) output().write(format.line!(streamedFinding(finding)));
    },
    async finish(report) {
      if (!streamed) output().write(render(report, options));
      await output().close();
    },
    async abort() {
      await out?.abort();
    },
  };
}
