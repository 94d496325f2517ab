import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RuleSpec } from '../../src/core/types.js';
import { buildRuleSet } from '../../src/scan/ruleset.js';
import { HistorySource, type HistoryOptions } from '../../src/sources/git/history-scan.js';
import { openRepository } from '../../src/sources/git/repo.js';
import { scanSource } from '../helpers/scan.js';
import { commit, git, GIT_ENV, head, initRepo } from '../helpers/git.js';
import { tempDir } from '../helpers/tmp.js';
import { githubToken } from '../helpers/tokens.js';

let rules: RuleSpec[];
beforeAll(async () => {
  rules = await buildRuleSet();
});

/** The history scan through the runner; dropped candidates are listed unless `reportSuppressed: false`. */
const scan = async (repo: string, options: HistoryOptions & { reportSuppressed?: boolean; env?: NodeJS.ProcessEnv } = {}) => {
  const { reportSuppressed, env, ...history } = options;
  return scanSource(new HistorySource(await openRepository(repo, env ?? GIT_ENV), history), { rules, explain: reportSuppressed !== false });
};

describe('git history scan', () => {
  it('finds a secret that was added and deleted again, attributed to the commit and author that added it', async () => {
    const repo = initRepo();
    commit(repo, { 'README.md': '# app\n' }, 'Start');
    const token = githubToken();
    const added = commit(repo, { 'config/settings.py': `DEBUG = True\nGITHUB_TOKEN = "${token}"\n` }, 'Add settings\n\nLonger body.', {
      author: 'Grace Hopper',
      email: 'grace@example.com',
    });
    commit(repo, { 'config/settings.py': 'DEBUG = True\n' }, 'Remove the token');
    const report = await scan(repo);
    expect(report.findings).toHaveLength(1);
    const [finding] = report.findings;
    expect(finding).toMatchObject({
      ruleId: 'github-pat-classic',
      path: 'config/settings.py',
      line: 2,
      column: 17,
      secret: token,
      occurrences: 1,
    });
    expect(finding!.origin.commit).toMatchObject({
      sha: added,
      author: 'Grace Hopper',
      email: 'grace@example.com',
      message: 'Add settings',
    });
    expect(finding!.origin.commit!.date).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(report.stats).toMatchObject({ commits: 3, shallow: false });
  });

  it('scans a blob that two branches introduce once, attributed to the first commit in history order', async () => {
    const repo = initRepo();
    commit(repo, { 'a.txt': 'base\n' }, 'Base');
    const token = githubToken();
    const content = `token: ${token}\n`;
    git(repo, ['checkout', '--quiet', '-b', 'one']);
    const first = commit(repo, { 'deploy.yml': content }, 'On branch one');
    git(repo, ['checkout', '--quiet', 'main']);
    git(repo, ['checkout', '--quiet', '-b', 'two']);
    const second = commit(repo, { 'deploy.yml': content }, 'On branch two');
    const report = await scan(repo);
    expect(report.findings).toHaveLength(1);
    expect([first, second]).toContain(report.findings[0]!.origin.commit!.sha);
    // a.txt and deploy.yml: two distinct blobs, each scanned once although deploy.yml is in two commits.
    expect(report.stats).toMatchObject({ commits: 3, blobs: 2, blobsScanned: 2, files: 2 });
  });

  it('keeps one finding for the same secret at the same path, counting the commits that added it', async () => {
    const repo = initRepo();
    const token = githubToken();
    const first = commit(repo, { '.env': `TOKEN=${token}\n` }, 'Add');
    commit(repo, { '.env': 'TOKEN=\n' }, 'Remove');
    commit(repo, { '.env': `# again\nTOKEN=${token}\n` }, 'Add back');
    // The same bytes at another path are the same blob: read once, and reported at each path it was committed at.
    const copied = commit(repo, { 'copy/.env': `TOKEN=${token}\n` }, 'Identical copy');
    commit(repo, { 'other/.env': `# other\nTOKEN=${token}\n` }, 'Edited copy');
    const report = await scan(repo);
    const copy = report.findings.filter((f) => f.path === 'copy/.env');
    expect(copy).toHaveLength(1);
    expect(copy[0]).toMatchObject({ line: 1, occurrences: 1 });
    expect(copy[0]!.origin.commit!.sha).toBe(copied);
    const here = report.findings.filter((f) => f.path === '.env');
    expect(here).toHaveLength(1);
    expect(here[0]).toMatchObject({ occurrences: 2, line: 1 });
    expect(here[0]!.origin.commit!.sha).toBe(first);
    expect(report.findings.filter((f) => f.path === 'other/.env')).toHaveLength(1);
  });

  it('limits the scan to a range and to commits after --since-commit', async () => {
    const repo = initRepo();
    const old = githubToken();
    const base = commit(repo, { 'a.py': `OLD = "${old}"\n` }, 'Old secret');
    const fresh = githubToken();
    commit(repo, { 'a.py': `OLD = "${old}"\nNEW = "${fresh}"\n` }, 'New secret');
    const ranged = await scan(repo, { range: `${base}..HEAD` });
    expect(ranged.findings.map((f) => f.secret)).toEqual([fresh]);
    expect(ranged.findings[0]!.line).toBe(2);
    expect(ranged.stats.commits).toBe(1);
    const since = await scan(repo, { sinceCommit: base });
    expect(since.findings.map((f) => f.secret)).toEqual([fresh]);
    const all = await scan(repo);
    expect(all.findings.map((f) => f.secret).sort()).toEqual([old, fresh].sort());
  });

  it('limits the scan to --branch refs', async () => {
    const repo = initRepo();
    commit(repo, { 'a.txt': 'x\n' }, 'Base');
    git(repo, ['checkout', '--quiet', '-b', 'feature']);
    const token = githubToken();
    commit(repo, { 'b.txt': `t=${token}\n` }, 'Feature secret');
    git(repo, ['checkout', '--quiet', 'main']);
    expect((await scan(repo, { branches: ['main'] })).findings).toHaveLength(0);
    expect((await scan(repo, { branches: ['feature'] })).findings).toHaveLength(1);
  });

  it('does not report a renamed file again, and reports only new lines of a renamed and edited one', async () => {
    const repo = initRepo();
    const token = githubToken();
    const body = Array.from({ length: 30 }, (_, i) => `line ${i} of the service`).join('\n');
    const added = commit(repo, { 'old/name.cfg': `${body}\nkey = ${token}\n` }, 'Add config');
    mkdirSync(path.join(repo, 'new'));
    mkdirSync(path.join(repo, 'final'));
    git(repo, ['mv', 'old/name.cfg', 'new/name.cfg']);
    commit(repo, {}, 'Rename');
    const later = githubToken();
    git(repo, ['mv', 'new/name.cfg', 'final/name.cfg']);
    const edited = commit(repo, { 'final/name.cfg': `${body}\nkey = ${token}\nother = ${later}\n` }, 'Rename and edit');
    const report = await scan(repo);
    expect(report.findings.map((f) => [f.secret, f.path, f.origin.commit!.sha])).toEqual(
      [
        [later, 'final/name.cfg', edited],
        [token, 'old/name.cfg', added],
      ].sort((a, b) => a[1]!.localeCompare(b[1]!)),
    );
  });

  it('attributes a side branch secret to its commit, and a secret written in a merge to the merge', async () => {
    const repo = initRepo();
    commit(repo, { 'app.ini': '[app]\nname = demo\n' }, 'Base');
    git(repo, ['checkout', '--quiet', '-b', 'side']);
    const sideToken = githubToken();
    const side = commit(repo, { 'side.ini': `token = ${sideToken}\n` }, 'Side secret');
    git(repo, ['checkout', '--quiet', 'main']);
    commit(repo, { 'main.txt': 'main work\n' }, 'Main work');
    git(repo, ['merge', '--quiet', '--no-ff', '--no-commit', 'side']);
    // An "evil" merge: content that neither parent had.
    const mergeToken = githubToken();
    writeFileSync(path.join(repo, 'app.ini'), `[app]\nname = demo\ntoken = ${mergeToken}\n`);
    git(repo, ['add', 'app.ini']);
    git(repo, ['commit', '--quiet', '-m', 'Merge side']);
    const merge = head(repo);
    const report = await scan(repo);
    const bySecret = new Map(report.findings.map((f) => [f.secret, f]));
    expect(bySecret.get(sideToken)!.origin.commit!.sha).toBe(side);
    expect(bySecret.get(mergeToken)!.origin.commit!.sha).toBe(merge);
    expect(bySecret.get(mergeToken)!.line).toBe(3);
    expect(report.findings).toHaveLength(2);
  });

  it("scans the whole file version when a rule's required partner is not in the change, and reports only the change", async () => {
    const repo = initRepo();
    const terraform = (secret: string) =>
      `provider "sra" {\n  host          = "acme.beyondtrustcloud.com"\n  client_id     = var.client_id\n  client_secret = ${secret}\n}\n`;
    commit(repo, { 'main.tf': terraform('var.client_secret') }, 'Provider');
    const secret = randomBytes(33).toString('base64');
    const rotated = commit(repo, { 'main.tf': terraform(`"${secret}"`) }, 'Inline the secret');
    const report = await scan(repo, { reportSuppressed: false });
    expect(report.findings.map((f) => [f.ruleId, f.line, f.secret, f.origin.commit!.sha])).toEqual([
      ['beyondtrust-client-secret-paired', 4, secret, rotated],
    ]);
    expect(report.findings[0]!.context).toMatchObject({ site: 'acme.beyondtrustcloud.com' });
    expect(report.stats.rechecked).toBe(1);
    expect(report.suppressed).toEqual([]);
  });

  it('reads paths with spaces and non-ASCII characters exactly', async () => {
    const repo = initRepo();
    const a = githubToken();
    const b = githubToken();
    commit(repo, { 'my docs/read me.txt': `token ${a}\n`, 'données/ключ "x".txt': `token ${b}\n` }, 'Odd paths');
    const report = await scan(repo);
    expect(report.findings.map((f) => f.path).sort()).toEqual(['données/ключ "x".txt', 'my docs/read me.txt']);
  });

  it('gives the same findings in the same order whatever the number of git processes', async () => {
    const repo = initRepo();
    const tokens: string[] = [];
    for (let i = 0; i < 12; i++) {
      const token = githubToken();
      tokens.push(token);
      commit(repo, { [`f${i % 3}.txt`]: `n = ${i}\nt = ${token}\n`, 'shared.txt': `same ${i % 2}\n` }, `Commit ${i}`);
    }
    const one = await scan(repo, { partitions: 1 });
    const many = await scan(repo, { partitions: 4, minCommitsPerPartition: 1 });
    expect(many.stats.partitions).toBe(4);
    expect(one.stats.partitions).toBe(1);
    const view = (r: typeof one) => r.findings.map((f) => [f.path, f.line, f.secret, f.origin.commit!.sha, f.occurrences]);
    expect(view(many)).toEqual(view(one));
    expect(many.stats.blobsScanned).toBe(one.stats.blobsScanned);
    expect(one.findings).toHaveLength(12);
  });

  it('keeps each blob at its first introduction when a later slice of history is read first', async () => {
    const repo = initRepo();
    const token = githubToken();
    const vendored = githubToken();
    // Not the root: root commits are read apart, before the diffs (merges.ts), and the point here is the diffs' slices.
    commit(repo, { 'README.md': 'zero\n' }, 'Start');
    const first = commit(
      repo,
      { 'app/settings.py': `TOKEN = "${token}"\n`, 'vendor/lib.py': `KEY = "${vendored}"\n` },
      'Settings, and a vendored file',
    );
    commit(repo, { 'README.md': 'one\n' }, 'Readme');
    // The same two blobs again: one at a new path, the vendored one at a path that is not allowlisted.
    const copies = commit(repo, { 'copy/settings.py': `TOKEN = "${token}"\n`, 'src/lib.py': `KEY = "${vendored}"\n` }, 'Copies');
    commit(repo, { 'README.md': 'two\n' }, 'Readme again');
    const options: HistoryOptions = { skipPath: (p) => p.startsWith('vendor/') };
    const one = await scan(repo, { ...options, partitions: 1 });
    // A real git, held back for a second on the slice that holds the first commit, so the later slice is read first.
    const wrapper = tempDir('keyhound-slow-git-');
    const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    writeFileSync(
      path.join(wrapper, 'git'),
      [
        '#!/bin/sh',
        'for arg; do',
        '  if [ "$arg" = log ]; then',
        '    input=$(cat)',
        `    case "$input" in *${first}*) sleep 1 ;; esac`,
        `    printf '%s\\n' "$input" | '${realGit}' "$@"`,
        '    exit $?',
        '  fi',
        'done',
        `exec '${realGit}' "$@"`,
        '',
      ].join('\n'),
      { mode: 0o755 },
    );
    const many = await scan(repo, {
      ...options,
      partitions: 2,
      minCommitsPerPartition: 1,
      env: { ...GIT_ENV, PATH: `${wrapper}${path.delimiter}${process.env.PATH}` },
    });
    expect(many.stats.partitions).toBe(2);
    // The copy of the settings was scanned first, then replaced by the earlier commit's version; the vendored
    // blob's first appearance is allowlisted, so its copy at src/ stays its first introduction and is reported there.
    expect(many.stats.rescanned).toBe(1);
    expect(one.stats.rescanned).toBe(0);
    const view = (r: typeof one) => r.findings.map((f) => [f.path, f.line, f.secret, f.origin.commit!.sha, f.occurrences]);
    expect(view(one)).toEqual([
      ['app/settings.py', 1, token, first, 1],
      ['copy/settings.py', 1, token, copies, 1],
      ['src/lib.py', 1, vendored, copies, 1],
    ]);
    expect(view(many)).toEqual(view(one));
    expect(many.stats.skipped).toEqual(one.stats.skipped);
    expect(many.stats.skipped['excluded-path']).toBe(1);
    expect(many.stats.blobsScanned).toBe(one.stats.blobsScanned);
  });

  it('attributes correctly across commits that only delete files or change nothing', async () => {
    const repo = initRepo();
    const a = githubToken();
    const b = githubToken();
    const first = commit(repo, { 'one.env': `A=${a}\n` }, 'Add one');
    commit(repo, {}, 'Delete it', { remove: ['one.env'] });
    commit(repo, {}, 'Empty');
    const last = commit(repo, { 'two.env': `B=${b}\n` }, 'Add two');
    const report = await scan(repo);
    expect(report.findings.map((f) => [f.path, f.origin.commit!.sha])).toEqual([
      ['one.env', first],
      ['two.env', last],
    ]);
    expect(report.stats.commits).toBe(4);
  });

  it('handles an empty repository', async () => {
    const report = await scan(initRepo());
    expect(report.findings).toEqual([]);
    expect(report.stats).toMatchObject({ commits: 0, files: 0 });
  });

  it('scans bare repositories', async () => {
    const work = initRepo();
    const token = githubToken();
    commit(work, { 'k.txt': `token ${token}\n` }, 'Secret');
    const bare = path.join(tempDir(), 'mirror.git');
    git(work, ['clone', '--quiet', '--bare', work, bare]);
    const report = await scan(bare);
    expect(report.findings.map((f) => f.secret)).toEqual([token]);
  });

  it('says a shallow clone is shallow and scans what it has', async () => {
    const source = initRepo();
    const old = githubToken();
    commit(source, { 'a.txt': `token ${old}\n` }, 'Old');
    commit(source, { 'a.txt': 'clean\n' }, 'Clean');
    const fresh = githubToken();
    commit(source, { 'b.txt': `token ${fresh}\n` }, 'Fresh');
    const clone = path.join(tempDir(), 'shallow');
    git(source, ['clone', '--quiet', '--depth', '1', `file://${source}`, clone]);
    const report = await scan(clone);
    expect(report.stats).toMatchObject({ shallow: true, commits: 1 });
    expect(report.findings.map((f) => f.secret)).toEqual([fresh]);
  });

  it('skips submodules, symlinks and oversized blobs, counts them, and reads binaries for their printable runs', async () => {
    const sub = initRepo();
    commit(sub, { 'lib.txt': 'library\n' }, 'Lib');
    const repo = initRepo();
    commit(repo, { 'readme.txt': 'hi\n' }, 'Start');
    git(repo, ['-c', 'protocol.file.allow=always', 'submodule', 'add', '--quiet', sub, 'vendor/lib']);
    git(repo, ['commit', '--quiet', '-m', 'Add submodule']);
    const token = githubToken();
    const inBinary = githubToken();
    commit(
      repo,
      {
        'big.txt': `${'x'.repeat(5000)}\ntoken ${token}\n`,
        'blob.bin': Buffer.concat([Buffer.from([0, 1, 2, 3, 0, 10, 0]), Buffer.from(inBinary)]),
      },
      'Big and binary',
    );
    symlinkSync('readme.txt', path.join(repo, 'link'));
    commit(repo, {}, 'Link');
    const report = await scan(repo, { maxFileSize: 4096 });
    expect(report.findings.map((f) => [f.path, f.secret])).toEqual([['blob.bin', inBinary]]);
    expect(report.stats.skipped).toMatchObject({ submodule: 1, 'too-large': 1, symlink: 1 });
    expect(report.stats.skipped.binary).toBeUndefined();
    const roomy = await scan(repo);
    expect(roomy.findings.map((f) => f.path)).toEqual(['big.txt', 'blob.bin']);
  });
});
