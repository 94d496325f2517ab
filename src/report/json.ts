import type { Reporter } from './types.js';

/** One JSON object: `{ tool, findings, stats }`, plus `suppressed` with `--explain` (README, Output; docs/architecture.md). */
export const jsonReporter: Reporter = (report) => {
  const out: Record<string, unknown> = { tool: report.tool, findings: report.findings };
  if (report.suppressed) out.suppressed = report.suppressed;
  if (report.moved) out.moved = report.moved;
  if (report.failed) out.failed = report.failed;
  out.stats = report.stats;
  return `${JSON.stringify(out, null, 2)}\n`;
};
