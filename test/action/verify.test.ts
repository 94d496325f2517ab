import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runAction } from '../helpers/action.js';
import { commit, initRepo } from '../helpers/github-repos.js';
import { FakeGitHub } from '../helpers/github-server.js';
import { tempDir } from '../helpers/tmp.js';
import { githubToken } from '../helpers/tokens.js';

/** GitHub's API on 127.0.0.1, here as the verifier: GET /user answers 200 for a live token, 401 for any other. */
let verifier: FakeGitHub;
beforeEach(async () => {
  verifier = await new FakeGitHub().start();
});
afterEach(async () => {
  await verifier.close();
});

describe('verify and only-verified', () => {
  it('checks each secret, annotates the live one first, and with only-verified fails on live secrets only', async () => {
    const workspace = initRepo(tempDir());
    const live = githubToken();
    const dead = githubToken();
    verifier.tokens.set(live, { login: 'leaked-user' });
    // The dead one sorts first by path: order must come from the verdict.
    commit(workspace, { 'a/old.env': `GH=${dead}\n`, 'z/prod.env': `GH=${live}\n` }, 'two');
    const setup = { workspace, apiUrl: 'http://127.0.0.1:9', eventName: 'workflow_dispatch', event: {} };
    const args = `--verify-endpoint github=${verifier.url} --verify-timeout=5`;

    const run = await runAction({ ...setup, inputs: { verify: 'true', 'only-verified': 'true', args } });
    expect(run.code).toBe(1);
    const annotations = run.commands.filter((c) => / file=/.test(c));
    expect(annotations).toHaveLength(2);
    expect(annotations[0]).toMatch(/^::error file=z\/prod\.env,.*::LIVE GitHub personal access token/);
    expect(annotations[1]).toMatch(/^::error file=a\/old\.env,/);
    expect(run.stdout).toContain('keyhound: verified 2 secrets: 1 live, 1 dead, 0 unknown');
    expect(run.stdout).toContain('::error::keyhound: 1 live secret found.');
    expect(run.outputs.findings).toBe('2');
    expect(verifier.requests.filter((r) => r.path === '/user')).toHaveLength(2);
    for (const place of [run.stdout, run.stderr, run.summary]) {
      expect(place).not.toContain(live);
      expect(place).not.toContain(dead);
    }

    // Only the dead one left: reported, and the step passes.
    verifier.tokens.delete(live);
    verifier.tokens.set('ghp_unrelated', {});
    const none = await runAction({ ...setup, inputs: { verify: 'true', 'only-verified': 'true', args } });
    expect(none.code).toBe(0);
    expect(none.outputs.findings).toBe('2');
    expect(none.commands.filter((c) => / file=/.test(c))).toHaveLength(2);
  });

  it('rejects only-verified without verify, and args it does not know', async () => {
    const workspace = initRepo(tempDir());
    commit(workspace, { 'a.txt': 'a\n' }, 'a');
    const setup = { workspace, apiUrl: 'http://127.0.0.1:9', eventName: 'workflow_dispatch', event: {} };
    const lonely = await runAction({ ...setup, inputs: { 'only-verified': 'true' } });
    expect(lonely.code).toBe(1);
    expect(lonely.stdout).toContain('::error::keyhound: input "only-verified" needs verify: true');
    const unknown = await runAction({ ...setup, inputs: { verify: 'true', args: '--no-redact' } });
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toContain('::error::keyhound: input "args": "--no-redact" is not allowed');
    const orphan = await runAction({ ...setup, inputs: { args: '--verify-timeout 3' } });
    expect(orphan.stdout).toContain('the --verify-* options need verify: true');
  });
});
