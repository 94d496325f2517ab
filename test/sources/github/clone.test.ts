import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cloneRepository, gitAuthEnv, removeClone } from '../../../src/sources/github/clone.js';
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

  it('fails with git\'s reason, and cleans up, when the server refuses', async () => {
    const root = tempDir();
    server = await new GitHttpServer(root, 'right').start();
    const error = (await cloneRepository(`${server.url}/app.git`, { token: 'wrong', tempRoot: root }).catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(/git clone of http:\/\/127\.0\.0\.1:\d+\/app\.git failed \(exit 128\)/);
    expect(error.message).not.toContain('wrong');
    expect(readdirSync(root).filter((name) => name.startsWith('keyhound-clone-'))).toEqual([]);
  });

  it('scopes the header to the URL\'s origin and adds to existing GIT_CONFIG_COUNT entries', () => {
    const env = gitAuthEnv('https://ghe.example.com/a/b.git', 'tok', { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'core.x', GIT_CONFIG_VALUE_0: 'y' });
    expect(env).toMatchObject({ GIT_CONFIG_COUNT: '2', GIT_CONFIG_KEY_0: 'core.x', GIT_CONFIG_KEY_1: 'http.https://ghe.example.com/.extraheader', GIT_TERMINAL_PROMPT: '0' });
    expect(gitAuthEnv('file:///tmp/x', 'tok', {}).GIT_CONFIG_COUNT).toBeUndefined();
  });
});
