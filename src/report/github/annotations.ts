import { printable } from '../../core/printable.js';
import type { Severity } from '../../core/types.js';
import type { ReportedFinding } from '../reported.js';
import { describeIncomplete } from '../../core/completeness.js';
import { incompleteOf, type Report, type Reporter } from '../types.js';

/**
 * GitHub Actions workflow commands (`::error file=a.js,line=3::message`), the
 * protocol the runner reads from a step's stdout. The escaping follows the
 * runner's own rules (actions/toolkit `command.ts`): in the message `%`, CR and
 * LF are percent-encoded; in property values `:` and `,` are too, since they
 * separate properties. Without this a finding path like `a,b.txt` or a title
 * with a newline would end the command early or inject a second one.
 */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One workflow command line (without the trailing newline). */
export function workflowCommand(name: string, properties: Record<string, string | number | undefined>, message: string): string {
  const props = Object.entries(properties)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '')
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${name}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}

/**
 * GitHub shows at most 10 annotations of each level per step (and 50 per job);
 * the rest are dropped silently, so we print up to 10 of each level, the most
 * severe first, and say how many more there are.
 */
export const ANNOTATION_LIMIT = 10;

type Level = 'error' | 'warning' | 'notice';

/** The annotation level of a severity: what must be fixed is an error, the rest shows without drowning it. */
export const ANNOTATION_LEVEL: Record<Severity, Level> = { critical: 'error', high: 'error', medium: 'warning', low: 'notice' };

const RANK: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3 };

/** Live secrets first (when verified), then by severity, path and line. */
export function annotationOrder(a: ReportedFinding, b: ReportedFinding): number {
  const live = Number(b.verified?.status === 'live') - Number(a.verified?.status === 'live');
  if (live !== 0) return live;
  const severity = RANK[a.severity] - RANK[b.severity];
  if (severity !== 0) return severity;
  return a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line;
}

export interface AnnotationOptions {
  /** Annotations of each level printed before the "N more" notice. Default {@link ANNOTATION_LIMIT}. */
  limit?: number;
  /** Maps a finding's path to the repository-relative path GitHub resolves annotations against. */
  filePath?: (finding: ReportedFinding) => string;
}

/** The annotation for one (already redacted) finding, at the level of its severity. */
export function annotation(finding: ReportedFinding, file = finding.path): string {
  // The runner prints these in a public log: a path with ESC or a bidi override must not repaint or reorder it.
  // Line breaks are left to escapeProperty, which the runner decodes back, so the annotation still finds its file.
  file = file.replace(/[^\r\n]+/g, printable);
  const where = finding.commit ? ` (commit ${finding.commit.slice(0, 12)})` : '';
  const live = finding.verified?.status === 'live' ? 'LIVE ' : '';
  const message = `${live}${finding.title}: ${finding.secret}${where}. ${finding.remediation}`;
  return workflowCommand(
    ANNOTATION_LEVEL[finding.severity] ?? 'error',
    {
      file,
      line: finding.line,
      endLine: finding.endLine,
      col: finding.column,
      // GitHub ignores columns on multi-line annotations; they only make sense on one line.
      endColumn: finding.endLine === finding.line ? finding.endColumn : undefined,
      title: `keyhound: ${finding.severity} ${finding.ruleId}`,
    },
    message,
  );
}

/**
 * Annotation lines, the most severe findings first and at most `limit` of
 * each level, then one notice that counts the rest (it takes a notice slot
 * itself, so a notice-level finding gives way to it).
 */
export function annotationLines(findings: readonly ReportedFinding[], options: AnnotationOptions = {}): string[] {
  const limit = options.limit ?? ANNOTATION_LIMIT;
  const used: Record<Level, number> = { error: 0, warning: 0, notice: 0 };
  const shown: ReportedFinding[] = [];
  for (const finding of [...findings].sort(annotationOrder)) {
    const level = ANNOTATION_LEVEL[finding.severity] ?? 'error';
    if (used[level] < limit) {
      used[level]++;
      shown.push(finding);
    }
  }
  if (shown.length < findings.length && used.notice === limit)
    shown.splice(
      shown.findLastIndex((f) => (ANNOTATION_LEVEL[f.severity] ?? 'error') === 'notice'),
      1,
    );
  const lines = shown.map((f) => annotation(f, options.filePath ? options.filePath(f) : f.path));
  const more = findings.length - shown.length;
  if (more > 0) {
    lines.push(
      workflowCommand(
        'notice',
        { title: 'keyhound' },
        `${more} more finding${more === 1 ? '' : 's'} not annotated (GitHub shows ${limit} annotations per step); see the job summary or the SARIF file for all ${findings.length}.`,
      ),
    );
  }
  return lines;
}

/** `--format github`: annotations for a plain `run: keyhound scan --format github` step. */
export const githubReporter: Reporter = (report: Report) => {
  const lines = annotationLines(report.findings);
  const n = report.findings.length;
  const incomplete = incompleteOf(report.stats);
  if (incomplete)
    lines.push(
      workflowCommand('warning', { title: 'keyhound: incomplete scan' }, `Incomplete: ${describeIncomplete(incomplete, printable)}.`),
    );
  lines.push(`keyhound: ${n === 0 ? 'no secrets' : `${n} secret${n === 1 ? '' : 's'}`} found in ${report.stats.files} files`);
  return `${lines.join('\n')}\n`;
};
