import { describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { Progress } from '../../src/cli/progress.js';
import { CLI, runCli } from '../helpers/cli.js';
import { commit, GIT_ENV, initRepo } from '../helpers/git.js';
import { spawnAsync, type SpawnResult } from '../helpers/github-repos.js';
import { FakeGitHub } from '../helpers/github-server.js';

function sink(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, sink: { isTTY, columns: 200, write: (text: string) => writes.push(text) } };
}

describe('Progress', () => {
  it('draws files done of the total, MB/s and time left on a terminal, then clears its line', () => {
    let clock = 0;
    const { writes, sink: out } = sink(true);
    const progress = new Progress(out, true, 'files', () => clock);
    progress.listed(10);
    clock = 1000;
    progress.item(2 * 1048576);
    expect(writes.at(-1)).toContain('keyhound: 1/10 files, 2.0 MB, 2.0 MB/s, about 9s left');
    progress.finish();
    expect(writes.at(-1)).toBe('\r\u001b[2K');
  });

  it('counts blobs read beside the commits of a history scan', () => {
    let clock = 0;
    const { writes, sink: out } = sink(true);
    const progress = new Progress(out, true, 'commits', () => clock);
    progress.update({ total: 4 });
    clock = 2000;
    progress.update({ done: 2, blobs: 3, bytes: 4 * 1048576 });
    expect(writes.at(-1)).toContain('keyhound: 2/4 commits, 3 blobs, 4.0 MB, 2.0 MB/s, about 2s left');
    clock = 2200;
    progress.update({ blobs: 1 });
    expect(writes.at(-1)).toContain('2/4 commits, 4 blobs,');
  });

  it('redraws at most every 150 ms', () => {
    let clock = 1000;
    const { writes, sink: out } = sink(true);
    const progress = new Progress(out, true, 'blobs', () => clock);
    progress.item(1);
    progress.item(1);
    clock += 200;
    progress.item(1);
    expect(writes).toHaveLength(2);
    expect(writes[1]).toContain('3 blobs');
  });

  it('writes nothing when the sink is not a terminal, or with --quiet', () => {
    const pipe = sink(false);
    const a = Progress.for(pipe.sink, false);
    a.item(10);
    a.finish();
    const tty = sink(true);
    const b = Progress.for(tty.sink, true);
    b.item(10);
    b.finish();
    expect(pipe.writes).toEqual([]);
    expect(tty.writes).toEqual([]);
  });
});

/** Runs the real CLI on a pseudo-terminal (util-linux `script`), as a person at a terminal would. */
function onTerminal(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<SpawnResult> {
  const command = [process.execPath, CLI, ...args].map((part) => `'${part.replace(/'/g, `'\\''`)}'`).join(' ');
  // A new pseudo-terminal has no width; the progress line cuts itself to the terminal's.
  return spawnAsync('script', ['-qec', `stty cols 120; ${command}`, '/dev/null'], {
    cwd,
    env: { PATH: process.env.PATH, HOME: cwd, TERM: 'xterm', ...GIT_ENV, ...env },
  });
}

describe('the progress line on a terminal, for every command that scans', () => {
  it('git counts commits and github counts repositories, then clears the line before the report', async () => {
    const repo = initRepo();
    for (let i = 0; i < 30; i++) commit(repo, { [`f${i}.txt`]: `line ${i}\n` }, `commit ${i}`);
    const git = await onTerminal(['git', '.'], repo);
    expect(git.code, git.stdout).toBe(0);
    expect(git.stdout).toMatch(/keyhound: \d+\/30 commits(, \d+ blobs?)?, [\d.]+ MB, [\d.]+ MB\/s/);
    expect(git.stdout).toContain('\r\u001b[2K');
    expect(git.stdout).toContain('No secrets found');

    const api = await new FakeGitHub().start();
    try {
      api.repos.push({ full_name: 'acme/app', clone_url: pathToFileURL(repo).href, ownerType: 'Organization' });
      const audit = await onTerminal(['github', 'org', 'acme'], repo, { GITHUB_API_URL: api.url });
      expect(audit.code, audit.stdout).toBe(0);
      expect(audit.stdout).toMatch(/keyhound: [01]\/1 repositories/);
      // The line per repository is written on a line of its own, the progress line cleared first.
      // eslint-disable-next-line no-control-regex -- the escape that clears a terminal line is what is checked
      expect(audit.stdout).toMatch(/(^|\n|\u001b\[2K)keyhound: \[1\/1\] acme\/app: 0 findings\r?\n/);
    } finally {
      await api.close();
    }
    // Not a terminal: no progress line at all.
    const piped = runCli(['git', repo], { env: GIT_ENV });
    expect(piped.stderr).not.toContain('commits,');
  }, 60_000);
});
