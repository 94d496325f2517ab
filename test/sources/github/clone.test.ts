import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cloneRepository, gitAuthEnv, removeClone, runGit } from '../../../src/sources/github/clone.js';
import { GitHttpServer } from '../../helpers/git-http.js';
import { commit, git, initRepo } from '../../helpers/github-repos.js';
import { tempDir } from '../../helpers/tmp.js';

let server: GitHttpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Every file under a folder, as text (a clone's config, packed-refs, hooks...). */
function allText(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(path.join(entry.parentPath, entry.name)).toString('latin1'))
    .join('\n');
}

describe('cloneRepository', () => {
  it('clones over HTTP with the token in a header, and leaves the token nowhere in the clone', async () => {
    const root = tempDir();
    const work = initRepo(path.join(root, 'work'));
    commit(work, { 'a.txt': 'one\n' }, 'first');
    git(root, 'clone', '--quiet', '--bare', work, path.join(root, 'app.git'));
    git(path.join(root, 'app.git'), 'update-ref', 'refs/pull/1/head', 'HEAD');
    const token = 'ghs_' + 'k'.repeat(36);
    server = await new GitHttpServer(root, token).start();

    const dir = await cloneRepository(`${server.url}/app.git`, { token });
    try {
      expect(server.authorizations).toContain(`basic ${Buffer.from(`x-access-token:${token}`).toString('base64')}`);
      // A mirror: pull-request refs come along.
      expect(git(dir, 'for-each-ref', '--format=%(refname)')).toContain('refs/pull/1/head');
      const everything = allText(dir);
      expect(everything).not.toContain(token);
      expect(everything).not.toContain(Buffer.from(`x-access-token:${token}`).toString('base64'));
      expect(everything.toLowerCase()).not.toContain('extraheader');
    } finally {
      await removeClone(dir);
    }
  });

  it("fails with git's reason, and cleans up, when the server refuses", async () => {
    const root = tempDir();
    server = await new GitHttpServer(root, 'right').start();
    const error = (await cloneRepository(`${server.url}/app.git`, { token: 'wrong', tempRoot: root }).catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(/git clone of http:\/\/127\.0\.0\.1:\d+\/app\.git failed \(exit 128\)/);
    expect(error.message).not.toContain('wrong');
    expect(readdirSync(root).filter((name) => name.startsWith('keyhound-clone-'))).toEqual([]);
  });

  it('replaces a header an earlier checkout persisted in .git/config instead of sending two', async () => {
    const root = tempDir();
    const work = initRepo(path.join(root, 'work'));
    commit(work, { 'a.txt': 'one\n' }, 'first');
    git(root, 'clone', '--quiet', '--bare', work, path.join(root, 'app.git'));
    const token = 'ghs_' + 'r'.repeat(36);
    server = await new GitHttpServer(root, token).start();
    const url = `${server.url}/app.git`;
    const clone = path.join(root, 'clone');
    const env = { PATH: process.env.PATH, HOME: root, GIT_CONFIG_NOSYSTEM: '1' };
    expect((await runGit(['clone', '--quiet', url, clone], { env: gitAuthEnv(url, token, env) })).code).toBe(0);
    // What actions/checkout leaves behind (persist-credentials), here with a stale token.
    git(
      clone,
      'config',
      `http.${server.url}/.extraheader`,
      `AUTHORIZATION: basic ${Buffer.from('x-access-token:stale').toString('base64')}`,
    );
    commit(work, { 'a.txt': 'two\n' }, 'second');
    git(path.join(root, 'app.git'), 'fetch', '--quiet', work, 'main:main');
    const before = server.rawAuthorizations.length;
    const fetched = await runGit(['fetch', '--quiet', 'origin'], { cwd: clone, env: gitAuthEnv(url, token, env) });
    expect(fetched.code, fetched.stderr).toBe(0);
    expect(server.rawAuthorizations.slice(before).every((n) => n === 1)).toBe(true);
  });

  it("scopes the header to the URL's origin and adds to existing GIT_CONFIG_COUNT entries", () => {
    const env = gitAuthEnv('https://ghe.example.com/a/b.git', 'tok', {
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: 'core.x',
      GIT_CONFIG_VALUE_0: 'y',
    });
    expect(env).toMatchObject({
      GIT_CONFIG_COUNT: '3',
      GIT_CONFIG_KEY_0: 'core.x',
      GIT_TERMINAL_PROMPT: '0',
      GIT_CONFIG_KEY_1: 'http.https://ghe.example.com/.extraheader',
      GIT_CONFIG_VALUE_1: '',
      GIT_CONFIG_KEY_2: 'http.https://ghe.example.com/.extraheader',
      GIT_CONFIG_VALUE_2: `AUTHORIZATION: basic ${Buffer.from('x-access-token:tok').toString('base64')}`,
    });
    expect(gitAuthEnv('file:///tmp/x', 'tok', {}).GIT_CONFIG_COUNT).toBeUndefined();
  });
});
