import { printable } from '../../core/printable.js';
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
 * the rest are dropped silently, so we print 10 and say how many more there are.
 */
export const ANNOTATION_LIMIT = 10;

export interface AnnotationOptions {
  /** Annotations printed before the "N more" notice. Default {@link ANNOTATION_LIMIT}. */
  limit?: number;
  /** Maps a finding's path to the repository-relative path GitHub resolves annotations against. */
  filePath?: (finding: ReportedFinding) => string;
}

/** The annotation for one (already redacted) finding. */
export function annotation(finding: ReportedFinding, file = finding.path): string {
  // The runner prints these in a public log: a path with ESC or a bidi override must not repaint or reorder it.
  // Line breaks are left to escapeProperty, which the runner decodes back, so the annotation still finds its file.
  file = file.replace(/[^\r\n]+/g, printable);
  const where = finding.commit ? ` (commit ${finding.commit.slice(0, 12)})` : '';
  const message = `${finding.title}: ${finding.secret}${where}. ${finding.remediation}`;
  return workflowCommand(
    'error',
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

/** Annotation lines for the first findings, then one notice that counts the rest. */
export function annotationLines(findings: readonly ReportedFinding[], options: AnnotationOptions = {}): string[] {
  const limit = options.limit ?? ANNOTATION_LIMIT;
  const lines = findings.slice(0, limit).map((f) => annotation(f, options.filePath ? options.filePath(f) : f.path));
  const more = findings.length - limit;
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
