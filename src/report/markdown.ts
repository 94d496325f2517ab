import { blobLink, summaryMarkdown } from './github/markdown.js';
import { serverOf, webLink } from './html-data.js';
import type { Reporter, Report } from './types.js';

/**
 * `--format markdown`: the job summary the Action writes, for any run, so a
 * workflow can append an audit or a merge to `$GITHUB_STEP_SUMMARY`
 * (.github/workflows/org-audit.yml does). Built from the redacted report
 * like every format, and escaped by src/report/github/markdown.ts.
 */

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** What was scanned, in one sentence: the repositories and shards of an audit, or nothing more to say. */
function scope(report: Report): string {
  const { stats } = report;
  const parts: string[] = [];
  if (Array.isArray(stats.covered)) parts.push(`Audited ${plural(stats.covered.length, 'repository', 'repositories')}.`);
  const shards = stats.shards as { count?: number; merged?: number[] } | undefined;
  if (shards && typeof shards.count === 'number') parts.push(`Merged ${shards.merged?.length ?? 0} of ${plural(shards.count, 'shard')}.`);
  else if (typeof stats.shard === 'string') parts.push(`Shard ${stats.shard}.`);
  return parts.join(' ');
}

export const markdownReporter: Reporter = (report) => {
  const server = serverOf(report);
  const failures = Array.isArray(report.stats.failures) ? (report.stats.failures as { repository?: unknown; reason?: unknown }[]) : [];
  const markdown = summaryMarkdown(report.findings, {
    scope: scope(report),
    stats: report.stats,
    link: (f) => (f.repository && f.commit ? webLink(blobLink(server, f.repository, f.commit)(f)) || undefined : undefined),
    notes: failures.map((f) => `${String(f.repository)} could not be audited: ${String(f.reason)}`),
  });
  // With no audit to describe, the summary's sentence starts after an empty scope.
  return markdown.replace(/^ Scanned /m, 'Scanned ');
};
