import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI } from '../helpers/cli.js';
import { commit, initRepo, spawnAsync, type SpawnResult } from '../helpers/github-repos.js';
import { FakeGitHub } from '../helpers/github-server.js';
import { fileTempDir } from '../helpers/tmp.js';
import { githubToken } from '../helpers/tokens.js';

/**
 * An organisation of 60 repositories (real git repositories, cloned from
 * file:// remotes; the GitHub API is the stand-in on 127.0.0.1) audited as one
 * run and as 4 shards merged: the same findings and the same failed
 * repositories. A shard that never reported makes the merge incomplete.
 * In the slow suite: 60 audits twice over, one clone each.
 */
const REPOSITORIES = 60;
const BROKEN = ['acme/broken-a', 'acme/broken-b'];

let api: FakeGitHub;
let secrets: string[];
let work: string;

beforeAll(async () => {
  api = await new FakeGitHub().start();
  api.defaultPerPage = 25;
  secrets = [];
  const shared = githubToken();
  secrets.push(shared);
  for (let i = 0; i < REPOSITORIES - BROKEN.length; i++) {
    const name = `acme/service-${String(i).padStart(2, '0')}`;
    const dir = initRepo(fileTempDir());
    commit(dir, { 'README.md': `# ${name}\n` }, 'init');
    if (i % 3 === 0) {
      // A secret committed and removed again: only the history has it.
      const secret = githubToken();
      secrets.push(secret);
      commit(dir, { 'config/prod.env': `GITHUB_TOKEN=${secret}\n` }, `add config to ${name}`);
      commit(dir, { 'config/prod.env': 'GITHUB_TOKEN=${GITHUB_TOKEN}\n' }, 'use the environment');
    }
    // One secret copied into several repositories: one finding in each.
    if (i % 7 === 0) commit(dir, { 'deploy/ci.env': `DEPLOY_TOKEN=${shared}\n` }, 'deploy');
    api.repos.push({ full_name: name, clone_url: `file://${dir}` });
  }
  for (const name of BROKEN) api.repos.push({ full_name: name, clone_url: `file:///nonexistent/${name}.git` });
  work = fileTempDir();
}, 300_000);

afterAll(async () => {
  await api?.close();
});

function keyhound(args: string[]): Promise<SpawnResult> {
  return spawnAsync(process.execPath, [CLI, ...args], {
    cwd: work,
    env: { PATH: process.env.PATH, HOME: work, TMPDIR: work, GITHUB_API_URL: api.url },
  });
}

interface Json {
  findings: Record<string, unknown>[];
  stats: { shard?: string; covered?: string[]; failures?: { repository: string; reason: string }[]; [key: string]: unknown };
}

function readJson(file: string): Json {
  return JSON.parse(readFileSync(path.join(work, file), 'utf8')) as Json;
}

/** What must match between the single run and the merge: the findings as the report gives them, in report order. */
function findingsOf(report: Json): string[] {
  return report.findings.map((f) => JSON.stringify(f));
}

function failedOf(report: Json): string[] {
  return (report.stats.failures ?? []).map((f) => f.repository).sort();
}

describe('an organisation audit in shards', () => {
  it('4 shards merged give the report of one run: same findings, same failed repositories', async () => {
    const whole = await keyhound(['github', 'org', 'acme', '--format', 'json', '-o', 'whole.json', '-q']);
    expect(whole.code, whole.stderr).toBe(1);
    const single = readJson('whole.json');
    expect(single.findings.length).toBe(20 + 9); // 20 repositories with a removed secret, 9 with the shared one
    expect(failedOf(single)).toEqual(BROKEN);

    const shards = await Promise.all(
      [1, 2, 3, 4].map((i) => keyhound(['github', 'org', 'acme', '--shard', `${i}/4`, '--format', 'json', '-o', `shard-${i}.json`, '-q'])),
    );
    const reports = [1, 2, 3, 4].map((i) => readJson(`shard-${i}.json`));
    // Every repository is in exactly one shard, and each shard says which it is.
    const covered = reports.flatMap((r) => r.stats.covered ?? []);
    expect(covered.sort()).toEqual(api.repos.map((r) => r.full_name).sort());
    expect(new Set(covered).size).toBe(REPOSITORIES);
    expect(reports.map((r) => r.stats.shard)).toEqual(['1/4', '2/4', '3/4', '4/4']);
    for (const report of reports) expect(report.stats.covered!.length).toBeGreaterThan(5);
    expect(shards.map((s) => s.code)).toEqual(reports.map((r) => (r.findings.length > 0 ? 1 : 3)));

    const merged = await keyhound([
      'merge',
      'shard-1.json',
      'shard-2.json',
      'shard-3.json',
      'shard-4.json',
      '--format',
      'json',
      '-o',
      'merged.json',
    ]);
    expect(merged.code, merged.stderr).toBe(1);
    const union = readJson('merged.json');
    expect(findingsOf(union)).toEqual(findingsOf(single));
    expect(failedOf(union)).toEqual(failedOf(single));
    expect(reports.flatMap(failedOf).sort()).toEqual(BROKEN);
    // Two repositories could not be cloned: the merge is as incomplete as the single run.
    expect(single.stats.complete).toBe(false);
    expect(union.stats.complete).toBe(false);
    expect(union.stats.repositories).toBe(single.stats.repositories);
    for (const secret of secrets) expect(readFileSync(path.join(work, 'merged.json'), 'utf8')).not.toContain(secret);
  }, 300_000);

  it('a missing shard makes the merge incomplete: exit 3, naming the shard; with all of them it is complete', async () => {
    // An organisation with nothing to find and nothing broken, so the exit code is the completeness alone.
    for (let i = 0; i < 12; i++) {
      const dir = initRepo(fileTempDir());
      commit(dir, { 'README.md': `# tidy ${i}\n` }, 'init');
      api.repos.push({ full_name: `tidy/repo-${i}`, clone_url: `file://${dir}` });
    }
    const runs = await Promise.all(
      [1, 2, 3, 4].map((i) => keyhound(['github', 'org', 'tidy', '--shard', `${i}/4`, '--format', 'sarif', '-o', `tidy-${i}.sarif`, '-q'])),
    );
    expect(runs.map((run) => run.code)).toEqual([0, 0, 0, 0]);
    const gap = await keyhound(['merge', 'tidy-1.sarif', 'tidy-2.sarif', 'tidy-4.sarif', '--format', 'json', '-o', 'gap.json']);
    expect(gap.code, gap.stderr).toBe(3);
    expect(gap.stderr).toContain('no report from shard 3 of 4');
    const report = readJson('gap.json');
    expect(report.stats.complete).toBe(false);
    expect(JSON.stringify(report.stats.incomplete)).toContain('missing-shard');
    const all = await keyhound([
      'merge',
      'tidy-1.sarif',
      'tidy-2.sarif',
      'tidy-3.sarif',
      'tidy-4.sarif',
      '--format',
      'json',
      '-o',
      'all.json',
    ]);
    expect(all.code, all.stderr).toBe(0);
    expect(readJson('all.json').stats.complete).toBe(true);
    // Told to expect 5 shards, the four are not enough.
    const five = await keyhound(['merge', 'tidy-1.sarif', 'tidy-2.sarif', 'tidy-3.sarif', 'tidy-4.sarif', '--shards', '5', '-q']);
    expect(five.code).toBe(2);
  }, 300_000);
});
