import type { ReportedFinding } from './reported.js';
import type { Reporter } from './types.js';

/** One finding as one line of JSON (the streaming format's unit). */
export function jsonLine(finding: ReportedFinding): string {
  return `${JSON.stringify(finding)}\n`;
}

/**
 * JSON Lines: one finding per line, nothing else, so `jq` and log shippers can
 * read it as it arrives. `keyhound scan --format jsonl` streams these lines as
 * files are scanned; other commands write them at the end.
 */
export const jsonlReporter: Reporter = (report) => report.findings.map(jsonLine).join('');
