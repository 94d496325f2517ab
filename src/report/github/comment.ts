import { apiError, type GitHub } from '../../sources/github/client.js';
import type { ReportedFinding } from '../reported.js';
import { reportFor } from '../render.js';
import type { Sink } from '../sink.js';
import { COMMENT_MARKER, commentMarkdown } from './markdown.js';

export interface CommentTarget {
  owner: string;
  repo: string;
  /** The pull request (an issue, to the comments API). */
  number: number;
}

export interface CommentResult {
  action: 'created' | 'updated' | 'skipped';
  id?: number;
  url?: string;
}

interface ApiComment {
  id: number;
  body?: string;
  html_url: string;
  user?: { login?: string } | null;
}

/** Who comments for an Actions `GITHUB_TOKEN` (it has no user of its own: `GET /user` answers 403). */
export const ACTIONS_BOT = 'github-actions[bot]';

/**
 * The login the token writes comments as: its user (`GET /user`), or, for
 * the Actions token, which has none, `github-actions[bot]`.
 */
export async function tokenAuthor(gh: GitHub): Promise<string> {
  try {
    return (await gh.rest.users.getAuthenticated()).data.login;
  } catch {
    return ACTIONS_BOT;
  }
}

/**
 * Creates our comment on a pull request, or updates it when an earlier run
 * left one (the hidden `marker` in its body, written by the token's own
 * identity), so a pull request gets one comment however often it is pushed
 * to. Anyone can paste the marker into a comment of their own: only the
 * author check keeps us from rewriting it. With `createIfMissing` false
 * (nothing to report) an existing comment is updated and none is created.
 */
export async function upsertComment(
  gh: GitHub,
  target: CommentTarget,
  body: string,
  marker: string,
  createIfMissing = true,
): Promise<CommentResult> {
  let existing: ApiComment | undefined;
  try {
    const comments = (await gh.paginate(gh.rest.issues.listComments, {
      owner: target.owner,
      repo: target.repo,
      issue_number: target.number,
      per_page: 100,
    })) as ApiComment[];
    const author = await tokenAuthor(gh);
    existing = comments.find((comment) => comment.body?.includes(marker) && comment.user?.login === author);
  } catch (error) {
    throw apiError(error, `listing the comments of ${target.owner}/${target.repo}#${target.number}`);
  }
  try {
    if (existing) {
      const { data } = await gh.rest.issues.updateComment({ owner: target.owner, repo: target.repo, comment_id: existing.id, body });
      return { action: 'updated', id: data.id, url: data.html_url };
    }
    if (!createIfMissing) return { action: 'skipped' };
    const { data } = await gh.rest.issues.createComment({ owner: target.owner, repo: target.repo, issue_number: target.number, body });
    return { action: 'created', id: data.id, url: data.html_url };
  } catch (error) {
    throw apiError(
      error,
      `${existing ? 'updating' : 'creating'} the comment on ${target.owner}/${target.repo}#${target.number} (the token needs pull-requests: write)`,
    );
  }
}

export interface CommentSinkOptions {
  target: CommentTarget;
  /** The commit the comment describes (the pull request's head). */
  headSha: string;
  version: string;
  link?: (finding: ReportedFinding) => string | undefined;
  /** Warnings above the findings. */
  notes?: readonly string[];
  /** Told what happened (created, updated, skipped), for a log line. */
  onDone?: (result: CommentResult) => void;
}

/**
 * The pull-request comment as a sink: one comment a pull request, created
 * when there are findings and updated on later runs. Always redacted: a
 * comment is as public as the pull request, whatever `--no-redact` says.
 */
export function commentSink(gh: GitHub, options: CommentSinkOptions): Sink {
  return {
    async finish(report) {
      const findings = reportFor(report, { redact: true }).findings;
      const body = commentMarkdown(findings, {
        headSha: options.headSha,
        version: options.version,
        link: options.link,
        ...(options.notes ? { notes: options.notes } : {}),
      });
      const result = await upsertComment(gh, options.target, body, COMMENT_MARKER, findings.length > 0);
      options.onDone?.(result);
    },
  };
}
