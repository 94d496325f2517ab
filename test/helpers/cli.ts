import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The bundled CLI, as users and the pre-commit hook run it (`npm test` builds it first). */
export const CLI = path.join(ROOT, 'dist', 'cli', 'keyhound.js');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI process. */
export function runCli(
  args: string[],
  options: {
    cwd?: string;
    input?: string;
    env?: NodeJS.ProcessEnv;
    /** Kill it after this many ms (its code is then -1). */ timeoutMs?: number;
  } = {},
): RunResult {
  const result: SpawnSyncReturns<string> = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...options.env },
    maxBuffer: 64 * 1024 * 1024,
    ...(options.timeoutMs ? { timeout: options.timeoutMs } : {}),
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
