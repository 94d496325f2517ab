import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pullRequestEvent, runAction } from '../helpers/action.js';
import { CLI } from '../helpers/cli.js';
import { commit, git, initRepo, spawnAsync } from '../helpers/github-repos.js';
import { GitHttpServer } from '../helpers/git-http.js';
import { FakeGitHub } from '../helpers/github-server.js';
import { bearer, ProviderServer, runCliAsync } from '../helpers/providers.js';
import { tempDir, writeTree } from '../helpers/tmp.js';
import { githubToken } from '../helpers/tokens.js';

/**
 * The GitHub token (and any credential keyhound is given) is never logged,
 * never written to output or disk, and sent to the configured API and the
 * GitHub server only; clones and fetches made with it leave it nowhere.
 */

/** The token and the forms git would carry it in. */
function forms(token: string): string[] {
  return [token, Buffer.from(`x-access-token:${token}`).toString('base64')];
}

/** Every file under a folder, as text. */
function everything(dir: string): { file: string; text: string }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => ({
      file: path.join(entry.parentPath, entry.name),
      text: readFileSync(path.join(entry.parentPath, entry.name)).toString('latin1'),
    }));
}

function expectAbsent(token: string, places: { label: string; text: string }[]): void {
  const found = places.flatMap((place) =>
    forms(token)
      .filter((form) => place.text.includes(form))
      .map(() => place.label),
  );
  expect(found).toEqual([]);
}

/** A bare repository under `root` whose history adds (and later removes) a secret. */
function served(root: string, name: string): { secret: string; upstream: string; base: string; head: string } {
  const upstream = initRepo(path.join(root, `${name}-work`));
  const base = commit(upstream, { 'README.md': `# ${name}\n` }, 'base');
  git(upstream, 'checkout', '--quiet', '-b', 'feature');
  const secret = githubToken();
  commit(upstream, { 'config/prod.env': `GITHUB_TOKEN=${secret}\n` }, 'add config');
  const head = commit(upstream, { 'src/app.js': 'console.log(1);\n' }, 'more');
  git(root, 'clone', '--quiet', '--bare', upstream, path.join(root, `${name}.git`));
  return { secret, upstream, base, head };
}

let api: FakeGitHub;
const servers: GitHttpServer[] = [];
beforeEach(async () => {
  api = await new FakeGitHub().start();
});
afterEach(async () => {
  await api.close();
  for (const server of servers.splice(0)) await server.close();
});

describe('token hygiene: keyhound github audits', () => {
  it('sends the token to the API and the GitHub server only; a clone URL elsewhere gets none; clones are removed', async () => {
    const token = `ghp_${'t'.repeat(36)}`;
    const root = tempDir();
    const own = served(root, 'private');
    const other = served(root, 'mirror');
    const github = await new GitHttpServer(root, token).start();
    const elsewhere = await new GitHttpServer(root).start();
    servers.push(github, elsewhere);
    api.tokens.set(token, { login: 'dev' });
    api.repos.push(
      { full_name: 'acme/private', clone_url: `${github.url}/private.git`, private: true },
      { full_name: 'acme/mirror', clone_url: `${elsewhere.url}/mirror.git` },
    );
    const temp = tempDir();
    const run = await spawnAsync(process.execPath, [CLI, 'github', 'org', 'acme', '--format', 'json', '--verbose'], {
      env: {
        PATH: process.env.PATH,
        HOME: tempDir(),
        TMPDIR: temp,
        GITHUB_TOKEN: token,
        GITHUB_API_URL: api.url,
        GITHUB_SERVER_URL: github.url,
      },
    });
    expect(run.code, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout) as { findings: { repository: string }[] };
    expect(report.findings.map((f) => f.repository).sort()).toEqual(['acme/mirror', 'acme/private']);
    // Where the token went: the API (as GitHub wants it) and the GitHub server's git, nowhere else.
    expect(api.requests.length).toBeGreaterThan(0);
    expect(api.requests.every((r) => r.authorization === `token ${token}`)).toBe(true);
    expect(github.authorizations).toContain(`basic ${forms(token)[1]}`);
    expect(elsewhere.authorizations.length).toBeGreaterThan(0);
    expect(elsewhere.authorizations.filter((a) => a !== undefined)).toEqual([]);
    expectAbsent(token, [
      { label: 'stdout', text: run.stdout },
      { label: 'stderr', text: run.stderr },
    ]);
    // The clones are gone; nothing of them survives to hold the token.
    expect(readdirSync(temp)).toEqual([]);
    for (const secret of [own.secret, other.secret]) expect(run.stdout + run.stderr).not.toContain(secret);
  });
});

describe('token hygiene: the Action', () => {
  /** A shallow checkout of the feature branch from `server`, as actions/checkout with persist-credentials: false leaves it. */
  async function shallowCheckout(server: GitHttpServer, token: string | undefined): Promise<string> {
    const workspace = path.join(tempDir(), 'ws');
    const header = token ? ['-c', `http.extraHeader=AUTHORIZATION: basic ${forms(token)[1]}`] : [];
    const cloned = await spawnAsync(
      'git',
      [...header, 'clone', '--quiet', '--depth', '1', '--branch', 'feature', `${server.url}/app.git`, workspace],
      {
        env: { PATH: process.env.PATH, HOME: path.dirname(workspace), GIT_CONFIG_NOSYSTEM: '1' },
      },
    );
    expect(cloned.code, cloned.stderr).toBe(0);
    return workspace;
  }

  it('fetches with the token in a header: not in any file of the workspace .git, nor in logs, outputs, summary, SARIF or the comment', async () => {
    const token = `ghs_${'f'.repeat(36)}`;
    const root = tempDir();
    const repo = served(root, 'app');
    const github = await new GitHttpServer(root, token).start();
    servers.push(github);
    api.repos.push({ full_name: 'acme/app', clone_url: `${github.url}/app.git` });
    api.tokens.set(token, {});
    const workspace = await shallowCheckout(github, token);
    const run = await runAction({
      workspace,
      apiUrl: api.url,
      serverUrl: github.url,
      eventName: 'pull_request',
      ref: 'refs/pull/7/merge',
      sha: repo.head,
      event: pullRequestEvent({ number: 7, baseSha: repo.base, headSha: repo.head }),
      inputs: { token, comment: 'true', 'upload-sarif': 'true' },
      env: { RUNNER_DEBUG: '1', ACTIONS_STEP_DEBUG: 'true' },
    });
    expect(run.code, run.stdout).toBe(1);
    expect(run.stdout).toContain('(fetched the missing commits)');
    expect(github.authorizations).toContain(`basic ${forms(token)[1]}`);
    expect(api.requests.length).toBeGreaterThan(0);
    expect(api.requests.every((r) => r.authorization === `token ${token}`)).toBe(true);
    expectAbsent(token, [
      { label: 'stdout', text: run.stdout },
      { label: 'stderr', text: run.stderr },
      { label: 'summary', text: run.summary },
      { label: 'outputs', text: JSON.stringify(run.outputs) },
      { label: 'SARIF upload', text: JSON.stringify(api.sarifs) },
      ...api.commentsOn('acme', 'app', 7).map((c) => ({ label: 'comment', text: c.body })),
      ...everything(path.join(workspace, '.git')).map((f) => ({ label: f.file, text: f.text })),
      ...everything(workspace)
        .filter((f) => !f.file.includes(`${path.sep}.git${path.sep}`))
        .map((f) => ({ label: f.file, text: f.text })),
    ]);
  });

  it('fetches from an origin on another host without the token', async () => {
    const token = `ghs_${'g'.repeat(36)}`;
    const root = tempDir();
    const repo = served(root, 'app');
    const github = await new GitHttpServer(root, token).start();
    const elsewhere = await new GitHttpServer(root).start();
    servers.push(github, elsewhere);
    api.tokens.set(token, {});
    const workspace = await shallowCheckout(elsewhere, undefined);
    const run = await runAction({
      workspace,
      apiUrl: api.url,
      serverUrl: github.url,
      eventName: 'pull_request',
      ref: 'refs/pull/7/merge',
      sha: repo.head,
      event: pullRequestEvent({ number: 7, baseSha: repo.base, headSha: repo.head }),
      inputs: { token },
    });
    expect(run.code, run.stdout).toBe(1);
    expect(run.stdout).toContain('(fetched the missing commits)');
    expect(elsewhere.authorizations.length).toBeGreaterThan(1);
    expect(elsewhere.authorizations.filter((a) => a !== undefined)).toEqual([]);
    expect(github.authorizations).toEqual([]);
  });
});

describe('token hygiene: verification', () => {
  it('sends each found secret to its own provider only, never the GitHub token from the environment', async () => {
    const envToken = githubToken();
    const found = githubToken();
    const provider = await ProviderServer.start((request) =>
      request.path === '/user' ? { status: 401, body: { message: 'Bad credentials' } } : { status: 404 },
    );
    const other = await ProviderServer.start(() => ({ status: 500 }));
    const dir = tempDir();
    writeTree(dir, { 'deploy.env': `TOKEN=${found}\n` });
    const run = await runCliAsync(
      ['scan', dir, '--verify', '--verify-endpoint', `github=${provider.url}`, '--verify-endpoint', `stripe=${other.url}`, '--verbose'],
      {
        env: { GITHUB_TOKEN: envToken, GH_TOKEN: envToken, KEYHOUND_TOKEN: envToken },
      },
    );
    expect(run.code).toBe(1);
    expect(provider.requests.map(bearer)).toEqual([found]);
    expect(other.requests).toEqual([]);
    const sent = JSON.stringify(provider.requests);
    expect(sent).not.toContain(envToken);
    expect(run.stdout + run.stderr).not.toContain(envToken);
    expect(run.stdout + run.stderr).not.toContain(found);
  });
});
