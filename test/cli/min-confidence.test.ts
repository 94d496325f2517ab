import { describe, expect, it } from 'vitest';
import { runAction } from '../helpers/action.js';
import { runCli } from '../helpers/cli.js';
import { commit, git, initRepo } from '../helpers/git.js';
import { tempDir, writeTree } from '../helpers/tmp.js';
import { base62, githubToken } from '../helpers/tokens.js';

/** A low-confidence finding (the generic password rule) and a high one (a checksummed GitHub token). */
function tree(): { files: Record<string, string>; token: string; password: string } {
  const token = githubToken();
  const password = base62(18);
  return { files: { 'app.env': `GITHUB_TOKEN=${token}\n`, 'settings.py': `DB_PASSWORD = "${password}"\n` }, token, password };
}

const rulesOf = (stdout: string): string[] =>
  (JSON.parse(stdout) as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId).sort();

describe('--min-confidence', () => {
  it('scan shows every confidence by default, and hides what is below the minimum, saying how many and how to see them', () => {
    const dir = tempDir();
    const { files, password } = tree();
    writeTree(dir, files);
    expect(rulesOf(runCli(['scan', dir, '--format', 'json']).stdout)).toEqual(['generic-password', 'github-pat-classic']);

    const medium = runCli(['scan', dir, '--min-confidence', 'medium']);
    expect(medium.code).toBe(1);
    expect(medium.stdout).toContain('[github-pat-classic');
    expect(medium.stdout).not.toContain('generic-password');
    expect(medium.stdout).toContain('1 low-confidence finding was hidden (min-confidence medium); --min-confidence low shows it.');
    expect(medium.stdout).not.toContain(password);

    const json = JSON.parse(runCli(['scan', dir, '--format', 'json', '--min-confidence', 'high']).stdout) as {
      findings: unknown[];
      stats: Record<string, unknown>;
    };
    expect(json.findings).toHaveLength(1);
    expect(json.stats).toMatchObject({ minConfidence: 'high', belowMinConfidence: 1 });
  });

  it('the exit code follows what is shown: only hidden findings exit 0', () => {
    const dir = tempDir();
    writeTree(dir, { 'settings.py': `DB_PASSWORD = "${base62(18)}"\n` });
    expect(runCli(['scan', dir]).code).toBe(1);
    const hidden = runCli(['scan', dir, '--min-confidence', 'medium']);
    expect(hidden.code).toBe(0);
    expect(hidden.stdout).toMatch(/^No secrets found/m);
    expect(hidden.stdout).toContain('1 low-confidence finding was hidden');
  });

  it('--explain lists hidden findings as dropped, with the minimum as the reason', () => {
    const dir = tempDir();
    writeTree(dir, { 'settings.py': `DB_PASSWORD = "${base62(18)}"\n` });
    const out = JSON.parse(runCli(['scan', dir, '--format', 'json', '--explain', '--min-confidence', 'medium']).stdout) as {
      suppressed: { ruleId: string; filter: string; reason: string }[];
    };
    expect(out.suppressed).toContainEqual(
      expect.objectContaining({
        ruleId: 'generic-password',
        filter: 'min-confidence',
        reason: 'low confidence, below --min-confidence medium',
      }),
    );
  });

  it('staged (the pre-commit hook) defaults to medium: a generic match alone does not stop a commit; low brings it back', () => {
    const repo = initRepo();
    commit(repo, { 'README.md': '# app\n' }, 'Start');
    writeTree(repo, { 'settings.py': `DB_PASSWORD = "${base62(18)}"\n` });
    git(repo, ['add', '--all']);
    const hook = runCli(['staged', repo]);
    expect(hook.code).toBe(0);
    expect(hook.stdout).toContain('1 low-confidence finding was hidden (min-confidence medium)');
    expect(runCli(['staged', repo, '--min-confidence', 'low']).code).toBe(1);

    const { files } = tree();
    writeTree(repo, { 'app.env': files['app.env']! });
    git(repo, ['add', '--all']);
    expect(runCli(['staged', repo]).code).toBe(1);
  });

  it('git history defaults to low (an audit), git --pre-push to medium (a hook)', () => {
    const repo = initRepo();
    commit(repo, { 'settings.py': `DB_PASSWORD = "${base62(18)}"\n` }, 'Settings');
    expect(runCli(['git', repo]).code).toBe(1);
    const zero = '0'.repeat(40);
    const head = git(repo, ['rev-parse', 'HEAD']).trim();
    const push = runCli(['git', repo, '--pre-push'], { input: `refs/heads/main ${head} refs/heads/main ${zero}\n` });
    expect(push.stdout).toContain('1 low-confidence finding was hidden (min-confidence medium)');
    expect(push.code).toBe(0);
  });

  it('refuses a value that is not a confidence, with exit 2', () => {
    const result = runCli(['scan', tempDir(), '--min-confidence', 'certain']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('min-confidence');
    expect(result.stderr).toMatch(/low|medium|high/);
  });
});

describe('the Action input min-confidence', () => {
  it('defaults to medium (a check that fails on generic matches gets turned off); low reports them', async () => {
    const workspace = tempDir();
    writeTree(workspace, { 'settings.py': `DB_PASSWORD = "${base62(18)}"\n` });
    const gate = await runAction({
      workspace,
      eventName: 'workflow_dispatch',
      event: {},
      apiUrl: 'http://127.0.0.1:9',
      inputs: { mode: 'full' },
    });
    expect(gate.code).toBe(0);
    expect(gate.outputs.findings).toBe('0');
    expect(gate.summary).toContain('1 low-confidence finding was hidden (min-confidence medium); min-confidence: low shows it.');
    const audit = await runAction({
      workspace,
      eventName: 'workflow_dispatch',
      event: {},
      apiUrl: 'http://127.0.0.1:9',
      inputs: { mode: 'full', 'min-confidence': 'low' },
    });
    expect(audit.code).toBe(1);
    expect(audit.outputs.findings).toBe('1');
    const bad = await runAction({
      workspace,
      eventName: 'workflow_dispatch',
      event: {},
      apiUrl: 'http://127.0.0.1:9',
      inputs: { mode: 'full', 'min-confidence': 'some' },
    });
    expect(bad.code).not.toBe(0);
    expect(bad.stdout).toContain('input "min-confidence" must be one of high, medium, low');
  });
});
