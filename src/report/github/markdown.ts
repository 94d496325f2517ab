import { describeIncomplete } from '../../core/completeness.js';
import { printable } from '../../core/printable.js';
import type { ScanStats } from '../../core/types.js';
import { incompleteOf } from '../types.js';
import type { ReportedFinding } from '../reported.js';

/**
 * GitHub-flavoured Markdown for the job summary and the pull-request comment.
 * Works on already redacted findings only. Every value from a scanned file
 * (paths, commit messages) goes through {@link text} or {@link code}, so a file
 * named `a|b` or a message with `<img>` cannot break the table or inject markup.
 */

/** A link to a finding's line at the commit that has it (else `fallbackSha`), for tables in comments and summaries. */
export function blobLink(serverUrl: string, repository: string, fallbackSha: string): (finding: ReportedFinding) => string | undefined {
  return (finding) => {
    const sha = finding.commit ?? fallbackSha;
    if (!sha || !repository.includes('/')) return undefined;
    // Parentheses too: a `)` would end the Markdown link early.
    const file = finding.path
      .split('/')
      .map((part) => encodeURIComponent(part).replace(/\(/g, '%28').replace(/\)/g, '%29'))
      .join('/');
    return `${serverUrl.replace(/\/+$/, '')}/${finding.repository ?? repository}/blob/${sha}/${file}#L${finding.line}`;
  };
}

/** The hidden marker that identifies our pull-request comment, so later runs update it instead of adding another. */
export const COMMENT_MARKER = '<!-- keyhound:pull-request-comment -->';

/** GitHub rejects comment bodies over 65,536 characters. */
const COMMENT_LIMIT = 65_536;

/** A zero-width space: GitHub's renderers see no mention, reference or link across it, and readers see nothing. */
const ZWSP = '\u200b';

/**
 * Text from the scanned input or a pull request (an author, a path, a ref) in
 * a comment or summary: made {@link prose}, and what GitHub would turn into
 * a notification or a link is broken up: `@user` and `@org/team` mentions,
 * `#12`, `owner/repo#12` and `GH-12` references, bare URLs and `www.`
 * autolinks (and so e-mail autolinks, through their `@`).
 */
export function text(value: string): string {
  return prose(value)
    .replace(/@/g, `@${ZWSP}`)
    .replace(/#(?=\d)/g, `#${ZWSP}`)
    .replace(/\b(GH)-(?=\d)/gi, `$1-${ZWSP}`)
    .replace(/\b([a-z][a-z0-9+.-]*):\/\//gi, `$1:${ZWSP}//`)
    .replace(/\bwww\./gi, `www${ZWSP}.`);
}

/** Our own text (a rule's remediation) in a table cell or list: HTML-escaped (GitHub renders inline HTML), pipes escaped, one printable line. Links in it stay links. */
export function prose(value: string): string {
  return printable(
    value
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/([\\`*_[\]|~])/g, '\\$1')
      .replace(/\s*[\r\n]+\s*/g, ' ')
      // `#` starts a heading only at the start of a line.
      .replace(/^#/, '\\#'),
  );
}

/** A code span: its content is literal (so a redaction's `****` is not emphasis); the fence is longer than any backtick run inside. */
export function code(value: string): string {
  const flat = printable(value.replace(/[\r\n]+/g, ' '));
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  // GFM splits table cells on `|` even inside code spans unless it is escaped.
  return `${fence}${pad}${flat.replace(/\|/g, '\\|')}${pad}${fence}`;
}

export interface TableOptions {
  /** Rows shown; the rest are counted under the table. */
  limit: number;
  /** A link for a finding's location (a blob URL), or undefined for plain text. */
  link?: (finding: ReportedFinding) => string | undefined;
  /** What to call the place where the rest can be seen ("the job summary"). */
  rest?: string;
}

/** A table of findings: severity, what, where, commit, redacted secret. */
export function findingsTable(findings: readonly ReportedFinding[], options: TableOptions): string {
  const withCommit = findings.some((f) => f.commit);
  // Name the repository only when findings come from several (an organization audit).
  const manyRepositories = new Set(findings.map((f) => f.repository)).size > 1;
  const head = ['Severity', 'Secret', 'Location', ...(withCommit ? ['Commit'] : []), 'Rule'];
  const rows = findings.slice(0, options.limit).map((f) => {
    const where = `${manyRepositories && f.repository ? `${f.repository}: ` : ''}${f.path}:${f.line}`;
    const url = options.link?.(f);
    const location = url ? `[${text(where)}](${url})` : text(where);
    const commit = f.commit ? `${code(f.commit.slice(0, 12))}${f.author ? ` by ${text(f.author)}` : ''}` : '';
    return [text(f.severity), `${text(f.title)} ${code(f.secret)}`, location, ...(withCommit ? [commit] : []), code(f.ruleId)];
  });
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
  const more = findings.length - options.limit;
  if (more > 0) lines.push('', `…and ${more} more${options.rest ? `: see ${options.rest}` : ''}.`);
  return lines.join('\n');
}

/** How to fix each rule that produced a finding, once per rule. */
export function remediationList(findings: readonly ReportedFinding[]): string {
  const seen = new Map<string, ReportedFinding>();
  for (const f of findings) if (!seen.has(f.ruleId)) seen.set(f.ruleId, f);
  return [...seen.values()].map((f) => `- ${code(f.ruleId)}: ${prose(f.remediation)}`).join('\n');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** GitHub refuses a step summary over 1 MiB (and shows none of it); this leaves room for other steps' lines. */
export const SUMMARY_LIMIT = 1024 * 1024 - 4096;

export interface SummaryOptions {
  /** Longest summary in bytes; the table is cut to fit. Default {@link SUMMARY_LIMIT}. */
  maxBytes?: number;
  /** One sentence on what was scanned and how (the range, or the API fallback). */
  scope: string;
  stats: ScanStats;
  link?: TableOptions['link'];
  /** Extra lines (warnings about skipped comment/upload). */
  notes?: readonly string[];
}

/** The job summary (`$GITHUB_STEP_SUMMARY`), within GitHub's size limit: fewer table rows, counted, when it would not fit. */
export function summaryMarkdown(findings: readonly ReportedFinding[], options: SummaryOptions): string {
  const max = options.maxBytes ?? SUMMARY_LIMIT;
  let rows = 200;
  let markdown = fullSummary(findings, options, rows);
  while (Buffer.byteLength(markdown) > max && rows > 1) markdown = fullSummary(findings, options, (rows = Math.floor(rows / 2)));
  // Only pathological paths get here: cut on a line, and say so.
  if (Buffer.byteLength(markdown) > max) {
    const cut = Buffer.from(markdown)
      .subarray(0, max - 200)
      .toString('utf8');
    markdown = `${cut.slice(0, cut.lastIndexOf('\n'))}\n\n…(cut to fit GitHub's 1 MiB summary limit; the SARIF file has every finding)\n`;
  }
  return markdown;
}

function fullSummary(findings: readonly ReportedFinding[], options: SummaryOptions, rows: number): string {
  const { stats } = options;
  const skipped = Object.entries(stats.skipped)
    .filter(([, n]) => n > 0)
    .map(([reason, n]) => `${n} ${reason}`)
    .join(', ');
  const parts = [
    `## keyhound: ${findings.length === 0 ? 'no secrets found' : plural(findings.length, 'secret') + ' found'}`,
    '',
    `${prose(options.scope)} Scanned ${plural(stats.files, 'file')} (${stats.bytes} bytes) in ${(stats.durationMs / 1000).toFixed(2)} s${skipped ? `; skipped ${skipped}` : ''}.`,
  ];
  const incomplete = incompleteOf(stats);
  if (incomplete) parts.push('', `> **Incomplete:** ${text(describeIncomplete(incomplete))}. Nothing can be said of what was not scanned.`);
  for (const note of options.notes ?? []) parts.push('', `> ${text(note)}`);
  if (findings.length > 0) {
    parts.push('', findingsTable(findings, { limit: rows, link: options.link, rest: 'the SARIF file' }));
    parts.push(
      '',
      '### How to fix',
      '',
      'Revoke each secret first: removing it in a later commit does not help, it stays in the git history.',
      '',
      remediationList(findings),
    );
  }
  return `${parts.join('\n')}\n`;
}

export interface CommentOptions {
  /** The commit the comment describes (the pull request's head). */
  headSha: string;
  link?: TableOptions['link'];
  version: string;
  /** Warnings shown above the findings (a change to keyhound's configuration that takes effect after merge). */
  notes?: readonly string[];
}

/** The pull-request comment; starts with {@link COMMENT_MARKER}. */
export function commentMarkdown(findings: readonly ReportedFinding[], options: CommentOptions): string {
  const footer = `<sub>keyhound ${text(options.version)} · updated for ${code(options.headSha.slice(0, 12))}</sub>`;
  const notes = (options.notes ?? []).map((note) => `> ${text(note)}\n\n`).join('');
  if (findings.length === 0) {
    return `${COMMENT_MARKER}\n### keyhound: no secrets found\n\n${notes}The secrets reported earlier are no longer in this pull request's commits. If they were ever pushed, they are still exposed: revoke them.\n\n${footer}\n`;
  }
  const build = (limit: number): string =>
    [
      COMMENT_MARKER,
      `### keyhound: ${plural(findings.length, 'secret')} in this pull request`,
      '',
      ...(notes ? [notes.trimEnd(), ''] : []),
      findingsTable(findings, { limit, link: options.link, rest: 'the job summary' }),
      '',
      '**Revoke each secret first**: deleting it in a new commit leaves it in the history of this branch. Then remove it from the code (or mark a false positive with a `keyhound:allow` comment).',
      '',
      '<details><summary>How to revoke</summary>',
      '',
      remediationList(findings),
      '',
      '</details>',
      '',
      footer,
      '',
    ].join('\n');
  let limit = 50;
  let body = build(limit);
  while (body.length > COMMENT_LIMIT && limit > 1) body = build((limit = Math.floor(limit / 2)));
  // Only pathological remediation texts get here; a cut comment still carries the marker.
  return body.length > COMMENT_LIMIT ? `${body.slice(0, COMMENT_LIMIT - 40)}\n\n…(cut to fit GitHub's limit)\n` : body;
}
