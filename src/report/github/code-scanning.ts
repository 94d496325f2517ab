import { gzipSync } from 'node:zlib';
import { apiError, type GitHub } from '../../sources/github/client.js';

export interface SarifUpload {
  owner: string;
  repo: string;
  /** The commit the analysis belongs to (on a pull request: the merge commit GitHub checked out). */
  commitSha: string;
  /** Full ref: `refs/heads/BRANCH`, `refs/pull/N/merge` or `refs/pull/N/head`. */
  ref: string;
  /** The SARIF document as text. */
  sarif: string;
}

/**
 * The SARIF with its code-scanning category: `automationDetails.id` on each
 * run (SARIF 2.1.0 `runAutomationDetails`). GitHub keeps one analysis per
 * category, ref and tool, so a diff scan and a full scan of the same branch
 * never replace each other's alerts. An id ending in `/` is all category.
 */
export function withCategory(sarif: string, category: string): string {
  const document = JSON.parse(sarif) as { runs?: Record<string, unknown>[] };
  const id = category.endsWith('/') ? category : `${category}/`;
  for (const run of document.runs ?? []) run.automationDetails = { id };
  return `${JSON.stringify(document, null, 2)}${sarif.endsWith('\n') ? '\n' : ''}`;
}

/**
 * Uploads SARIF to code scanning (`POST /repos/{owner}/{repo}/code-scanning/sarifs`):
 * the body carries the file gzip-compressed, then base64-encoded, as the API
 * requires. Returns the upload id GitHub answers with (202 Accepted; processing
 * continues on GitHub's side).
 */
export async function uploadSarif(gh: GitHub, upload: SarifUpload): Promise<{ id: string; url?: string }> {
  const sarif = gzipSync(Buffer.from(upload.sarif, 'utf8')).toString('base64');
  try {
    const { data } = await gh.rest.codeScanning.uploadSarif({
      owner: upload.owner,
      repo: upload.repo,
      commit_sha: upload.commitSha,
      ref: upload.ref,
      sarif,
      tool_name: 'keyhound',
    });
    return { id: data.id ?? '', ...(data.url ? { url: data.url } : {}) };
  } catch (error) {
    throw apiError(
      error,
      `uploading SARIF to code scanning of ${upload.owner}/${upload.repo} (the token needs security-events: write, and code scanning must be available for the repository)`,
    );
  }
}
