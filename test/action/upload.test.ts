import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pullRequestEvent, runAction } from '../helpers/action.js';
import { commit, git, initRepo } from '../helpers/github-repos.js';
import { FakeGitHub } from '../helpers/github-server.js';
import { validateSarif as validate } from '../helpers/sarif-schema.js';
import { tempDir } from '../helpers/tmp.js';
import { githubToken } from '../helpers/tokens.js';
import { checkout, pushEvent } from './checkout.js';

let api: FakeGitHub;
beforeEach(async () => {
  api = await new FakeGitHub().start();
  api.repos.push({ full_name: 'acme/app', clone_url: 'file:///unused' });
  api.tokens.set('ghs_runnertoken', {});
  api.tokens.set('ghs_readonly', { readOnly: true });
});
afterEach(async () => {
  await api.close();
});

interface SarifRun {
  automationDetails?: { id: string };
  results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
}

function runsOf(decoded: unknown): SarifRun[] {
  return (decoded as { runs: SarifRun[] }).runs;
}

function uris(decoded: unknown): string[] {
  return runsOf(decoded)[0]!.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri);
}

describe('code scanning uploads', () => {
  it('on push, uploads the whole tree for the branch (category keyhound/full), so a secret still there keeps its alert', async () => {
    const upstream = initRepo(tempDir());
    const old = githubToken();
    commit(upstream, { 'config/old.env': `TOKEN=${old}\n` }, 'old secret');
    const before = commit(upstream, { 'README.md': '# app\n' }, 'readme');
    const after = commit(upstream, { 'docs/a.md': 'nothing\n' }, 'docs');
    const workspace = checkout(upstream, { branch: 'main', depth: 0 });
    const run = await runAction({
      workspace,
      apiUrl: api.url,
      eventName: 'push',
      sha: after,
      ref: 'refs/heads/main',
      event: pushEvent({ before, after, ref: 'refs/heads/main' }),
      inputs: { 'upload-sarif': 'true' },
    });
    // The push itself added nothing: the step passes.
    expect(run.code).toBe(0);
    expect(run.outputs.findings).toBe('0');
    expect(api.sarifs).toHaveLength(1);
    const upload = api.sarifs[0]!;
    expect(upload).toMatchObject({ commit_sha: after, ref: 'refs/heads/main' });
    expect(validate(upload.decoded), JSON.stringify(validate.errors)).toBe(true);
    expect(runsOf(upload.decoded)[0]!.automationDetails).toEqual({ id: 'keyhound/full/' });
    expect(uris(upload.decoded)).toEqual(['config/old.env']);
    expect(run.stdout).toContain('category keyhound/full');
    expect(JSON.stringify(upload.decoded)).not.toContain(old);
  });

  it('takes the sarif-category input, and a bad one is an input error', async () => {
    const workspace = initRepo(tempDir());
    const secret = githubToken();
    commit(workspace, { 'a.env': `T=${secret}\n` }, 'a');
    const setup = { workspace, apiUrl: api.url, eventName: 'schedule', event: {}, sha: git(workspace, 'rev-parse', 'HEAD') };
    const run = await runAction({
      ...setup,
      inputs: { 'upload-sarif': 'true', 'sarif-category': 'secrets/nightly', 'fail-on-findings': 'false' },
    });
    expect(run.code).toBe(0);
    expect(runsOf(api.sarifs[0]!.decoded)[0]!.automationDetails).toEqual({ id: 'secrets/nightly/' });
    const bad = await runAction({ ...setup, inputs: { 'sarif-category': 'a b' } });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('::error::keyhound: input "sarif-category" may hold letters, digits and . _ - / @ only, not "a b"');
  });

  it("on pull_request_target, uploads against the pull request's head ref and sha, not the base branch", async () => {
    const upstream = initRepo(tempDir());
    const base = commit(upstream, { 'README.md': '# app\n' }, 'base');
    git(upstream, 'checkout', '--quiet', '-b', 'feature');
    const secret = githubToken();
    const head = commit(upstream, { 'src/a.js': `const t = "${secret}";\n` }, 'token');
    const workspace = checkout(upstream, { branch: 'feature', depth: 0 });
    const run = await runAction({
      workspace,
      apiUrl: api.url,
      // On pull_request_target the run is the base branch's: GITHUB_SHA is its tip, GITHUB_REF the branch.
      eventName: 'pull_request_target',
      sha: base,
      ref: 'refs/heads/main',
      event: pullRequestEvent({ number: 7, baseSha: base, headSha: head }),
      inputs: { 'upload-sarif': 'true', 'fail-on-findings': 'false' },
    });
    expect(run.code).toBe(0);
    expect(api.sarifs).toHaveLength(1);
    expect(api.sarifs[0]).toMatchObject({ commit_sha: head, ref: 'refs/pull/7/head' });
    expect(runsOf(api.sarifs[0]!.decoded)[0]!.automationDetails).toEqual({ id: 'keyhound/diff/' });
    expect(uris(api.sarifs[0]!.decoded)).toEqual(['src/a.js']);
  });
});

describe('permissions', () => {
  /** A pull request (not from a fork) with one secret, checked out in full. */
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

  it('a token without pull-requests or security-events write only warns by default, and fails with on-permission-error: fail', async () => {
    const { workspace, event, secret } = pull();
    const setup = { workspace, apiUrl: api.url, eventName: 'pull_request', ref: 'refs/pull/7/merge', event };
    const inputs = { comment: 'true', 'upload-sarif': 'true', token: 'ghs_readonly', 'fail-on-findings': 'false' };
    const run = await runAction({ ...setup, inputs });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /::warning title=keyhound%3A permission::keyhound: GitHub API: creating the comment on acme\/app#7 \(the token needs pull-requests: write\) failed with 403/,
    );
    expect(run.stdout).toMatch(
      /::warning title=keyhound%3A permission::keyhound: GitHub API: uploading SARIF .*security-events: write.*failed with 403/,
    );
    expect(run.outputs.findings).toBe('1');
    expect(run.stdout).not.toContain(secret);

    const strict = await runAction({ ...setup, inputs: { ...inputs, 'on-permission-error': 'fail' } });
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(/::error::keyhound: GitHub API: creating the comment on acme\/app#7 .*failed with 403/);
  });

  it('an empty token says so instead of "the token was rejected", and sends nothing', async () => {
    const { workspace, event } = pull();
    const run = await runAction({
      workspace,
      apiUrl: api.url,
      eventName: 'pull_request',
      ref: 'refs/pull/7/merge',
      event,
      inputs: { comment: 'true', 'upload-sarif': 'true', token: '', 'fail-on-findings': 'false' },
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Input "token" is empty, so no comment or SARIF upload can be made');
    expect(run.summary).toContain('Input "token" is empty');
    expect(run.stdout).not.toContain('rejected');
    expect(api.requests.filter((r) => r.method !== 'GET')).toEqual([]);

    const strict = await runAction({
      workspace,
      apiUrl: api.url,
      eventName: 'pull_request',
      ref: 'refs/pull/7/merge',
      event,
      inputs: { comment: 'true', token: '', 'on-permission-error': 'fail' },
    });
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('::error::keyhound: input "token" is empty, so no comment can be made');
  });
});
