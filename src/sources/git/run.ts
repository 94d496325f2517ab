import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { SourceError } from '../../core/errors.js';

/**
 * Running the `git` binary. Every call goes through here so every call gets
 * the same environment: no prompts, no optional locks (a scan running beside
 * an editor or a `git commit` must never take or wait for `index.lock`), and
 * configuration that would change output formats switched off per call.
 */

/**
 * `-c` settings pinned for every git call: output in the shapes our parsers
 * read, whatever the user's config says, and nothing the scanned repository's
 * config names is run. A repository is content under review: its
 * `.git/config` (someone's tarball, a shared folder) must not run code in
 * keyhound (docs/hardening.md, "Git without repository code"); so every
 * setting that makes git start a program is pinned off (fsmonitor, hooks,
 * pagers, external diff, credential helpers, ssh and proxy commands, the
 * upload-pack a fetch from a local remote starts, the `ext::` transport).
 * textconv and filter drivers are off by the flags each command passes
 * (`--no-textconv`, no checkout, no `--filters`).
 */
export const PINNED_CONFIG = [
  '-c',
  'core.fsmonitor=false',
  '-c',
  'core.hooksPath=/dev/null',
  '-c',
  'core.pager=cat',
  '-c',
  'core.sshCommand=ssh',
  '-c',
  'core.askPass=',
  '-c',
  'core.gitProxy=',
  '-c',
  'core.alternateRefsCommand=',
  '-c',
  'credential.helper=',
  '-c',
  'diff.external=',
  '-c',
  'gpg.program=gpg',
  '-c',
  'protocol.ext.allow=never',
  '-c',
  'remote.origin.uploadpack=git-upload-pack',
  '-c',
  'remote.origin.receivepack=git-receive-pack',
  '-c',
  'core.quotePath=false',
  '-c',
  'log.showSignature=false',
  '-c',
  'diff.noprefix=false',
  '-c',
  'diff.mnemonicPrefix=false',
  // Blank context lines must keep their leading space, or the parser loses count of lines (--context N).
  '-c',
  'diff.suppressBlankEmpty=false',
  '-c',
  'color.ui=false',
];

/**
 * The environment every git call runs in. GIT_NO_REPLACE_OBJECTS: history is
 * read as it is stored, not as `git replace` refs present it, or a replaced
 * commit (and the secret it added) would never be seen; the replacements
 * themselves are refs and are scanned too.
 */
export function gitEnvironment(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...base, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', GIT_PAGER: 'cat', LC_ALL: 'C', GIT_NO_REPLACE_OBJECTS: '1' };
}

export interface GitOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Bytes written to standard input. */
  input?: string | Buffer;
  /** Exit codes that are not failures (e.g. `rev-parse --verify -q` answers 1 for "no such revision"). */
  okCodes?: readonly number[];
  /**
   * Leave `core.hooksPath` as the repository has it: only for asking where
   * the hooks are (`rev-parse --git-path hooks`, to install keyhound's own),
   * which runs none.
   */
  ownHooksPath?: boolean;
}

export interface GitResult {
  stdout: Buffer;
  stderr: string;
  code: number;
}

/** Spawns git for streaming use; the caller owns the process. */
export function spawnGit(
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; ownHooksPath?: boolean },
): ChildProcessWithoutNullStreams {
  const pinned = options.ownHooksPath
    ? PINNED_CONFIG.filter((item, i, all) => item !== 'core.hooksPath=/dev/null' && all[i + 1] !== 'core.hooksPath=/dev/null')
    : PINNED_CONFIG;
  return spawn('git', [...pinned, ...args], { cwd: options.cwd, env: gitEnvironment(options.env), stdio: ['pipe', 'pipe', 'pipe'] });
}

/** Runs git to completion and returns its output; a failure becomes a SourceError naming the command and git's message. */
export function runGit(args: readonly string[], options: GitOptions): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    let child: ChildProcessWithoutNullStreams;
    try {
      child = spawnGit(args, options);
    } catch (error) {
      reject(gitMissing(error));
      return;
    }
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) => reject(gitMissing(error)));
    child.on('close', (code) => {
      const result = { stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8'), code: code ?? -1 };
      if (result.code === 0 || options.okCodes?.includes(result.code)) resolve(result);
      else reject(gitFailed(args, result.stderr, result.code));
    });
    child.stdin.on('error', () => {});
    child.stdin.end(options.input ?? '');
  });
}

function gitMissing(error: unknown): SourceError {
  const code = (error as NodeJS.ErrnoException).code;
  return new SourceError(
    code === 'ENOENT'
      ? 'git is not installed or not on PATH; keyhound needs the git binary for history and staged scans'
      : `could not run git: ${(error as Error).message}`,
  );
}

/** git's own message (its first `fatal:`/`error:` line), which names revisions and paths but never file contents. */
export function gitFailed(args: readonly string[], stderr: string, code: number): SourceError {
  const lines = stderr
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const reason = lines.find((line) => /^(fatal|error):/.test(line)) ?? lines[0] ?? `exit code ${code}`;
  return new SourceError(
    `git ${args
      .filter((a) => !a.startsWith('--format'))
      .slice(0, 3)
      .join(' ')} failed: ${reason.replace(/^(fatal|error):\s*/, '')}`,
  );
}
