import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { writeTree } from './tmp.js';
import type { FakeFile } from './github-server.js';

/** git with a fixed identity and no user or system config, so tests behave the same everywhere. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH,
      HOME: cwd,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 'Dev',
      GIT_AUTHOR_EMAIL: 'dev@example.org',
      GIT_COMMITTER_NAME: 'Dev',
      GIT_COMMITTER_EMAIL: 'dev@example.org',
    },
  }).trim();
}

/** A new repository with branch `main`. */
export function initRepo(dir: string): string {
  mkdirSync(dir, { recursive: true });
  git(dir, 'init', '--quiet', '--initial-branch=main');
  git(dir, 'config', 'commit.gpgsign', 'false');
  return dir;
}

/** Writes files and commits them; returns the commit id. */
export function commit(dir: string, files: Record<string, string>, message: string): string {
  writeTree(dir, files);
  git(dir, 'add', '--all');
  git(dir, 'commit', '--quiet', '-m', message);
  return git(dir, 'rev-parse', 'HEAD');
}

/** The files of `base..head` as `pulls.listFiles` returns them: patch without the `---`/`+++` header, head content. */
export function pullFilesFromGit(dir: string, base: string, head: string): FakeFile[] {
  const files: FakeFile[] = [];
  for (const line of git(dir, 'diff', '--name-status', '--no-renames', base, head).split('\n').filter(Boolean)) {
    const [status, filename] = line.split('\t') as [string, string];
    const diff = git(dir, 'diff', '-U3', base, head, '--', filename);
    const patch = diff.slice(diff.indexOf('@@'));
    const kind = status === 'A' ? 'added' : status === 'D' ? 'removed' : 'modified';
    files.push({
      filename,
      status: kind,
      patch,
      ...(kind !== 'removed' ? { content: git(dir, 'show', `${head}:${filename}`) + '\n' } : {}),
    });
  }
  return files;
}

export interface SpawnResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a process without blocking the event loop, so a fake server in this
 * test process can answer it (spawnSync would deadlock).
 */
export function spawnAsync(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {},
): Promise<SpawnResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    // A child that exits before reading its input must fail on its exit code, not on EPIPE here.
    child.stdin.on('error', () => {});
    child.stdin.end(options.input ?? '');
  });
}

export function readText(file: string): string {
  return readFileSync(file, 'utf8');
}
