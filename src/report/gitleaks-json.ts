import { toGitleaksRecord } from './gitleaks-map.js';
import type { Reporter } from './types.js';

/**
 * gitleaks' JSON report: an array of records (report/gitleaks-map.ts), `[]`
 * when nothing was found, as `gitleaks detect --report-format json` writes.
 * Rendered from the masked findings like every format.
 */
export const gitleaksJsonReporter: Reporter = (report) => `${JSON.stringify(report.findings.map(toGitleaksRecord), null, 2)}\n`;
