import { cpSync, statSync } from 'node:fs';
import path from 'node:path';
import { CLI } from './cli.js';

/**
 * Running the CLI as a user who may not read everything. As root every file
 * is readable, so the CLI runs as "nobody" (setpriv drops the privileges);
 * any other user lacks them already and runs it directly.
 */
const AS_ROOT = process.getuid?.() === 0;
const NOBODY = 65534;

/**
 * The command that runs the CLI with `args` without privileges. As root, "nobody"
 * may not reach this checkout (a clone in root's 0700 home), so the bundle is
 * copied into `dir` first: a folder made for the test, whose parents every user
 * may pass through.
 */
export function unprivilegedCli(dir: string, args: readonly string[]): { command: string; args: string[] } {
  if (!AS_ROOT) return { command: process.execPath, args: [CLI, ...args] };
  assertReachable(dir);
  const copy = path.join(dir, 'keyhound-cli');
  cpSync(path.dirname(CLI), copy, { recursive: true });
  return {
    command: 'setpriv',
    args: [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', process.execPath, path.join(copy, path.basename(CLI)), ...args],
  };
}

/** Fails with the folder to blame, rather than with the CLI's "permission denied", when other users cannot pass through `dir`. */
function assertReachable(dir: string): void {
  for (let at = path.resolve(dir); ; at = path.dirname(at)) {
    if ((statSync(at).mode & 0o001) === 0) {
      throw new Error(
        `${at} is closed to other users (mode ${(statSync(at).mode & 0o777).toString(8)}): the unprivileged run cannot reach ${dir}; set TMPDIR to a folder every user may pass through`,
      );
    }
    if (path.dirname(at) === at) return;
  }
}
