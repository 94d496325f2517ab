import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { pullRequestEvent, runAction } from '../helpers/action.js';
import { CLI, ROOT } from '../helpers/cli.js';
import { commit, git, initRepo, spawnAsync } from '../helpers/github-repos.js';
import { FakeGitHub } from '../helpers/github-server.js';
import { tempDir } from '../helpers/tmp.js';
import { githubToken } from '../helpers/tokens.js';
import { checkout, pushEvent } from './checkout.js';

interface Step {
  uses?: string;
  run?: string;
  id?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface WorkflowFile {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, { steps: Step[] }>;
}

/** The workflows of the README's Action section, as a user copies them. */
function readmeWorkflows(): WorkflowFile[] {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## GitHub Action\n'), readme.indexOf('### Trust boundary'));
  return [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => parse(m[1]!) as WorkflowFile);
}

let api: FakeGitHub;
beforeEach(async () => {
  api = await new FakeGitHub().start();
  api.tokens.set('ghs_runnertoken', {});
});
afterEach(async () => {
  await api.close();
});

/** main with a secret in its tree; feature adds another. */
function fixture(): { upstream: string; base: string; head: string; secrets: string[] } {
  const upstream = initRepo(tempDir());
  const old = githubToken();
  commit(upstream, { 'config/old.env': `T=${old}\n` }, 'old');
  const base = commit(upstream, { 'README.md': '# app\n' }, 'readme');
  git(upstream, 'checkout', '--quiet', '-b', 'feature');
  const added = githubToken();
  const head = commit(upstream, { 'src/new.js': `const t = "${added}";\n` }, 'new');
  git(upstream, 'checkout', '--quiet', 'main');
  return { upstream, base, head, secrets: [old, added] };
}

describe('the README workflows', () => {
  const workflows = readmeWorkflows();

  it('are three, and each asks for the permissions its inputs need', () => {
    expect(workflows).toHaveLength(3);
    for (const workflow of workflows) {
      for (const step of Object.values(workflow.jobs).flatMap((job) => job.steps)) {
        if (!step.uses?.startsWith('keyhound/keyhound@')) continue;
        if (step.with?.comment === true) expect(workflow.permissions?.['pull-requests']).toBe('write');
        if (step.with?.['upload-sarif'] === true) expect(workflow.permissions?.['security-events']).toBe('write');
      }
    }
  });

  it('run as written on each of their events', async () => {
    let runs = 0;
    for (const workflow of workflows.filter((w) =>
      Object.values(w.jobs).some((j) => j.steps.some((s) => s.uses?.startsWith('keyhound/'))),
    )) {
      const steps = Object.values(workflow.jobs)[0]!.steps;
      const step = steps.find((s) => s.uses?.startsWith('keyhound/keyhound@'))!;
      const inputs = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, String(v)]));
      const depth = steps.find((s) => s.uses?.startsWith('actions/checkout@'))?.with?.['fetch-depth'] === 0 ? 0 : 1;
      for (const event of Object.keys(workflow.on)) {
        const repo = fixture();
        api.repos.splice(0, api.repos.length, { full_name: 'acme/app', clone_url: 'file:///unused' });
        api.sarifs.length = 0;
        const branch = event === 'pull_request' ? 'feature' : 'main';
        const workspace = checkout(repo.upstream, { branch, depth });
        const tip = git(repo.upstream, 'rev-parse', branch);
        const setup =
          event === 'pull_request'
            ? { eventName: event, ref: 'refs/pull/7/merge', event: pullRequestEvent({ number: 7, baseSha: repo.base, headSha: repo.head }) }
            : event === 'push'
              ? {
                  eventName: event,
                  sha: tip,
                  event: pushEvent({ before: git(repo.upstream, 'rev-parse', 'main~1'), after: tip, ref: 'refs/heads/main' }),
                }
              : { eventName: event, sha: tip, event: {} };
        const run = await runAction({ workspace, apiUrl: api.url, inputs, ...setup });
        runs++;
        expect(run.stdout, `${event}: ${run.stdout}`).not.toMatch(/::error::keyhound: (?!\d+ secrets? found)/);
        expect(run.stdout).not.toMatch(/::warning title=keyhound%3A permission/);
        if (event === 'pull_request') {
          expect(run.outputs.findings).toBe('1');
          if (inputs.comment === 'true') expect(api.commentsOn('acme', 'app', 7)).toHaveLength(1);
        } else {
          // Push and schedule upload the tree: the old secret keeps its alert.
          expect(api.sarifs).toHaveLength(inputs['upload-sarif'] === 'true' ? 1 : 0);
          if (api.sarifs[0]) expect(JSON.stringify(api.sarifs[0].decoded)).toContain('config/old.env');
        }
        for (const secret of repo.secrets) expect(run.stdout + run.summary).not.toContain(secret);
      }
    }
    expect(runs).toBe(3);
  });

  it("the audit's command runs as written and names what it found", async () => {
    const audit = workflows.find((w) => Object.values(w.jobs).some((j) => j.steps.some((s) => s.run?.includes('github org'))))!;
    const step = Object.values(audit.jobs)[0]!.steps.find((s) => s.run?.includes('github org'))!;
    const repo = fixture();
    api.repos.splice(0, api.repos.length, { full_name: 'acme/app', clone_url: `file://${repo.upstream}` });
    const command = step.run!.match(/^node (\S+) (.*) > (\S+)$/)!;
    expect(command[1]).toBe('keyhound/dist/cli/keyhound.js');
    const args = command[2]!.split(' ').map((word) => word.replace('"$ORG"', 'acme'));
    const result = await spawnAsync(process.execPath, [CLI, ...args], {
      cwd: tempDir(),
      env: { PATH: process.env.PATH, HOME: tempDir(), GITHUB_TOKEN: 'ghs_runnertoken', GITHUB_API_URL: api.url },
    });
    expect(result.code, result.stderr).toBe(1);
    const report = JSON.parse(result.stdout) as { findings: { repository?: string; path: string }[] };
    expect(report.findings.map((f) => `${f.repository}:${f.path}`).sort()).toEqual(['acme/app:config/old.env', 'acme/app:src/new.js']);
  });
});
