import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runAction } from '../helpers/action.js';
import { commit, initRepo } from '../helpers/github-repos.js';
import { FakeGitHub } from '../helpers/github-server.js';
import { tempDir } from '../helpers/tmp.js';
import { base62, githubToken, hex } from '../helpers/tokens.js';

let api: FakeGitHub;
beforeEach(async () => {
  api = await new FakeGitHub().start();
});
afterEach(async () => {
  await api.close();
});

/** A Cypress record key: a medium-severity finding. */
const cypressKey = (): string => `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`;

describe('annotations', () => {
  it('put the critical finding first, give each severity its level, and count what GitHub would drop', async () => {
    const workspace = initRepo(tempDir());
    const mediums = Array.from({ length: 12 }, cypressKey);
    const lows = Array.from({ length: 3 }, () => `glft-${base62(20)}`);
    const critical = githubToken();
    commit(
      workspace,
      {
        ...Object.fromEntries(mediums.map((key, i) => [`a/ci${String(i).padStart(2, '0')}.env`, `CYPRESS_RECORD_KEY=${key}\n`])),
        ...Object.fromEntries(lows.map((token, i) => [`b/feed${i}.env`, `FEED_TOKEN=${token}\n`])),
        // Last by path: ordered by path alone, it would be the one left out.
        'z/deploy.sh': `export GH="${critical}"\n`,
      },
      'many',
    );
    const run = await runAction({
      workspace,
      apiUrl: api.url,
      eventName: 'workflow_dispatch',
      event: {},
      inputs: { 'fail-on-findings': 'false' },
    });
    expect(run.code).toBe(0);
    expect(run.outputs.findings).toBe('16');
    const annotations = run.commands.filter((c) => / file=/.test(c));
    expect(annotations[0]).toMatch(/^::error file=z\/deploy\.sh,line=1,.*title=keyhound%3A critical github-pat-classic::/);
    const levels = annotations.map((c) => /^::(\w+)/.exec(c)![1]);
    expect(levels).toEqual(['error', ...Array<string>(10).fill('warning'), ...Array<string>(3).fill('notice')]);
    expect(annotations.filter((c) => c.startsWith('::warning')).every((c) => c.includes('medium cypress-record-key'))).toBe(true);
    expect(annotations.filter((c) => c.startsWith('::notice')).every((c) => c.includes('low gitlab-feed-token'))).toBe(true);
    expect(run.stdout).toContain('::notice title=keyhound::2 more findings not annotated');
    for (const secret of [critical, ...mediums, ...lows]) expect(run.stdout).not.toContain(secret);
  });
});

describe('summary and annotation limits', () => {
  it('keeps the job summary under 1 MiB with 250 findings on long paths, counting the rows left out', async () => {
    const workspace = initRepo(tempDir());
    // 14 folders of 200 characters: each row of the table names a ~2.8 KB path twice (text and link).
    const folder = Array.from({ length: 14 }, (_, i) => `${String(i).padStart(2, '0')}${'d'.repeat(198)}`).join('/');
    const secrets: string[] = [];
    const files: Record<string, string> = {};
    for (let f = 0; f < 25; f++) {
      const lines = Array.from({ length: 10 }, () => githubToken()).map((t) => (secrets.push(t), `token = "${t}"`));
      files[`${folder}/f${f}.env`] = `${lines.join('\n')}\n`;
    }
    commit(workspace, files, 'many');
    const run = await runAction({
      workspace,
      apiUrl: api.url,
      eventName: 'workflow_dispatch',
      event: {},
      inputs: { 'fail-on-findings': 'false' },
    });
    expect(run.code).toBe(0);
    expect(run.outputs.findings).toBe('250');
    expect(Buffer.byteLength(run.summary)).toBeLessThanOrEqual(1024 * 1024);
    const rows = run.summary.match(/^\| critical \|/gm)?.length ?? 0;
    expect(rows).toBeGreaterThan(0);
    expect(run.summary).toContain(`…and ${250 - rows} more: see the SARIF file.`);
    expect(run.summary).toContain('### How to fix');
    for (const secret of secrets) expect(run.summary).not.toContain(secret);
  });

  it('leaves out the summary and the annotations when asked', async () => {
    const workspace = initRepo(tempDir());
    const secret = githubToken();
    commit(workspace, { 'a.env': `T=${secret}\n` }, 'a');
    const run = await runAction({
      workspace,
      apiUrl: api.url,
      eventName: 'workflow_dispatch',
      event: {},
      inputs: { summary: 'false', annotations: 'false' },
    });
    expect(run.code).toBe(1);
    expect(run.outputs.findings).toBe('1');
    expect(run.summary).toBe('');
    expect(run.commands.filter((c) => / file=/.test(c))).toEqual([]);
    expect(run.stdout).toContain('::error::keyhound: 1 secret found');
  });
});
