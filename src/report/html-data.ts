import { printable, printableLines } from '../core/printable.js';
import { blobLink } from './github/markdown.js';
import type { ReportedFinding } from './reported.js';
import type { Report } from './types.js';

/**
 * The findings of an HTML report as the page's script reads them: one JSON
 * data island, compact because a quarterly audit may hold thousands. What
 * repeats is kept once (a rule's title, provider and remediation; a commit's
 * author, date and message) and findings point at it by index. Every value is
 * data: the script puts it on the page with `textContent` and attributes,
 * never as markup (src/report/html-script.ts). Text from the scanned input
 * goes through printable(), as in every format: a bidi override in a path or
 * an author's name is shown escaped, not obeyed.
 */

/** `[id, title, provider, remediation, references, revokeUrl]`. */
export type RuleRow = [string, string, string, string, string[], string];
/** `[sha, author, email, date, message]`. */
export type CommitRow = [string, string, string, string, string];
/**
 * `[rule, severity, confidence, repository, path, line, column, secret,
 * snippet, fingerprint, commit, liveness, verdict, occurrences, link]`:
 * rule and commit are indexes (commit -1: none); liveness is `live`, `dead`,
 * `unknown` or `` (not checked); link is a blob URL or ``.
 */
export type FindingRow = [
  number,
  string,
  string,
  string,
  string,
  number,
  number,
  string,
  string,
  string,
  number,
  string,
  string,
  number,
  string,
];

export interface PageData {
  rules: RuleRow[];
  commits: CommitRow[];
  findings: FindingRow[];
}

/** The GitHub server findings' repositories live on (`stats.server` of an audit), else github.com. */
export function serverOf(report: Report): string {
  const server = report.stats.server;
  return typeof server === 'string' && /^https?:\/\/[^\s/]+/.test(server) ? server : 'https://github.com';
}

/** Only web links go on the page: a rule file or a repository name could carry `javascript:`. */
export function webLink(url: string | undefined): string {
  return url && /^https?:\/\/[^\s"'<>]+$/.test(url) ? url : '';
}

export function pageData(report: Report): PageData {
  const rules: RuleRow[] = [];
  const ruleIndex = new Map<string, number>();
  const commits: CommitRow[] = [];
  const commitIndex = new Map<string, number>();
  const link = (f: ReportedFinding): string =>
    f.repository && f.commit ? webLink(blobLink(serverOf(report), f.repository, f.commit)(f)) : '';
  const findings = report.findings.map((f): FindingRow => {
    let rule = ruleIndex.get(f.ruleId);
    if (rule === undefined) {
      rule = rules.length;
      ruleIndex.set(f.ruleId, rule);
      rules.push([f.ruleId, f.title, f.provider, f.remediation, f.references.map(webLink).filter(Boolean), webLink(f.verified?.revokeUrl)]);
    }
    let commit = -1;
    if (f.commit) {
      const known = commitIndex.get(f.commit);
      if (known === undefined) {
        commit = commits.length;
        commitIndex.set(f.commit, commit);
        commits.push([f.commit, printable(f.author ?? ''), printable(f.email ?? ''), f.date ?? '', printableLines(f.message ?? '')]);
      } else commit = known;
    }
    return [
      rule,
      f.severity,
      f.confidence,
      printable(f.repository ?? ''),
      printable(f.path),
      f.line,
      f.column,
      f.secret,
      printable(f.snippet),
      f.fingerprint,
      commit,
      f.verified?.status ?? '',
      printable(f.verified?.reason ?? ''),
      f.occurrences ?? 1,
      link(f),
    ];
  });
  return { rules, commits, findings };
}

/**
 * JSON that is safe inside `<script type="application/json">`: no `<` (so
 * no `</script>` or `<!--` can end or change the element), no `>` or `&`,
 * and no U+2028/U+2029, each written as its `\u` escape, which JSON.parse
 * reads back as the same character.
 */
export function dataIsland(data: unknown): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Text for HTML content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
