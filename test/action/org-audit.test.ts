import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, ROOT } from '../helpers/cli.js';
import { commit, initRepo, spawnAsync } from '../helpers/github-repos.js';
import { FakeGitHub } from '../helpers/github-server.js';
import { fileTempDir, tempDir } from '../helpers/tmp.js';
import { githubToken } from '../helpers/tokens.js';
import { artifactFiles, runWorkflow, type WorkflowRun } from '../helpers/workflow-runner.js';

/**
 * The reusable workflow .github/workflows/org-audit.yml, its steps run by a
 * simulated runner (test/helpers/workflow-runner.ts) against the GitHub API
 * stand-in: shard jobs of a matrix, their reports carried as artifacts
 * (folders), and the merge job's HTML, JSON and SARIF report and job summary.
 */
const WORKFLOW = path.join(ROOT, '.github', 'workflows', 'org-audit.yml');
const TOKEN = 'ghp_auditor';

let api: FakeGitHub;
const secrets: string[] = [];

beforeAll(async () => {
  api = await new FakeGitHub().start();
  api.tokens.set(TOKEN, { login: 'auditor' });
  for (let i = 0; i < 9; i++) {
    const dir = initRepo(fileTempDir());
    commit(dir, { 'README.md': `# repo ${i}\n` }, 'init');
    if (i % 2 === 0) {
      const secret = githubToken();
      secrets.push(secret);
      commit(dir, { 'settings.env': `GITHUB_TOKEN=${secret}\n` }, `settings for ${i}`);
      commit(dir, { 'settings.env': 'GITHUB_TOKEN=\n' }, 'from the environment');
    }
    api.repos.push({ full_name: `acme/repo-${i}`, clone_url: `file://${dir}`, private: true });
  }
}, 120_000);

afterAll(async () => {
  await api?.close();
});

function audit(inputs: Record<string, string | number | boolean>, lose?: (job: string, matrix: unknown) => boolean): Promise<WorkflowRun> {
  return runWorkflow({
    workflow: WORKFLOW,
    inputs: { organization: 'acme', ...inputs },
    secrets: { token: TOKEN },
    env: { GITHUB_API_URL: api.url },
    ...(lose ? { lose } : {}),
  });
}

function jobs(run: WorkflowRun, id: string) {
  return run.jobs.filter((j) => j.job === id);
}

/** Everything the run left behind: logs, summaries, artifacts. */
function everything(run: WorkflowRun): string {
  const logs = run.jobs.flatMap((j) => [j.summary, ...j.steps.flatMap((s) => [s.stdout, s.stderr])]);
  const files = [...artifactFiles(run).values()].map((file) => readFileSync(file, 'utf8'));
  return [...logs, ...files].join('\n');
}

describe('the reusable org-audit workflow', () => {
  it('is called with workflow_call, puts every expression in env (never in a script), and installs the version of this package', () => {
    const workflow = parse(readFileSync(WORKFLOW, 'utf8')) as {
      on: Record<string, unknown>;
      jobs: Record<string, { steps: { run?: string }[] }>;
    };
    expect(Object.keys(workflow.on)).toEqual(['workflow_call']);
    for (const job of Object.values(workflow.jobs)) for (const step of job.steps) if (step.run) expect(step.run).not.toContain('${{');
    const version = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    expect((workflow.on.workflow_call as { inputs: Record<string, { default: string }> }).inputs['keyhound-version']!.default).toBe(
      version,
    );
  });

  it('fans out 3 shards, carries their reports as artifacts, and merges them into the report one run gives', async () => {
    const run = await audit({ shards: 3 });
    expect(jobs(run, 'shard').map((j) => [j.matrix, j.result])).toEqual([
      [{ shard: 1 }, 'success'],
      [{ shard: 2 }, 'success'],
      [{ shard: 3 }, 'success'],
    ]);
    expect(run.installs).toEqual(Array(4).fill(expect.stringMatching(/^keyhound@\d+\.\d+\.\d+$/)));
    const files = artifactFiles(run);
    expect([...files.keys()].sort()).toEqual([
      'keyhound-report/keyhound.html',
      'keyhound-report/keyhound.json',
      'keyhound-report/keyhound.sarif',
      'keyhound-shard-1/keyhound-shard-1.json',
      'keyhound-shard-2/keyhound-shard-2.json',
      'keyhound-shard-3/keyhound-shard-3.json',
    ]);
    // The same findings as one unsharded audit.
    const single = await spawnAsync(process.execPath, [CLI, 'github', 'org', 'acme', '--format', 'json', '-q'], {
      env: { PATH: process.env.PATH, HOME: tempDir(), GITHUB_API_URL: api.url, GITHUB_TOKEN: TOKEN },
    });
    const merged = JSON.parse(readFileSync(files.get('keyhound-report/keyhound.json')!, 'utf8')) as {
      findings: unknown[];
      stats: { complete: boolean };
    };
    expect(merged.findings).toEqual((JSON.parse(single.stdout) as { findings: unknown[] }).findings);
    expect(merged.findings).toHaveLength(5);
    expect(merged.stats.complete).toBe(true);
    expect(run.outputs).toEqual({ findings: '5', complete: 'true' });
    // The job summary, and a failed merge job: secrets were found.
    const [merge] = jobs(run, 'merge');
    expect(merge!.summary).toContain('## keyhound: 5 secrets found');
    expect(merge!.summary).toContain('Audited 9 repositories. Merged 3 of 3 shards.');
    expect(merge!.result).toBe('failure');
    expect(merge!.steps.at(-1)!.stdout).toContain('::error::keyhound found secrets');
    expect(readFileSync(files.get('keyhound-report/keyhound.html')!, 'utf8')).toContain('<!DOCTYPE html>');
    // The shards' logs have a line per repository.
    expect(
      jobs(run, 'shard')
        .flatMap((j) => j.steps.map((s) => s.stderr))
        .join(''),
    ).toMatch(/\[\d+\/\d+\] acme\/repo-0: 1 finding/);
    for (const secret of secrets) expect(everything(run)).not.toContain(secret);
    // Every API request carried the token.
    expect(api.requests.every((r) => r.authorization === `token ${TOKEN}`)).toBe(true);
  }, 300_000);

  it('a shard whose runner died leaves the merged report incomplete, and the merge says so', async () => {
    const run = await audit(
      { shards: 4, history: false, 'fail-on-findings': false },
      (job, matrix) => job === 'shard' && (matrix as { shard: number }).shard === 2,
    );
    expect(jobs(run, 'shard').map((j) => j.result)).toEqual(['success', 'failure', 'success', 'success']);
    const [merge] = jobs(run, 'merge');
    expect(merge!.result).toBe('success'); // fail-on-findings: false
    expect(run.outputs.complete).toBe('false');
    expect(merge!.summary).toMatch(/Incomplete:.*shard/);
    expect(merge!.steps.at(-1)!.stdout).toContain('::error::the audit is incomplete');
    const report = JSON.parse(readFileSync(artifactFiles(run).get('keyhound-report/keyhound.json')!, 'utf8')) as {
      stats: { shards: { missing: number[] } };
    };
    expect(report.stats.shards.missing).toEqual([2]);
  }, 300_000);

  it('takes inputs as data: a hostile organisation name reaches keyhound as one argument', async () => {
    const marker = path.join(tempDir(), 'injected');
    const run = await audit({ organization: `acme"; touch ${marker}; echo "`, shards: 1 });
    expect(existsSync(marker)).toBe(false);
    const [shard] = jobs(run, 'shard');
    expect(shard!.result).toBe('failure');
    expect(shard!.steps.find((s) => s.id === 'audit')!.code).toBe(2);
    expect(jobs(run, 'merge')[0]!.result).toBe('failure');
  }, 300_000);

  it('refuses a shard count out of range before starting any shard', async () => {
    const run = await audit({ shards: 0 });
    expect(jobs(run, 'plan')[0]!.steps[0]!.stdout).toContain('::error::shards must be from 1 to 256, not 0');
    expect(jobs(run, 'shard').map((j) => j.result)).toEqual(['skipped']);
    expect(jobs(run, 'merge').map((j) => j.result)).toEqual(['skipped']);
  });
});
