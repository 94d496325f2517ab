import { DEFAULT_MAX_FILE_SIZE, DEFAULT_SKIP_PATHS } from '../config/defaults.js';
import type { Engine } from '../detect/engine.js';
import type { GitHub } from '../sources/github/client.js';
import { pullRequestFiles, type PullFilesOptions, type PullRequestInfo } from '../sources/github/pull.js';
import { Collector, type ScanReport } from './collector.js';

export type PullRequestScanOptions = PullFilesOptions;

/**
 * Scans what a pull request adds, through the GitHub API only. `stats.wholeFiles`
 * counts files GitHub sent no patch for, which were scanned whole.
 */
export async function scanPullRequest(
  engine: Engine,
  gh: GitHub,
  pr: PullRequestInfo,
  options: PullRequestScanOptions = {},
): Promise<ScanReport> {
  const collector = new Collector();
  await engine.prepare();
  // With a config (skipPath) its allowlist decides, and it holds the default paths; without one, the defaults apply.
  const defaults = options.skipPath ? {} : { skipPaths: DEFAULT_SKIP_PATHS };
  for await (const item of pullRequestFiles(gh, pr, { ...defaults, maxFileSize: DEFAULT_MAX_FILE_SIZE, ...options })) {
    if (item.kind === 'skip') {
      collector.skip(item.reason);
      continue;
    }
    collector.scanned(item.bytes);
    if (item.whole) collector.count('wholeFiles');
    for (const chunk of item.chunks) collector.add(engine.scan(chunk));
  }
  return collector.finish();
}
