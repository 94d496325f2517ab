import { githubReporter } from './github.js';
import { jsonReporter } from './json.js';
import { jsonlReporter } from './jsonl.js';
import { sarifReporter } from './sarif.js';
import { textReporter } from './text.js';
import type { Reporter } from './types.js';

export type { Report, Reporter, TextStyle } from './types.js';
export { toReported, toReportedSuppressed, type ReportedFinding, type ReportedSuppressed } from './reported.js';

/** Every output format, by the name `--format` takes. Add a format here and in its own file. */
export const REPORTERS: Record<string, Reporter> = {
  text: textReporter,
  json: jsonReporter,
  jsonl: jsonlReporter,
  sarif: sarifReporter,
  github: githubReporter,
};
