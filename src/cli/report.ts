import { render } from '../report/render.js';
import type { ScanReport } from '../scan/collector.js';
import type { CliIO } from './io.js';
import { emit, useColor } from './output.js';

export interface ReportArgs {
  format: string;
  output?: string;
  redact: boolean;
  explain: boolean;
  quiet: boolean;
  'exit-code': number;
}

/** After `--format jsonl` streamed the findings: the summary line and the exit code. */
export function finishStreamed(scan: ScanReport, argv: ReportArgs, io: CliIO): number {
  summarize(scan, argv, io);
  return scan.findings.length > 0 ? argv['exit-code'] : 0;
}

function summarize(scan: ScanReport, argv: ReportArgs, io: CliIO): void {
  if (argv.output && argv.output !== '-' && !argv.quiet) {
    const n = scan.findings.length;
    io.stderr.write(
      `keyhound: ${n === 0 ? 'no secrets' : `${n} secret${n === 1 ? '' : 's'}`} found in ${scan.stats.files} files; report written to ${argv.output}\n`,
    );
  }
}

/** Renders a report where the user asked, prints a one-line summary on stderr when the report went to a file, and picks the exit code. */
export async function finishReport(scan: ScanReport, argv: ReportArgs, io: CliIO, root?: string): Promise<number> {
  const content = render(scan, { format: argv.format, redact: argv.redact, color: useColor(io, argv.output), explain: argv.explain, root });
  await emit(io, content, argv.output);
  summarize(scan, argv, io);
  return scan.findings.length > 0 ? argv['exit-code'] : 0;
}
