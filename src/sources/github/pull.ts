import { minimatch } from 'minimatch';
import type { Chunk, LineRange, Origin, SkipReason } from '../../core/types.js';
import { apiError, type GitHub } from './client.js';
import { parsePatch, addedLines } from './patch.js';

/** A pull request as the scanners and the comment need it. */
export interface PullRequestInfo {
  owner: string;
  repo: string;
  number: number;
  headSha: string;
  baseSha: string;
  /** `OWNER/NAME` of the head repository; undefined when the fork was deleted. */
  headRepository?: string;
  /** The head branch lives in another repository: its workflows get a read-only token. */
  fromFork: boolean;
  /** Files changed, as GitHub counts them. */
  changedFiles?: number;
}

interface ApiPull {
  number: number;
  changed_files?: number;
  head: { sha: string; repo: { full_name: string } | null };
  base: { sha: string; repo: { full_name: string } };
}

/** The pull request fields we use, from an API response or a `pull_request` event payload (same shape). */
export function pullRequestInfo(owner: string, repo: string, pull: ApiPull): PullRequestInfo {
  const headRepository = pull.head.repo?.full_name;
  return {
    owner,
    repo,
    number: pull.number,
    headSha: pull.head.sha,
    baseSha: pull.base.sha,
    ...(headRepository ? { headRepository } : {}),
    fromFork: headRepository === undefined || headRepository.toLowerCase() !== pull.base.repo.full_name.toLowerCase(),
    ...(pull.changed_files !== undefined ? { changedFiles: pull.changed_files } : {}),
  };
}

export async function getPullRequest(gh: GitHub, owner: string, repo: string, number: number): Promise<PullRequestInfo> {
  try {
    const { data } = await gh.rest.pulls.get({ owner, repo, pull_number: number });
    return pullRequestInfo(owner, repo, data);
  } catch (error) {
    throw apiError(error, `reading pull request ${owner}/${repo}#${number}`);
  }
}

/**
 * What one changed file yields: the hunks of its patch to scan (with their
 * byte count), its head content as bytes (sniffed and decoded where it is
 * scanned, like any file: text, or a binary's printable runs), or why it was
 * skipped.
 */
export type PullFileItem =
  | { kind: 'file'; path: string; bytes: number; chunks: Chunk[]; whole: boolean }
  | { kind: 'blob'; path: string; content: Buffer; origin: Origin; lines?: LineRange[]; whole: boolean }
  | { kind: 'skip'; path: string; reason: SkipReason };

export interface PullFilesOptions {
  /**
   * Fetch each file's head content (`git/blobs`) and scan it whole, reporting
   * only the added lines: full context for rules that pair nearby lines. Default
   * false: scan the patches' hunks only, one request per 100 files.
   */
  headContents?: boolean;
  /** Globs of paths not scanned (lock files, minified bundles). */
  skipPaths?: readonly string[];
  /** The config's path allowlist: paths it covers are not fetched or scanned. */
  skipPath?: (path: string) => boolean;
  maxFileSize?: number;
}

interface ApiFile {
  sha: string | null;
  filename: string;
  status: string;
  changes: number;
  patch?: string;
}

/** GitHub's limit on `pulls/{n}/files`: files past the 3,000th are not listed. */
export const PULL_FILES_LIMIT = 3000;

async function blobContent(gh: GitHub, pr: PullRequestInfo, sha: string, maxFileSize: number): Promise<Buffer | { skip: SkipReason }> {
  const { data } = await gh.rest.git.getBlob({ owner: pr.owner, repo: pr.repo, file_sha: sha });
  if ((data.size ?? 0) > maxFileSize) return { skip: 'too-large' };
  return Buffer.from(data.content, data.encoding === 'base64' ? 'base64' : 'utf8');
}

/**
 * The added lines of a pull request, from `pulls.listFiles`, with no clone.
 * Each chunk carries `lines` (the added line numbers), so the engine reports
 * only secrets the pull request adds. Files without a patch (GitHub omits it
 * for binary files and very large diffs) are fetched and scanned whole:
 * `whole: true` says so, since a finding there may predate the pull request.
 */
export async function* pullRequestFiles(gh: GitHub, pr: PullRequestInfo, options: PullFilesOptions = {}): AsyncGenerator<PullFileItem> {
  let files: ApiFile[];
  try {
    files = await gh.paginate(gh.rest.pulls.listFiles, {
      owner: pr.owner,
      repo: pr.repo,
      pull_number: pr.number,
      per_page: 100,
    });
  } catch (error) {
    throw apiError(error, `listing the files of pull request ${pr.owner}/${pr.repo}#${pr.number}`);
  }
  const skip = (options.skipPaths ?? []).map((glob) => (p: string) => minimatch(p, glob, { dot: true, nocase: true }));
  const maxFileSize = options.maxFileSize ?? Number.POSITIVE_INFINITY;
  for (const file of files) {
    // Removed files add nothing; a pure rename (no changes) moves text that was already there.
    if (file.status === 'removed' || file.status === 'unchanged' || file.changes === 0) continue;
    if (skip.some((test) => test(file.filename)) || options.skipPath?.(file.filename)) {
      yield { kind: 'skip', path: file.filename, reason: 'excluded-path' };
      continue;
    }
    const origin: Origin = {
      path: file.filename,
      repository: `${pr.owner}/${pr.repo}`,
      pullRequest: pr.number,
      ...(file.sha ? { blob: file.sha } : {}),
    };
    if (file.patch !== undefined && !options.headContents) {
      const hunks = parsePatch(file.patch).filter((hunk) => hunk.added.length > 0);
      if (hunks.length === 0) continue;
      const chunks = hunks.map((hunk): Chunk => ({ text: hunk.lines.join('\n'), origin, lines: hunk.added, firstLine: hunk.newStart }));
      yield { kind: 'file', path: file.filename, bytes: chunks.reduce((n, c) => n + Buffer.byteLength(c.text), 0), chunks, whole: false };
      continue;
    }
    const lines = file.patch !== undefined ? addedLines(file.patch) : undefined;
    if (lines && lines.length === 0) continue;
    if (!file.sha) {
      yield { kind: 'skip', path: file.filename, reason: 'unreadable' };
      continue;
    }
    let content: Awaited<ReturnType<typeof blobContent>>;
    try {
      content = await blobContent(gh, pr, file.sha, maxFileSize);
    } catch (error) {
      // A submodule's "blob" is a commit; anything else unreadable is counted, not fatal.
      if ((error as { status?: number }).status === 404 || (error as { status?: number }).status === 422) {
        yield { kind: 'skip', path: file.filename, reason: 'unreadable' };
        continue;
      }
      throw apiError(error, `reading ${file.filename} of pull request ${pr.owner}/${pr.repo}#${pr.number}`);
    }
    if (!Buffer.isBuffer(content)) {
      yield { kind: 'skip', path: file.filename, reason: content.skip };
      continue;
    }
    yield { kind: 'blob', path: file.filename, content, origin, ...(lines ? { lines } : {}), whole: lines === undefined };
  }
  if (pr.changedFiles !== undefined && pr.changedFiles > files.length && files.length >= PULL_FILES_LIMIT) {
    for (let i = files.length; i < pr.changedFiles; i++) yield { kind: 'skip', path: '', reason: 'api-file-limit' };
  }
}
