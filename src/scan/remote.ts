import type { Finding, ScanStats, Suppressed } from '../core/types.js';
import { cloneRepository, removeClone } from '../sources/github/clone.js';
import type { RepositoryInfo } from '../sources/github/repos.js';
import { Collector, type ScanReport } from './collector.js';

export interface RemoteAuditOptions {
  /** Sent to git as a header scoped to the clone URL's origin; never written to disk. */
  token?: string;
  /**
   * The origin (`https://github.com`, a GHES host) the token may go to. A
   * repository whose clone URL points elsewhere is cloned without it, so a
   * clone URL from an API answer can never carry the token to another host.
   */
  tokenOrigin?: string;
  /** Scans one clone's history (a bare mirror); the git history scanner. */
  scanHistory: (dir: string) => Promise<ScanReport>;
  /** Progress: called after each repository. */
  onRepository?: (repository: RepositoryInfo, index: number, result: { findings: number } | { error: string }) => void;
  tempRoot?: string;
}

export interface RemoteAuditReport extends ScanReport {
  /** Repositories that could not be cloned or scanned, with the reason. */
  failed: { repository: string; error: string }[];
}

function withRepository<T extends Finding | Suppressed>(item: T, repository: string): T {
  return { ...item, origin: { ...item.origin, repository } };
}

/** Adds one repository's counts (files, bytes, skips and the history scanner's own numeric counters) to the audit's. */
function addStats(collector: Collector, stats: ScanStats): void {
  for (const [key, value] of Object.entries(stats)) {
    if (key === 'durationMs') continue;
    if (key === 'skipped') {
      for (const [reason, n] of Object.entries(stats.skipped)) collector.stats.skipped[reason] = (collector.stats.skipped[reason] ?? 0) + n;
    } else if (typeof value === 'number') {
      collector.count(key, value);
    }
  }
}

function sameOrigin(url: string, origin: string | undefined): boolean {
  if (origin === undefined) return true;
  try {
    return new URL(url).origin === new URL(origin).origin;
  } catch {
    return false;
  }
}

/**
 * Audits repositories one at a time: clone (a bare mirror in a temp folder),
 * scan its history, delete the clone, so disk use stays at one repository.
 * Findings carry `repository`. A repository that fails is recorded and the
 * audit goes on: one broken repository must not hide the others' secrets.
 */
export async function auditRepositories(repositories: readonly RepositoryInfo[], options: RemoteAuditOptions): Promise<RemoteAuditReport> {
  const collector = new Collector();
  const failed: RemoteAuditReport['failed'] = [];
  for (const [index, repository] of repositories.entries()) {
    let dir: string | undefined;
    try {
      const token = options.token && sameOrigin(repository.cloneUrl, options.tokenOrigin) ? options.token : undefined;
      dir = await cloneRepository(repository.cloneUrl, {
        ...(token ? { token } : {}),
        ...(options.tempRoot ? { tempRoot: options.tempRoot } : {}),
      });
      const report = await options.scanHistory(dir);
      collector.add({
        findings: report.findings.map((f) => withRepository(f, repository.fullName)),
        suppressed: report.suppressed.map((s) => withRepository(s, repository.fullName)),
      });
      addStats(collector, report.stats);
      collector.count('repositories');
      options.onRepository?.(repository, index, { findings: report.findings.length });
    } catch (error) {
      const message = (error as Error).message ?? String(error);
      failed.push({ repository: repository.fullName, error: message });
      options.onRepository?.(repository, index, { error: message });
    } finally {
      if (dir) await removeClone(dir);
    }
  }
  const report = collector.finish();
  // Grouped by repository, in path order within each (the sort is stable).
  report.findings.sort((a, b) => (a.origin.repository ?? '').localeCompare(b.origin.repository ?? ''));
  if (failed.length > 0) report.stats.failedRepositories = failed.length;
  return { ...report, failed };
}
