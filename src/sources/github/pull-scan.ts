import { DEFAULT_MAX_FILE_SIZE, DEFAULT_SKIP_PATHS } from '../../config/defaults.js';
import type { ScanContext, Source, SourceStats } from '../source.js';
import type { GitHub } from './client.js';
import { pullRequestFiles, type PullFilesOptions, type PullRequestInfo } from './pull.js';

export type PullRequestSourceOptions = PullFilesOptions & {
  /** Folder finding paths are shown relative to (the checkout, when there is one). */
  root?: string;
};

/**
 * What a pull request adds, through the GitHub API only (no clone).
 * `stats.wholeFiles` counts files GitHub sent no patch for, which were
 * scanned whole.
 */
export class PullRequestSource implements Source {
  readonly kind = 'pull-request';
  readonly unit = 'files';
  readonly streams = true;
  readonly root: string;

  constructor(
    private readonly gh: GitHub,
    private readonly pr: PullRequestInfo,
    private readonly options: PullRequestSourceOptions = {},
  ) {
    this.root = options.root ?? process.cwd();
  }

  async read(scan: ScanContext): Promise<SourceStats> {
    await scan.ready();
    // With a config (skipPath) its allowlist decides, and it holds the default paths; without one, the defaults apply.
    const defaults = this.options.skipPath ? {} : { skipPaths: DEFAULT_SKIP_PATHS };
    let wholeFiles = 0;
    for await (const item of pullRequestFiles(this.gh, this.pr, { ...defaults, maxFileSize: DEFAULT_MAX_FILE_SIZE, ...this.options })) {
      if (item.kind === 'skip') {
        scan.skipped(item.path, item.reason);
        continue;
      }
      if (item.kind === 'blob') {
        // Head content, as any file: text (only the added lines reported), or a binary's printable runs.
        const outcome = await scan.task({
          kind: 'bytes',
          bytes: item.content,
          origin: item.origin,
          ...(item.lines ? { lines: item.lines } : {}),
        });
        scan.settle(outcome);
        if (outcome.kind === 'scanned' && item.whole) wholeFiles++;
        continue;
      }
      let complete = true;
      for (const chunk of item.chunks) {
        const outcome = scan.text(chunk);
        scan.found(outcome.result);
        if (outcome.skipped) {
          complete = false;
          break;
        }
      }
      if (!complete) continue;
      scan.scanned(item.path, item.bytes);
      if (item.whole) wholeFiles++;
    }
    return wholeFiles > 0 ? { wholeFiles } : {};
  }
}
