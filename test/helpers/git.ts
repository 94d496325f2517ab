import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from './tmp.js';

/**
 * Real git repositories in temp folders, made with the git binary. The
 * environment keeps the machine's own git configuration out (no system or
 * global config, no hooks path, no signing), and fixes identities and dates
 * so commits are reproducible.
 */
export const GIT_ENV: NodeJS.ProcessEnv = {
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_TERMINAL_PROMPT: '0',
  GIT_AUTHOR_NAME: 'Ada Lovelace',
  GIT_AUTHOR_EMAIL: 'ada@example.com',
  GIT_COMMITTER_NAME: 'Ada Lovelace',
  GIT_COMMITTER_EMAIL: 'ada@example.com',
};

let clock = 1_700_000_000;

export function git(dir: string, args: readonly string[], options: { env?: NodeJS.ProcessEnv; input?: string } = {}): string {
  return execFileSync('git', args, {
    cwd: dir,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...GIT_ENV, ...options.env },
    input: options.input ?? '',
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

/** A new repository with `main` as its first branch. */
export function initRepo(options: { bare?: boolean; dir?: string } = {}): string {
  const dir = options.dir ?? tempDir('keyhound-git-');
  mkdirSync(dir, { recursive: true });
  git(dir, ['init', '--quiet', '--initial-branch=main', ...(options.bare ? ['--bare'] : [])]);
  return dir;
}

export interface CommitOptions {
  author?: string;
  email?: string;
  /** Files to delete before committing. */
  remove?: string[];
}

/** Writes `files`, stages everything and commits; returns the new commit's sha. */
export function commit(dir: string, files: Record<string, string | Buffer>, message: string, options: CommitOptions = {}): string {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  for (const name of options.remove ?? []) git(dir, ['rm', '--quiet', '--', name]);
  git(dir, ['add', '--all']);
  clock += 60;
  const date = `${clock} +0000`;
  git(dir, ['commit', '--quiet', '--allow-empty', '-m', message], {
    env: {
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_DATE: date,
      ...(options.author ? { GIT_AUTHOR_NAME: options.author } : {}),
      ...(options.email ? { GIT_AUTHOR_EMAIL: options.email } : {}),
    },
  });
  return head(dir);
}

export function head(dir: string, rev = 'HEAD'): string {
  return git(dir, ['rev-parse', rev]).trim();
}
