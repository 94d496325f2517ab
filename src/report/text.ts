import { printable } from '../core/printable.js';
import { groupBySecret, placeOf, type SecretGroup } from './group.js';
import type { ReportedFinding } from './reported.js';
import { painter, wrap, type Paint } from './text-paint.js';
import { fixSummary, rulesFixedOnce, summary } from './text-summary.js';
import type { Reporter } from './types.js';

const SEVERITY_COLOR = { critical: 'magenta', high: 'red', medium: 'yellow', low: 'blue' } as const;

/** Places named in full under a secret found in many; the rest are counted (JSON and SARIF list every one). */
const PLACES_SHOWN = 3;

// Paths come from the scanned input: a file name with a newline or an escape sequence must not forge or repaint lines.
// So are commit metadata, context values and a provider's answer: all of it goes through printable().
function where(finding: ReportedFinding): string {
  return `${printable(placeOf(finding))}:${finding.line}:${finding.column}`;
}

function commitLine(finding: ReportedFinding): string {
  return `commit ${finding.commit!.slice(0, 12)} by ${printable(finding.author ?? '')} <${printable(finding.email ?? '')}> on ${finding.date?.slice(0, 10)}: ${printable(finding.message ?? '')}`;
}

/** Where the secret is: its one place, or "found in N files" with the first few. */
function placeLines(group: SecretGroup, paint: Paint): string[] {
  const { first, findings } = group;
  if (findings.length === 1) {
    const lines = [`  ${paint('bold', where(first))}  ${first.secret}`];
    if (first.commit) lines.push(`  ${paint('gray', commitLine(first))}`);
    if (group.occurrences > 1) lines.push(`  ${paint('gray', `seen ${group.occurrences} times at this path`)}`);
    return lines;
  }
  const shown = findings.slice(0, PLACES_SHOWN).map(where);
  const rest = findings.length - shown.length;
  const count =
    group.occurrences === group.files
      ? `found in ${group.files} files`
      : `found ${group.occurrences} times in ${group.files} file${group.files === 1 ? '' : 's'}`;
  const lines = [`  ${first.secret}  ${count}: ${paint('bold', shown.join(', '))}${rest > 0 ? `, and ${rest} more` : ''}`];
  if (first.commit) {
    const more = group.commits - 1;
    lines.push(`  ${paint('gray', `${commitLine(first)}${more > 0 ? `; and ${more} more commit${more === 1 ? '' : 's'}` : ''}`)}`);
  }
  return lines;
}

function formatGroup(group: SecretGroup, fixOnce: boolean, paint: Paint): string {
  const { first } = group;
  const lines = [
    `${paint(SEVERITY_COLOR[first.severity], first.severity.toUpperCase().padEnd(8))} ${paint('bold', first.title)} ${paint('gray', `[${first.ruleId}, ${first.confidence} confidence]`)}`,
    ...placeLines(group, paint),
  ];
  if (first.context && Object.keys(first.context).length > 0) {
    lines.push(
      `  ${paint(
        'gray',
        Object.entries(first.context)
          .map(([k, v]) => `${printable(k)}: ${printable(v)}`)
          .join(', '),
      )}`,
    );
  }
  if (first.decoded) lines.push(`  ${paint('gray', `found inside ${first.decoded}-encoded text`)}`);
  if (group.verified)
    lines.push(`  ${group.verified.status === 'live' ? paint('red', 'LIVE') : group.verified.status}: ${printable(group.verified.reason)}`);
  lines.push(`  ${paint('dim', printable(first.snippet))}`);
  // The whole remediation: its later sentences are often the ones that revoke the key.
  lines.push(`  ${paint('gray', 'fix:')} ${fixOnce ? `below, under "How to fix" [${first.ruleId}]` : wrap(first.remediation, 100, 7)}`);
  return lines.join('\n');
}

/**
 * Readable in a minute: one entry per secret (fingerprint) with its rule,
 * severity, confidence, where it was found (the first few places, and how
 * many in all), a snippet and the whole fix; a fix that would repeat for many
 * secrets is said once at the end. JSON and SARIF keep every location.
 */
export const textReporter: Reporter = (report, style) => {
  const paint = painter(style);
  const groups = groupBySecret(report.findings);
  const once = rulesFixedOnce(groups);
  const blocks = groups.map((group) => formatGroup(group, once.has(group.first.ruleId), paint));
  const fixes = fixSummary(groups, once, paint);
  if (fixes) blocks.push(fixes);
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
  blocks.push(summary(report, groups, paint));
  return `${blocks.join('\n\n')}\n`;
};
