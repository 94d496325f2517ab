// The blob-based history design's cost, bounded from below, beside the
// diff-based one keyhound runs (docs/git.md, "Diff-based or blob-based").
//
//   node bench/blob-bound.mjs --repo PATH [--runs 2]
//
// Blob-based (as Nosey Parker and Kingfisher scan): every unique blob once,
// scanned whole, attributed through a cheap `git log --raw` walk. Its parts
// are timed apart, none of them doing less than the real thing would:
//   walk      git log --all --raw --no-renames --diff-merges=first-parent (no content)
//   read      git cat-file --batch-all-objects --batch (every object, once)
//   scan      `keyhound scan` of every unique blob written out as a file (2 threads), so
//             the engine, reading and decoding are the tree scan's; attribution is not counted
// beside `keyhound git` (diff-based, attributed) and the `git log -p --all -U0` floor.
// The blobs are written once to a temp folder (the repository's unique blob bytes on disk).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CLI } from './measure.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const repo = path.resolve(option('--repo', ''));
const runs = Number(option('--runs', '2'));
if (!existsSync(repo) || !option('--repo')) throw new Error('usage: node bench/blob-bound.mjs --repo PATH [--runs 2]');

/** Wall seconds, CPU seconds (user + sys, children included) and peak RSS of one command. */
function timed(command, commandArgs, cwd = repo) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'keyhound-bench-time-'));
  const file = path.join(dir, 'time');
  const started = process.hrtime.bigint();
  spawnSync('/usr/bin/time', ['-o', file, '-f', '%U %S %M', 'sh', '-c', `"$0" "$@" > /dev/null 2>&1`, command, ...commandArgs], { cwd });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const [user, sys, kb] = readFileSync(file, 'utf8').trim().split('\n').pop().split(' ').map(Number);
  rmSync(dir, { recursive: true, force: true });
  return { seconds, cpu: user + sys, rss: kb * 1024 };
}

/** Writes every unique blob of the repository to `dir`, one file per blob; returns their count and bytes. */
async function writeBlobs(dir) {
  const listing = spawnSync('git', ['cat-file', '--batch-all-objects', '--unordered', '--batch-check=%(objectname) %(objecttype)'], {
    cwd: repo,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const ids = listing.stdout
    .split('\n')
    .filter((line) => line.endsWith(' blob'))
    .map((line) => line.slice(0, line.indexOf(' ')));
  const child = spawn('git', ['cat-file', '--batch'], { cwd: repo });
  child.stdin.end(`${ids.join('\n')}\n`);
  let pending = Buffer.alloc(0);
  let bytes = 0;
  for await (const chunk of child.stdout) {
    pending = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
    for (;;) {
      const newline = pending.indexOf(10);
      if (newline < 0) break;
      const [id, , size] = pending.subarray(0, newline).toString('latin1').split(' ');
      const length = Number(size);
      if (pending.length < newline + length + 2) break;
      const folder = path.join(dir, id.slice(0, 2));
      mkdirSync(folder, { recursive: true });
      writeFileSync(path.join(folder, id), pending.subarray(newline + 1, newline + 1 + length));
      bytes += length;
      pending = pending.subarray(newline + length + 2);
    }
  }
  return { count: ids.length, bytes };
}

const blobs = mkdtempSync(path.join(os.tmpdir(), 'keyhound-bench-blobs-'));
try {
  const written = await writeBlobs(blobs);
  console.log(`repository: ${repo}\n${written.count} unique blobs, ${(written.bytes / 1048576).toFixed(0)} MiB\n`);
  const commands = {
    floor: ['git', ['log', '-p', '--all', '-U0']],
    'diff-based: keyhound git': [process.execPath, [CLI, 'git', repo, '--format', 'json', '-o', '/dev/null']],
    'blob-based walk': ['git', ['log', '--all', '--raw', '--no-renames', '--diff-merges=first-parent', '--format=%H']],
    'blob-based read': ['git', ['cat-file', '--batch-all-objects', '--unordered', '--batch']],
    'blob-based scan (2 threads)': [process.execPath, [CLI, 'scan', blobs, '--threads', '2', '--format', 'json', '-o', '/dev/null']],
  };
  const best = {};
  for (let run = 0; run < runs; run++) {
    for (const [name, [command, commandArgs]] of Object.entries(commands)) {
      const result = timed(command, commandArgs);
      const known = best[name];
      best[name] = known
        ? { seconds: Math.min(known.seconds, result.seconds), cpu: Math.min(known.cpu, result.cpu), rss: Math.max(known.rss, result.rss) }
        : result;
    }
  }
  for (const [name, result] of Object.entries(best)) {
    console.log(
      `${name.padEnd(30)} wall ${result.seconds.toFixed(2).padStart(6)} s  CPU ${result.cpu.toFixed(2).padStart(6)} s  peak RSS ${(result.rss / 1e6).toFixed(0).padStart(4)} MB`,
    );
  }
  const parts = ['blob-based walk', 'blob-based read', 'blob-based scan (2 threads)'].map((name) => best[name]);
  const cpu = parts.reduce((sum, part) => sum + part.cpu, 0);
  const diff = best['diff-based: keyhound git'];
  console.log(`\nblob-based, lower bound: ${cpu.toFixed(1)} s CPU (${(cpu / diff.cpu).toFixed(2)}x diff-based's ${diff.cpu.toFixed(1)} s)`);
  console.log(
    `blob-based wall, lower bound (walk and read overlapping the scan): ${parts[2].seconds.toFixed(1)} s (${(parts[2].seconds / diff.seconds).toFixed(2)}x diff-based's ${diff.seconds.toFixed(1)} s)`,
  );
} finally {
  rmSync(blobs, { recursive: true, force: true });
}
