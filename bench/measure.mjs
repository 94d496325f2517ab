// Small helpers shared by the benchmark scripts.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CLI = path.join(ROOT, 'dist', 'cli', 'keyhound.js');
const MAXRSS = path.join(ROOT, 'bench', 'maxrss.mjs');

export const mib = (bytes) => bytes / 1048576;

/** Runs a node script as its own process; returns wall seconds, peak RSS bytes, status and output. */
export function runNode(args, { cwd = ROOT, env = {} } = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'keyhound-bench-'));
  const rssFile = path.join(dir, 'rss');
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--import', MAXRSS, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
    env: { ...process.env, ...env, KEYHOUND_BENCH_RSS_FILE: rssFile },
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  let rss = NaN;
  try {
    rss = Number(readFileSync(rssFile, 'utf8'));
  } catch {
    /* the process died before exit */
  }
  rmSync(dir, { recursive: true, force: true });
  return { seconds, rss, status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs any command; wall seconds and status. */
export function runCommand(command, args, { cwd = ROOT, shell = false } = {}) {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, shell });
  return {
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    error: result.error,
  };
}

/** Best of n runs by wall time (these machines are noisy). */
export function best(n, run) {
  let winner;
  for (let i = 0; i < n; i++) {
    const r = run();
    if (!winner || r.seconds < winner.seconds) winner = r;
  }
  return winner;
}

export function row(label, { seconds, bytes, rss, note = '' }) {
  const rate = bytes ? `${(mib(bytes) / seconds).toFixed(1).padStart(7)} MB/s` : ''.padStart(12);
  const memory = Number.isFinite(rss) ? `${mib(rss).toFixed(0).padStart(5)} MB RSS` : ''.padStart(12);
  console.log(`${label.padEnd(44)} ${seconds.toFixed(2).padStart(7)} s ${rate}  ${memory}  ${note}`);
}
