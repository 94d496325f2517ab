import { printable } from '../core/printable.js';
import type { ReportedFinding } from './reported.js';
import { describeIncomplete } from '../core/completeness.js';
import { incompleteOf, type Report, type Reporter, type TextStyle } from './types.js';

const CODES = { red: 31, yellow: 33, blue: 34, magenta: 35, gray: 90, bold: 1, dim: 2 } as const;
type Paint = (code: keyof typeof CODES, text: string) => string;

function painter(style: TextStyle): Paint {
  return style.color ? (code, text) => `\u001b[${CODES[code]}m${text}\u001b[0m` : (_code, text) => text;
}

const SEVERITY_COLOR = { critical: 'magenta', high: 'red', medium: 'yellow', low: 'blue' } as const;

/** The first sentence of the remediation, enough to act on at a glance. */
function hint(remediation: string): string {
  const sentence = /^.{20,}?[.!?](?=\s|$)/s.exec(remediation)?.[0] ?? remediation;
  const flat = sentence.replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 197)}...` : flat;
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
}

function formatFinding(finding: ReportedFinding, paint: Paint): string {
  // Audits of several repositories (keyhound github org) name the repository first.
  // Paths come from the scanned input: a file name with a newline or an escape sequence must not forge or repaint lines.
  // So are commit metadata, context values and a provider's answer: all of it goes through printable().
  const where = `${finding.repository ? `${printable(finding.repository)}:` : ''}${printable(finding.path)}:${finding.line}:${finding.column}`;
  const lines = [
    `${paint(SEVERITY_COLOR[finding.severity], finding.severity.toUpperCase().padEnd(8))} ${paint('bold', finding.title)} ${paint('gray', `[${finding.ruleId}]`)}`,
    `  ${paint('bold', where)}  ${finding.secret}`,
  ];
  if (finding.commit) {
    lines.push(
      `  ${paint('gray', `commit ${finding.commit.slice(0, 12)} by ${printable(finding.author ?? '')} <${printable(finding.email ?? '')}> on ${finding.date?.slice(0, 10)}: ${printable(finding.message ?? '')}`)}`,
    );
  }
  if (finding.occurrences && finding.occurrences > 1) lines.push(`  ${paint('gray', `seen ${finding.occurrences} times at this path`)}`);
  if (finding.context && Object.keys(finding.context).length > 0) {
    lines.push(
      `  ${paint(
        'gray',
        Object.entries(finding.context)
          .map(([k, v]) => `${printable(k)}: ${printable(v)}`)
          .join(', '),
      )}`,
    );
  }
  if (finding.decoded) lines.push(`  ${paint('gray', `found inside ${finding.decoded}-encoded text`)}`);
  if (finding.verified)
    lines.push(
      `  ${finding.verified.status === 'live' ? paint('red', 'LIVE') : finding.verified.status}: ${printable(finding.verified.reason)}`,
    );
  lines.push(`  ${paint('dim', printable(finding.snippet))}`);
  lines.push(`  ${paint('gray', 'fix:')} ${hint(finding.remediation)}`);
  return lines.join('\n');
}

function summary(report: Report, paint: Paint): string {
  const { stats, findings } = report;
  const count = findings.length;
  const head = count === 0 ? paint('bold', 'No secrets found') : paint('red', `${count} secret${count === 1 ? '' : 's'} found`);
  const skipped = Object.entries(stats.skipped)
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => a.localeCompare(b));
  const skippedText = skipped.length > 0 ? `; skipped ${skipped.map(([reason, n]) => `${n} ${reason}`).join(', ')}` : '';
  const line = `${head} in ${stats.files} file${stats.files === 1 ? '' : 's'} (${formatBytes(stats.bytes)}) in ${(stats.durationMs / 1000).toFixed(2)} s${skippedText}.`;
  const incomplete = incompleteOf(stats);
  if (!incomplete) return line;
  const failed = (report.failed ?? [])
    .map((f) => `\n  ${paint('yellow', 'failed:')} ${printable(f.input)}: ${printable(f.reason)}`)
    .join('');
  // Said under the summary, in every report that has findings or not: a clean result is not a clean bill.
  return `${line}\n${paint('yellow', `Incomplete: ${describeIncomplete(incomplete, printable)}. What was scanned is reported; nothing can be said of the rest.`)}${failed}`;
}

/** Readable at a glance: severity, title, rule, place, redacted secret, snippet, how to fix. */
export const textReporter: Reporter = (report, style) => {
  const paint = painter(style);
  const blocks = report.findings.map((finding) => formatFinding(finding, paint));
  if (report.moved && report.moved.length > 0) {
    blocks.push(
      [
        paint('bold', `Moved (${report.moved.length}, info): accepted in the baseline under another path`),
        ...report.moved.map(
          (m) =>
            `  ${printable(m.path)}:${m.line}:${m.column} ${paint('gray', `[${m.ruleId}]`)} ${m.secret} ${paint('gray', `baselined at ${printable(m.movedFrom)}`)}`,
        ),
      ].join('\n'),
    );
  }
  if (report.suppressed && report.suppressed.length > 0) {
    blocks.push(
      [
        paint('bold', `Dropped candidates (${report.suppressed.length}):`),
        ...report.suppressed.map(
          (s) =>
            `  ${printable(s.path)}:${s.line}:${s.column} ${paint('gray', `[${s.ruleId}]`)} ${s.secret} ${paint('gray', `${s.filter}: ${printable(s.reason)}`)}`,
        ),
      ].join('\n'),
    );
  }
  blocks.push(summary(report, paint));
  return `${blocks.join('\n\n')}\n`;
};
