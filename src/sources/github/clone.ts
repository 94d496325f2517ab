import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { SourceError } from '../../core/errors.js';
import { gitEnvironment, PINNED_CONFIG } from '../git/run.js';

/**
 * Environment that gives git an `Authorization` header for one origin only,
 * through `GIT_CONFIG_COUNT`/`GIT_CONFIG_KEY_n`/`GIT_CONFIG_VALUE_n` (git ≥ 2.31).
 * Unlike a token in the URL or `git clone -c`, this is never written to the
 * clone's `.git/config`, never shown in `ps` (the command line holds no token),
 * and, scoped as `http.<origin>/.extraheader`, never sent to another host a
 * redirect might lead to. Basic `x-access-token:<token>` is the form GitHub
 * accepts for every token type (actions/checkout sends the same).
 */
export function gitAuthEnv(url: string, token: string | undefined, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base, GIT_TERMINAL_PROMPT: '0' };
  let origin: string;
  try {
    origin = new URL(url).origin;
  } catch {
    return env;
  }
  if (!token || !/^https?:/.test(url)) return env;
  const n = Number(base.GIT_CONFIG_COUNT ?? 0) || 0;
  const basic = Buffer.from(`x-access-token:${token}`).toString('base64');
  const key = `http.${origin}/.extraheader`;
  // An empty value first resets the list (git-config: http.extraHeader), so a
  // header actions/checkout persisted in .git/config is not sent as a second
  // Authorization header beside ours.
  env.GIT_CONFIG_COUNT = String(n + 2);
  env[`GIT_CONFIG_KEY_${n}`] = key;
  env[`GIT_CONFIG_VALUE_${n}`] = '';
  env[`GIT_CONFIG_KEY_${n + 1}`] = key;
  env[`GIT_CONFIG_VALUE_${n + 1}`] = `AUTHORIZATION: basic ${basic}`;
  return env;
}

/** Runs git, resolving with its exit code and the tail of stderr (progress and errors; never file content). */
export function runGit(
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<{ code: number; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    // The same pinned settings as every other git call (sources/git/run.ts): the repository's config runs nothing.
    const child = spawn('git', [...PINNED_CONFIG, ...args], {
      cwd: options.cwd,
      env: gitEnvironment(options.env ?? process.env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (data: string) => {
      if (stdout.length < 1_000_000) stdout += data;
    });
    child.stderr.setEncoding('utf8').on('data', (data: string) => {
      stderr = (stderr + data).slice(-4000);
    });
    child.on('error', (error) => resolve({ code: -1, stderr: error.message, stdout }));
    child.on('close', (code) => resolve({ code: code ?? -1, stderr, stdout }));
  });
}

export interface CloneOptions {
  token?: string;
  /** Parent folder for the temp clone. Default: the system temp folder. */
  tempRoot?: string;
  /** The default branch's tip only (`--bare --depth 1`) instead of a mirror of every ref. */
  tip?: boolean;
}

/**
 * A bare mirror clone (`git clone --mirror`) in a fresh temp folder. A mirror
 * takes every ref, and on GitHub that includes `refs/pull/*`: commits of closed
 * and unmerged pull requests stay readable by anyone who can read the
 * repository, so their secrets count too. A blobless partial clone
 * (`--filter=blob:none`) does not help a history scan, which reads every blob
 * and would fetch them one by one. The caller removes the folder ({@link removeClone}).
 */
export async function cloneRepository(url: string, options: CloneOptions = {}): Promise<string> {
  const parent = await mkdtemp(path.join(options.tempRoot ?? os.tmpdir(), 'keyhound-clone-'));
  const dir = path.join(parent, 'repo.git');
  const how = options.tip ? ['--bare', '--depth', '1'] : ['--mirror'];
  const result = await runGit(['clone', ...how, '--quiet', '--', url, dir], { env: gitAuthEnv(url, options.token) });
  if (result.code !== 0) {
    await rm(parent, { recursive: true, force: true });
    const said = result.stderr.trim().split('\n').slice(-3).join(' ');
    throw new SourceError(`git clone of ${url} failed (exit ${result.code}): ${said || 'no message'}`);
  }
  return dir;
}

/** Removes a clone made by {@link cloneRepository}, with its temp parent folder. */
export async function removeClone(dir: string): Promise<void> {
  await rm(path.dirname(dir), { recursive: true, force: true });
}
