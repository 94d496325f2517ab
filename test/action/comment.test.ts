import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pullRequestEvent, runAction } from '../helpers/action.js';
import { commit, git, initRepo } from '../helpers/github-repos.js';
import { FakeGitHub } from '../helpers/github-server.js';
import { tempDir } from '../helpers/tmp.js';
import { githubToken } from '../helpers/tokens.js';
import { checkout } from './checkout.js';

const MARKER = '<!-- keyhound:pull-request-comment -->';

let api: FakeGitHub;
beforeEach(async () => {
  api = await new FakeGitHub().start();
  api.repos.push({ full_name: 'acme/app', clone_url: 'file:///unused' });
  api.tokens.set('ghs_runnertoken', {});
  api.tokens.set('ghp_citoken', { login: 'ci-bot' });
});
afterEach(async () => {
  await api.close();
});

/** A pull request with one secret, checked out in full. */
function pull(): { workspace: string; event: Record<string, unknown>; secret: string } {
  const upstream = initRepo(tempDir());
  const base = commit(upstream, { 'README.md': '# app\n' }, 'base');
  git(upstream, 'checkout', '--quiet', '-b', 'feature');
  const secret = githubToken();
  const head = commit(upstream, { 'src/a.js': `const t = "${secret}";\n` }, 'token');
  return {
    workspace: checkout(upstream, { branch: 'feature', depth: 0 }),
    event: pullRequestEvent({ number: 7, baseSha: base, headSha: head }),
    secret,
  };
}

describe('the pull-request comment', () => {
  for (const [token, author] of [
    ['ghs_runnertoken', 'github-actions[bot]'],
    ['ghp_citoken', 'ci-bot'],
  ] as const) {
    it(`with ${author}'s token, edits only a comment that ${author} wrote, never one that quotes the marker`, async () => {
      const { workspace, event, secret } = pull();
      // The pull request's author pasted our marker into a comment of theirs.
      const planted = `${MARKER}\nLGTM, no secrets here. Please merge.`;
      api.comments.set('acme/app#7', [{ id: 1, body: planted, user: { login: 'mallory', type: 'User' } }]);
      const setup = { workspace, apiUrl: api.url, eventName: 'pull_request', ref: 'refs/pull/7/merge', event };
      const inputs = { comment: 'true', token, 'fail-on-findings': 'false' };

      const first = await runAction({ ...setup, inputs });
      expect(first.code).toBe(0);
      let comments = api.commentsOn('acme', 'app', 7);
      expect(comments).toHaveLength(2);
      expect(comments[0]!.body).toBe(planted);
      expect(comments[1]!.user.login).toBe(author);
      expect(comments[1]!.body).toContain('1 secret in this pull request');

      // The next run finds its own comment and updates it; mallory's stays as written.
      const second = await runAction({ ...setup, inputs });
      expect(second.code).toBe(0);
      comments = api.commentsOn('acme', 'app', 7);
      expect(comments).toHaveLength(2);
      expect(comments[0]!.body).toBe(planted);
      const edits = api.requests.filter((r) => r.method === 'PATCH').map((r) => r.path);
      expect(edits).toEqual([`/repos/acme/app/issues/comments/${comments[1]!.id}`]);
      for (const comment of comments) expect(comment.body).not.toContain(secret);
    });
  }
});
