import { spawnSync } from 'node:child_process';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir, writeTree } from '../helpers/tmp.js';
import { base62, githubToken } from '../helpers/tokens.js';

const BASELINE = '.keyhound-baseline.jsonl';

function git(dir: string, ...args: string[]): { code: number; stdout: string; stderr: string } {
  const result = spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'init.defaultBranch=main', ...args], {
    cwd: dir,
    encoding: 'utf8',
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

function scanJson(dir: string, ...args: string[]) {
  const result = runCli(['scan', dir, '--format', 'json', '-j', '1', ...args]);
  return { code: result.code, stderr: result.stderr, report: JSON.parse(result.stdout) };
}

function entries(dir: string, file = BASELINE): Record<string, unknown>[] {
  return readFileSync(path.join(dir, file), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => JSON.parse(line));
}

describe('keyhound baseline', () => {
  it('accepts current findings: a scan with --baseline reports nothing, and the file holds no secret', () => {
    const dir = tempDir();
    const s1 = base62(32);
    const s2 = githubToken();
    writeTree(dir, { 'config/.env': `API_KEY=${s1}\n`, 'src/app.js': `const t = "${s2}";\n` });
    const created = runCli(['baseline', 'create', dir]);
    expect(created.code).toBe(0);
    expect(created.stderr).toMatch(/created .*\.keyhound-baseline\.jsonl: 2 entries \(2 added, 0 kept, 0 pruned\)/);
    const text = readFileSync(path.join(dir, BASELINE), 'utf8');
    for (const secret of [s1, s2]) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(secret.slice(0, 12));
      expect(text).not.toContain(secret.slice(-8));
    }
    expect(entries(dir).map((e) => `${String(e.rule)} ${String(e.path)}`)).toEqual([
      'generic-api-key config/.env',
      'github-pat-classic src/app.js',
    ]);
    expect(scanJson(dir).report.findings).toHaveLength(2);
    const { code, report } = scanJson(dir, '--baseline', path.join(dir, BASELINE));
    expect(code).toBe(0);
    expect(report.findings).toEqual([]);
    expect(report.stats.baselined).toBe(2);
  });

  it('survives lines inserted above and reformatting, with redaction on or off', () => {
    const dir = tempDir();
    const secret = base62(32);
    writeTree(dir, { 'app.env': `API_KEY=${secret}\n` });
    runCli(['baseline', 'create', dir]);
    writeTree(dir, { 'app.env': `# settings\n\nDEBUG=true\nexport API_KEY = "${secret}"   # moved and reformatted\n` });
    for (const redact of ['--redact', '--no-redact']) {
      const { code, report } = scanJson(dir, '--baseline', path.join(dir, BASELINE), redact);
      expect(code).toBe(0);
      expect(report.findings).toEqual([]);
    }
  });

  it('reports a new secret on a baselined line, and a changed secret', () => {
    const dir = tempDir();
    const old = githubToken();
    writeTree(dir, { 'a.js': `const tokens = ["${old}"];\nconst key = "${githubToken()}";\n` });
    runCli(['baseline', 'create', dir]);
    const added = githubToken();
    const replaced = githubToken();
    writeTree(dir, { 'a.js': `const tokens = ["${old}", "${added}"];\nconst key = "${replaced}";\n` });
    const { code, report } = scanJson(dir, '--baseline', path.join(dir, BASELINE), '--no-redact');
    expect(code).toBe(1);
    expect(report.findings.map((f: { line: number; secret: string }) => [f.line, f.secret])).toEqual([
      [1, added],
      [2, replaced],
    ]);
  });

  it('lists baselined findings under --explain with the entry line, redacted', () => {
    const dir = tempDir();
    const secret = base62(32);
    writeTree(dir, { 'a.env': `API_KEY=${secret}\n`, 'b.env': `API_KEY=${base62(32)}\n` });
    runCli(['baseline', 'create', dir]);
    const { report } = scanJson(dir, '--baseline', path.join(dir, BASELINE), '--explain');
    const baselined = report.suppressed.filter((s: { filter: string }) => s.filter === 'baseline');
    expect(baselined.map((s: { path: string; reason: string }) => `${s.path}: ${s.reason}`)).toEqual([
      'a.env: baseline entry in .keyhound-baseline.jsonl line 2',
      'b.env: baseline entry in .keyhound-baseline.jsonl line 3',
    ]);
    expect(JSON.stringify(report)).not.toContain(secret);
  });

  it('reports a finding whose file was renamed as moved, at info level, without failing the scan', () => {
    const dir = tempDir();
    writeTree(dir, { 'old/name.env': `API_KEY=${base62(32)}\n` });
    runCli(['baseline', 'create', dir]);
    renameSync(path.join(dir, 'old'), path.join(dir, 'new'));
    const { code, report } = scanJson(dir, '--baseline', path.join(dir, BASELINE));
    expect(code).toBe(0);
    expect(report.findings).toEqual([]);
    expect(report.moved).toEqual([expect.objectContaining({ path: 'new/name.env', movedFrom: 'old/name.env', ruleId: 'generic-api-key' })]);
    const text = runCli(['scan', dir, '--baseline', path.join(dir, BASELINE)]);
    expect(text.stdout).toMatch(/Moved \(1, info\)[^\n]*\n {2}new\/name\.env:1:9 \[generic-api-key\] .* baselined at old\/name\.env/);
  });

  it('update adds new findings, keeps matched entries unchanged and prunes stale ones', () => {
    const dir = tempDir();
    const keep = base62(32);
    writeTree(dir, { 'keep.env': `API_KEY=${keep}\n`, 'gone.env': `API_KEY=${base62(32)}\n` });
    runCli(['baseline', 'create', dir]);
    const before = entries(dir);
    writeTree(dir, { 'keep.env': `\n\n\nAPI_KEY=${keep}\n`, 'gone.env': 'API_KEY=${API_KEY}\n', 'new.env': `TOKEN=${base62(40)}\n` });
    const updated = runCli(['baseline', 'update', dir]);
    expect(updated.code).toBe(0);
    expect(updated.stderr).toMatch(/updated .*: 2 entries \(1 added, 1 kept, 1 pruned\)/);
    const after = entries(dir);
    expect(after.map((e) => e.path)).toEqual(['keep.env', 'new.env']);
    // The kept entry is byte-for-byte what it was (its line hint is not refreshed), so the file changes only where findings did.
    expect(after[0]).toEqual(before.find((e) => e.path === 'keep.env'));
    expect(scanJson(dir, '--baseline', path.join(dir, BASELINE)).report.findings).toEqual([]);
  });

  it('update over a subfolder prunes only entries inside it', () => {
    const dir = tempDir();
    writeTree(dir, {
      'a/x.env': `API_KEY=${base62(32)}\n`,
      'b/y.env': `API_KEY=${base62(32)}\n`,
      '.keyhound.yaml': `baseline: ${BASELINE}\n`,
    });
    runCli(['baseline', 'create', dir]);
    writeTree(dir, { 'a/x.env': 'nothing here\n' });
    const result = runCli(['baseline', 'update', path.join(dir, 'a'), '--config', path.join(dir, '.keyhound.yaml')]);
    expect(result.stderr).toMatch(/1 entry \(0 added, 1 kept, 1 pruned\)/);
    expect(entries(dir).map((e) => e.path)).toEqual(['b/y.env']);
  });

  it('is found through the config file, and a subfolder scan maps paths to the baseline', () => {
    const dir = tempDir();
    writeTree(dir, { 'sub/app.env': `API_KEY=${base62(32)}\n`, '.keyhound.yaml': `baseline: ${BASELINE}\n` });
    spawnSync('git', ['init', '-q', dir]);
    runCli(['baseline', 'create', dir]);
    expect(scanJson(dir).code).toBe(0);
    expect(scanJson(path.join(dir, 'sub')).code).toBe(0);
    expect(runCli(['scan', dir, '--config', path.join(dir, 'none.yaml')]).code).toBe(2);
  });

  it('names the file and line of a broken baseline (a merge conflict left in it), exit 2', () => {
    const dir = tempDir();
    writeTree(dir, { 'a.env': `API_KEY=${base62(32)}\n` });
    runCli(['baseline', 'create', dir]);
    const file = path.join(dir, BASELINE);
    writeFileSync(file, `${readFileSync(file, 'utf8')}<<<<<<< HEAD\n`);
    const result = runCli(['scan', dir, '--baseline', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${BASELINE}:3:`);
    const missing = runCli(['scan', dir, '--baseline', path.join(dir, 'missing.jsonl')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/keyhound baseline create/);
  });
});

describe('baselines and git merge', () => {
  function repoWithBaseline(attributes: boolean): string {
    const dir = tempDir();
    git(dir, 'init', '-q');
    writeTree(dir, { 'b.env': `API_KEY=${base62(32)}\n`, 'y.env': `API_KEY=${base62(32)}\n` });
    const created = runCli(['baseline', 'create', dir, ...(attributes ? [] : ['--no-gitattributes'])]);
    expect(created.code).toBe(0);
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'base');
    return dir;
  }

  function branchAdding(dir: string, branch: string, file: string): void {
    git(dir, 'checkout', '-q', '-b', branch, 'main');
    writeTree(dir, { [file]: `API_KEY=${base62(32)}\n` });
    expect(runCli(['baseline', 'update', dir]).code).toBe(0);
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', `add ${file}`);
  }

  it('two branches that each accept a finding merge cleanly (neighbouring entries, via merge=union)', () => {
    const dir = repoWithBaseline(true);
    expect(readFileSync(path.join(dir, '.gitattributes'), 'utf8')).toBe(`/${BASELINE} merge=union\n`);
    // m.env and n.env sort next to each other, between b.env and y.env: both branches insert at the same place.
    branchAdding(dir, 'one', 'm.env');
    branchAdding(dir, 'two', 'n.env');
    git(dir, 'checkout', '-q', 'one');
    const merge = git(dir, 'merge', '--no-edit', 'two');
    expect(merge.code).toBe(0);
    expect(readFileSync(path.join(dir, BASELINE), 'utf8')).not.toMatch(/<<<<<<<|>>>>>>>/);
    expect(entries(dir).map((e) => e.path)).toEqual(['b.env', 'm.env', 'n.env', 'y.env']);
    const scan = scanJson(dir, '--baseline', path.join(dir, BASELINE));
    expect(scan.code).toBe(0);
    expect(scan.report.findings).toEqual([]);
  });

  it('entries added in different places merge without any attribute', () => {
    const dir = repoWithBaseline(false);
    branchAdding(dir, 'one', 'a.env');
    branchAdding(dir, 'two', 'z.env');
    git(dir, 'checkout', '-q', 'one');
    expect(git(dir, 'merge', '--no-edit', 'two').code).toBe(0);
    expect(entries(dir).map((e) => e.path)).toEqual(['a.env', 'b.env', 'y.env', 'z.env']);
    expect(scanJson(dir, '--baseline', path.join(dir, BASELINE)).code).toBe(0);
  });
});

describe('baselines of git history', () => {
  it('baseline create --git accepts secrets that only history holds; keyhound git --baseline then reports only new ones', () => {
    const dir = tempDir();
    git(dir, 'init', '-q');
    const old = githubToken();
    writeTree(dir, { 'deploy.sh': `export GH=${old}\n` });
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'add');
    writeTree(dir, { 'deploy.sh': 'export GH=$GH\n' });
    git(dir, 'commit', '-q', '-am', 'remove');
    expect(runCli(['git', dir, '-q']).code).toBe(1);
    // The working tree no longer has it: a files baseline would not accept it.
    expect(runCli(['baseline', 'create', dir, '--no-gitattributes']).stderr).toMatch(/0 entries/);
    const created = runCli(['baseline', 'create', '--git', dir, '--no-gitattributes']);
    expect(created.code).toBe(0);
    expect(created.stderr).toMatch(/1 entry \(1 added/);
    expect(readFileSync(path.join(dir, BASELINE), 'utf8')).not.toContain(old);
    const accepted = runCli(['git', dir, '--baseline', path.join(dir, BASELINE), '--format', 'json']);
    expect(accepted.code).toBe(0);
    const fresh = githubToken();
    writeTree(dir, { 'app.js': `const t = "${fresh}";\n` });
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'new');
    const next = JSON.parse(runCli(['git', dir, '--baseline', path.join(dir, BASELINE), '--format', 'json', '--no-redact']).stdout);
    expect(next.findings.map((f: { path: string; secret: string }) => `${f.path} ${f.secret}`)).toEqual([`app.js ${fresh}`]);
  });
});
