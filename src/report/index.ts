import { githubReporter } from './github/annotations.js';
import { gitleaksJsonReporter } from './gitleaks-json.js';
import { htmlReporter } from './html.js';
import { jsonReporter } from './json.js';
import { jsonLine, jsonlReporter } from './jsonl.js';
import { markdownReporter } from './markdown.js';
import type { ReportedFinding } from './reported.js';
import { sarifReporter } from './sarif.js';
import { textReporter } from './text.js';
import type { Reporter } from './types.js';

export type { Report, Reporter, TextStyle } from './types.js';
export { toReported, toReportedSuppressed, type ReportedFinding, type ReportedSuppressed } from './reported.js';

/** One output format: how a whole report renders, and (streaming formats) how one finding does. */
export interface Format {
  /** One line for `--help`. */
  describe: string;
  render: Reporter;
  /** Streaming formats: one finding's text, written as soon as the finding is final. */
  line?: (finding: ReportedFinding) => string;
}

/**
 * Every output format, by the name `--format` takes: the CLI's choices come
 * from here. Add a format in its own file and register it here; the report
 * contract test (test/report/contract.test.ts) runs every entry.
 */
export const FORMATS = {
  text: { describe: 'readable at a glance; coloured only on a terminal', render: textReporter },
  json: { describe: 'one JSON object: tool, findings, stats', render: jsonReporter },
  jsonl: { describe: 'one finding per line, streamed as files are scanned', render: jsonlReporter, line: jsonLine },
  sarif: { describe: 'SARIF 2.1.0 for GitHub code scanning', render: sarifReporter },
  github: { describe: 'GitHub Actions workflow annotations', render: githubReporter },
  markdown: { describe: 'GitHub-flavoured Markdown: the job summary of a workflow run', render: markdownReporter },
  html: { describe: 'one self-contained page: findings to sort, filter and group, charts, how to revoke', render: htmlReporter },
  'gitleaks-json': { describe: "gitleaks' JSON report, with gitleaks rule ids where one maps", render: gitleaksJsonReporter },
} as const satisfies Record<string, Format>;

export type FormatName = keyof typeof FORMATS;

/** The format names, in the order `--help` lists them. */
export const FORMAT_NAMES = Object.keys(FORMATS) as FormatName[];

export function formatFor(name: string): Format {
  const format = (FORMATS as Record<string, Format | undefined>)[name];
  if (!format) throw new Error(`unknown format ${name}`);
  return format;
}
