import type { Finding, ScanResult, Suppressed } from '../../core/types.js';
import { addResult } from '../../core/result.js';
import { HistorySource, type HistoryOptions } from '../git/history-scan.js';
import { openRepository } from '../git/repo.js';
import type { ScanContext, Source, SourceStats } from '../source.js';
import { cloneRepository, removeClone } from './clone.js';
import type { RepositoryInfo } from './repository.js';

export interface AuditOptions {
  /** Sent to git as a header scoped to the clone URL's origin; never written to disk. */
  token?: string;
  /**
   * The origin (`https://github.com`, a GHES host) the token may go to. A
   * repository whose clone URL points elsewhere is cloned without it, so a
   * clone URL from an API answer can never carry the token to another host.
   */
  tokenOrigin?: string;
  /** How each repository's history is scanned (size limit, allowlist, git processes). */
  history?: HistoryOptions;
  /**
   * Only the files at the tip of each default branch: a shallow clone, whose
   * one commit's diff is its whole tree (history before it is not scanned).
   */
  tip?: boolean;
  /** `stats.shard` (`"2/4"`): the shard of a sharded audit this run is ({@link listRepositories} chose the repositories). */
  shard?: string;
  /** Progress: called after each repository. */
  onRepository?: (repository: RepositoryInfo, index: number, result: { findings: number } | { error: string }) => void;
  tempRoot?: string;
  env?: NodeJS.ProcessEnv;
}

function withRepository<T extends Finding | Suppressed>(item: T, repository: string): T {
  return { ...item, origin: { ...item.origin, repository } };
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
 * Repositories audited one at a time: clone (a bare mirror in a temp folder),
 * scan its history, delete the clone, so disk use stays at one repository.
 * Findings carry `repository`. A repository that fails is recorded and the
 * audit goes on: one broken repository must not hide the others' secrets.
 */
export class RepositoriesSource implements Source {
  readonly kind = 'repositories';
  readonly unit = 'repositories';
  readonly streams = false;
  readonly needsExplain = true;
  readonly root: string;

  constructor(
    private readonly repositories: readonly RepositoryInfo[],
    private readonly options: AuditOptions = {},
  ) {
    this.root = process.cwd();
  }

  async read(scan: ScanContext): Promise<SourceStats> {
    const totals: Record<string, number> = {};
    let audited = 0;
    const failures: { repository: string; reason: string }[] = [];
    scan.progress({ total: this.repositories.length });
    for (const [index, repository] of this.repositories.entries()) {
      let dir: string | undefined;
      try {
        const token = this.options.token && sameOrigin(repository.cloneUrl, this.options.tokenOrigin) ? this.options.token : undefined;
        dir = await cloneRepository(repository.cloneUrl, {
          ...(token ? { token } : {}),
          ...(this.options.tip ? { tip: true } : {}),
          ...(this.options.tempRoot ? { tempRoot: this.options.tempRoot } : {}),
        });
        const found: ScanResult = { findings: [], suppressed: [] };
        const history = new HistorySource(await openRepository(dir, this.options.env), this.options.history);
        const stats = await history.read(within(scan, found));
        scan.found({
          ...found,
          findings: found.findings.map((f) => withRepository(f, repository.fullName)),
          suppressed: found.suppressed.map((s) => withRepository(s, repository.fullName)),
        });
        // One repository's counts (the history scanner's own numeric counters) add up to the audit's.
        for (const [key, value] of Object.entries(stats)) if (typeof value === 'number') totals[key] = (totals[key] ?? 0) + value;
        audited++;
        this.options.onRepository?.(repository, index, { findings: found.findings.length });
      } catch (error) {
        const message = (error as Error).message;
        failures.push({ repository: repository.fullName, reason: message });
        scan.failed(repository.fullName, message);
        this.options.onRepository?.(repository, index, { error: message });
      } finally {
        if (dir) await removeClone(dir);
      }
      scan.progress({ done: 1 });
    }
    // What this run covered, by name: `keyhound merge` checks shards against it and lists every failure.
    return {
      ...totals,
      ...(this.options.shard ? { shard: this.options.shard } : {}),
      // Where the repositories live, so reports can link to a finding's line (report/github/markdown.ts blobLink).
      ...(this.options.tokenOrigin ? { server: this.options.tokenOrigin } : {}),
      repositories: audited,
      ...(failures.length > 0 ? { failedRepositories: failures.length } : {}),
      covered: this.repositories.map((repository) => repository.fullName),
      failures,
    };
  }
}

/** The audit's context as one repository's history sees it: findings are kept here until the repository is done. */
function within(scan: ScanContext, found: ScanResult): ScanContext {
  return {
    parallelism: scan.parallelism,
    bytesInFlight: scan.bytesInFlight,
    task: (task) => scan.task(task),
    settle: (outcome) => {
      scan.account(outcome);
      if (outcome.result) addResult(found, outcome.result);
    },
    account: (outcome) => scan.account(outcome),
    ready: () => scan.ready(),
    text: (chunk) => scan.text(chunk),
    scanned: (path, bytes) => scan.scanned(path, bytes),
    skipped: (path, reason, key) => scan.skipped(path, reason, key),
    failed: (input, reason) => scan.failed(input, reason),
    found: (result) => addResult(found, result),
    expect: () => {},
    // Progress counts repositories; bytes still move the rate.
    progress: (update) => {
      if (update.bytes) scan.progress({ bytes: update.bytes });
    },
  };
}
