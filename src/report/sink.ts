import type { ScanReport } from '../core/report.js';
import type { Finding } from '../core/types.js';
import { openOutput, streamOutput, type Output } from '../io/write.js';
import { formatFor } from './index.js';
import { toReported } from './reported.js';
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
      if (streamed) output().write(format.line!(toReported(finding, { redact: options.redact !== false })));
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
